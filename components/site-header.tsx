import Link from "next/link";
import type { Locale, Messages } from "@/lib/i18n";
import { canFacilitate, type Actor } from "@/lib/permissions";
import { messages } from "@/server/site/locale";
import { currentActor } from "@/server/auth/request";
import { LanguageSwitch } from "@/components/language-switch";
import { UserMenu, ViewerUserMenu, type MenuLabels } from "@/components/member/user-menu";
import { headerCounts } from "@/server/notices/counts";

export async function SiteHeader() {
  const [{ locale, t }, actor] = await Promise.all([messages(), currentActor()]);
  const { unread, needsGrade } = actor ? await headerCounts(actor) : { unread: 0, needsGrade: 0 };
  return <SiteHeaderView locale={locale} t={t} actor={actor} unread={unread} needsGrade={needsGrade} />;
}

/**
 * The header. Pages rendered per request know the reader (`actor`); the shared cached pages
 * (`actor` "viewer") draw the reader's menu on the client from the page's private read.
 */
export function SiteHeaderView({
  locale,
  t,
  actor,
  unread,
  needsGrade = 0,
}: {
  locale: Locale;
  t: Messages;
  actor: Actor | null | "viewer";
  unread: number;
  needsGrade?: number;
}) {
  const labels: MenuLabels = {
    signedInAs: t.auth.signedInAs,
    notifications: t.facilitation.notifications.title,
    needsGrade: t.notices.needsGrade,
    needsGradeCount: t.notices.needsGradeCount,
    admin: t.admin.nav,
    signOut: t.auth.signOut,
    signIn: t.nav.signIn,
  };
  return (
    <header className="site">
      <Link className="brand" href="/">
        Gongshang<span lang="zh-Hans">共商</span>
      </Link>
      <nav aria-label={t.nav.lexicon}>
        <Link href="/">{t.nav.lexicon}</Link>
        <Link href="/method">{t.nav.method}</Link>
        {actor === "viewer" ? (
          <ViewerUserMenu labels={labels} />
        ) : (
          <UserMenu user={actor ? { name: actor.name, unread, needsGrade, staff: canFacilitate(actor) } : null} labels={labels} />
        )}
        <LanguageSwitch locale={locale} label={t.nav.language} />
      </nav>
    </header>
  );
}
