import type { Metadata, Viewport } from "next";
import { GeistSans } from "geist/font/sans";
import { HTML_LANG, type Locale, type Messages } from "@/lib/i18n";

export const siteMetadata: Metadata = {
  title: { default: "Gongshang 共商", template: "%s · Gongshang 共商" },
  description: "Choosing translation terms together: the Cooperative Security 2.0 Lexicon.",
};

export const siteViewport: Viewport = { width: "device-width", initialScale: 1 };

/** The document around every page: language, skip link, header, main, footer. */
export function SiteFrame({ locale, t, header, children }: { locale: Locale; t: Messages; header: React.ReactNode; children: React.ReactNode }) {
  return (
    <html lang={HTML_LANG[locale]} className={GeistSans.variable}>
      <body>
        <a className="skip" href="#main">
          {t.app.skip}
        </a>
        {header}
        <main id="main">{children}</main>
        <footer className="site">
          {t.app.name} · {t.app.tagline}
        </footer>
      </body>
    </html>
  );
}
