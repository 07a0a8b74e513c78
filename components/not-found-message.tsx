import Link from "next/link";
import { HTML_LANG, LOCALES, MESSAGES, type Messages } from "@/lib/i18n";

export function NotFoundMessage({ t }: { t: Messages }) {
  return (
    <>
      <h1>{t.errors.notFoundTitle}</h1>
      <p>{t.errors.notFound}</p>
      <p>
        <Link href="/">{t.errors.backHome}</Link>
      </p>
    </>
  );
}

/** For the not-found pages that cannot know the reader's language (static ones): both languages. */
export function BilingualNotFound() {
  return LOCALES.map((locale) => (
    <div key={locale} lang={HTML_LANG[locale]}>
      <NotFoundMessage t={MESSAGES[locale]} />
    </div>
  ));
}
