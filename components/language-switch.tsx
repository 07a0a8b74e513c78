import { LOCALES, LOCALE_NAMES, HTML_LANG, type Locale } from "@/lib/i18n";

/** A plain form: works without JavaScript; the server sets the cookie and sends the reader back. */
export function LanguageSwitch({ locale, label }: { locale: Locale; label: string }) {
  return (
    <form className="lang-switch" action="/api/locale" method="post" aria-label={label}>
      {LOCALES.map((l) => (
        <button key={l} className="link" type="submit" name="locale" value={l} lang={HTML_LANG[l]} aria-pressed={l === locale}>
          {LOCALE_NAMES[l]}
        </button>
      ))}
    </form>
  );
}
