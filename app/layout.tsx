import type { Metadata, Viewport } from "next";
import { GeistSans } from "geist/font/sans";
import { HTML_LANG } from "@/lib/i18n";
import { messages } from "@/server/locale";
import { SiteHeader } from "@/components/site-header";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Gongshang 共商", template: "%s · Gongshang 共商" },
  description: "Choosing translation terms together: the Cooperative Security 2.0 Lexicon.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const { locale, t } = await messages();
  return (
    <html lang={HTML_LANG[locale]} className={GeistSans.variable}>
      <body>
        <a className="skip" href="#main">
          {t.app.skip}
        </a>
        <SiteHeader />
        <main id="main">{children}</main>
        <footer className="site">
          {t.app.name} · {t.app.tagline}
        </footer>
      </body>
    </html>
  );
}
