import { MESSAGES } from "@/lib/i18n";
import { SiteHeaderView } from "@/components/site-header";
import { SiteFrame, siteViewport } from "@/components/site-frame";
import { BilingualNotFound } from "@/components/not-found-message";
import "@fontsource-variable/noto-sans-sc/wght.css";
import "./globals.css";

export const metadata = { title: "404 · Gongshang 共商" };
export const viewport = siteViewport;

/**
 * An address that matches no page. The app has two root layouts (app/(site), app/(reader)), so
 * this stands outside both (next.config.js: experimental.globalNotFound); it is static and says
 * it in both languages.
 */
export default function GlobalNotFound() {
  const t = MESSAGES.en;
  return (
    <SiteFrame locale="en" t={t} header={<SiteHeaderView locale="en" t={t} actor={null} unread={0} />}>
      <BilingualNotFound />
    </SiteFrame>
  );
}
