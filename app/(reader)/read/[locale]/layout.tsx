import { notFound } from "next/navigation";
import { LOCALES, MESSAGES, isLocale } from "@/lib/i18n";
import { SiteHeaderView } from "@/components/site-header";
import { SiteFrame, siteMetadata, siteViewport } from "@/components/site-frame";
// Noto Sans SC (variable weight), self-hosted in ~100 unicode-range slices: see README "Typeface".
import "@fontsource-variable/noto-sans-sc/wght.css";
import "../../../globals.css";

export const metadata = siteMetadata;
export const viewport = siteViewport;

export function generateStaticParams() {
  return LOCALES.map((locale) => ({ locale }));
}

/**
 * The frame of the pages cached for signed-out readers (next.config.js, rewrites): the language comes from
 * the address, which the rewrite chose from the reader's cookie or Accept-Language, and the header
 * is the signed-out one. Nothing here reads the request, so the pages below can be cached.
 */
export default async function ReaderLayout({ children, params }: { children: React.ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const t = MESSAGES[locale];
  return (
    <SiteFrame locale={locale} t={t} header={<SiteHeaderView locale={locale} t={t} actor="viewer" unread={0} />}>
      {children}
    </SiteFrame>
  );
}
