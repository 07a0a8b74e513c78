import Link from "next/link";
import { format, type Locale, type Messages } from "@/lib/i18n";
import { canFacilitate, type Actor } from "@/lib/permissions";
import { messages } from "@/server/site/locale";
import { currentActor } from "@/server/auth/request";
import { LanguageSwitch } from "@/components/language-switch";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { headerCounts } from "@/server/notices/counts";

export async function SiteHeader() {
  const [{ locale, t }, actor] = await Promise.all([messages(), currentActor()]);
  const { unread, needsGrade } = actor ? await headerCounts(actor) : { unread: 0, needsGrade: 0 };
  return <SiteHeaderView locale={locale} t={t} actor={actor} unread={unread} needsGrade={needsGrade} />;
}

/** The header for a given reader; the cached pages for signed-out readers draw it with no actor. */
export function SiteHeaderView({
  locale,
  t,
  actor,
  unread,
  needsGrade = 0,
}: {
  locale: Locale;
  t: Messages;
  actor: Actor | null;
  unread: number;
  needsGrade?: number;
}) {
  return (
    <header className="site">
      <Link className="brand" href="/">
        Gongshang<span lang="zh-Hans">共商</span>
      </Link>
      <nav aria-label={t.nav.lexicon}>
        <Link href="/">{t.nav.lexicon}</Link>
        <Link href="/method">{t.nav.method}</Link>
        {actor ? (
          <span className="user-menu">
            <Link href="/profile" title={format(t.auth.signedInAs, { name: actor.name })}>
              {actor.name}
            </Link>
            {needsGrade > 0 ? (
              <Link href="/?needs=grade" title={format(t.notices.needsGradeCount, { count: needsGrade })}>
                {t.notices.needsGrade}
                <span className="badge">{needsGrade}</span>
              </Link>
            ) : null}
            <Link href="/notifications">
              {t.facilitation.notifications.title}
              {unread > 0 ? <span className="badge">{unread}</span> : null}
            </Link>
            {canFacilitate(actor) ? <Link href="/admin">{t.admin.nav}</Link> : null}
            <SignOutButton label={t.auth.signOut} />
          </span>
        ) : (
          <Link href="/signin">{t.nav.signIn}</Link>
        )}
        <LanguageSwitch locale={locale} label={t.nav.language} />
      </nav>
    </header>
  );
}
