import type { Metadata } from "next";
import { memberPage } from "@/server/membership/access";
import { messages } from "@/server/site/locale";
import { loadTermPage, termTitle } from "@/server/terms/page";
import { termViewer } from "@/server/terms/viewer";
import { canonicalUrl } from "@/server/site/url";
import { TermArticle } from "@/components/term/term-article";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

/**
 * A term's page rendered for one member on every request, with their parts filled in on the
 * server: for members without JavaScript (the shared page links here in a <noscript>), where
 * every form is a plain post that renders this page again, and for members-only sites, whose
 * term pages cannot be one shared copy (decision 015). Everyone else gets the cached page.
 */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  await memberPage(`/terms/${slug}`);
  return { title: await termTitle(slug), alternates: { canonical: canonicalUrl(`/terms/${slug}`) }, robots: { index: false } };
}

export default async function PlainTermPage({ params }: Props) {
  const { slug } = await params;
  const actor = await memberPage(`/terms/${slug}`);
  const [{ t, locale }, { term, cursor }, viewer] = await Promise.all([messages(), loadTermPage(slug), termViewer(actor, slug).catch(() => undefined)]);
  return <TermArticle term={term} t={t} locale={locale} cursor={cursor} viewer={viewer} />;
}
