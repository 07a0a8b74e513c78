import { messages } from "@/server/site/locale";
import { SiteHeader } from "@/components/site-header";
import { SiteFrame, siteMetadata, siteViewport } from "@/components/site-frame";
// Noto Sans SC (variable weight), self-hosted in ~100 unicode-range slices: see README "Typeface".
import "@fontsource-variable/noto-sans-sc/wght.css";
import "../globals.css";

export const metadata = siteMetadata;
export const viewport = siteViewport;

/** The site's pages, in the reader's language (cookie, profile, Accept-Language), rendered per request. */
export default async function SiteLayout({ children }: { children: React.ReactNode }) {
  const { locale, t } = await messages();
  return (
    <SiteFrame locale={locale} t={t} header={<SiteHeader />}>
      {children}
    </SiteFrame>
  );
}
