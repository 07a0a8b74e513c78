import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { MESSAGES, isLocale } from "@/lib/i18n";
import { getSiteSettings } from "@/server/site/settings";
import { loadTermPage, termTitle } from "@/server/terms/page";
import { TermArticle } from "@/components/term/term-article";
import { canonicalUrl } from "@/server/site/url";

/**
 * A term's page for everyone (next.config.js rewrites /terms/{slug} here), cached; the viewer's
 * own parts are filled in on the client (components/member, decision 015).
 * Reading a cached copy costs a fraction of rendering the page, which is what lets a whole
 * conference read along (docs/benchmarks.md). How fresh it is:
 * - every change but a ballot expires this instance's copies at once (server/live/cached-pages);
 * - otherwise a copy older than `revalidate` seconds is served once more while a new one renders;
 * - an open page follows the live stream from the event it was rendered at, so a stale copy
 *   brings itself up to date (components/live/live-term.tsx).
 * Nothing here may read the request: `dynamic = "error"` makes a cookie or header read fail
 * instead of silently making the page render per request.
 */
export const revalidate = 3;
export const dynamic = "error";
export const dynamicParams = true;

export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ locale: string; slug: string }> };

async function read({ params }: Props) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  // A members-only site cannot share one copy: its members get the page rendered for them,
  // which sends anyone else to sign in.
  if ((await getSiteSettings()).membersOnly) redirect(`/terms/${slug}/plain`);
  return { locale, ...(await loadTermPage(slug)) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  // Metadata is rendered with the redirect's body: on a members-only site it names nothing.
  if ((await getSiteSettings()).membersOnly) redirect(`/terms/${slug}/plain`);
  return { title: await termTitle(slug), alternates: { canonical: canonicalUrl(`/terms/${slug}`) } };
}

export default async function CachedTermPage(props: Props) {
  const { locale, term, cursor } = await read(props);
  return <TermArticle term={term} t={MESSAGES[locale]} locale={locale} cursor={cursor} />;
}
