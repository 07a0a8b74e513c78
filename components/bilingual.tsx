import { HTML_LANG } from "@/lib/i18n";

/**
 * A label given in both languages (a grade: Excellent 优秀): the reader's language first, the
 * other after it, each marked with its language. `first` is the page's locale ("en" or "zh").
 */
export function Bilingual({ label, first }: { label: { readonly en: string; readonly zh: string }; first: string }) {
  const order = first === "zh" ? (["zh", "en"] as const) : (["en", "zh"] as const);
  return (
    <>
      <span lang={HTML_LANG[order[0]]}>{label[order[0]]}</span> <span lang={HTML_LANG[order[1]]}>{label[order[1]]}</span>
    </>
  );
}
