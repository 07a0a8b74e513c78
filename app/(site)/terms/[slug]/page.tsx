import type { Metadata } from "next";
import { readerGate } from "@/server/membership/access";
import { messages } from "@/server/site/locale";
import { loadTermPage, termTitle } from "@/server/terms/page";
import { canonicalUrl } from "@/server/site/url";
import { TermArticle } from "@/components/term/term-article";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

/**
 * A term's page as a signed-in member sees it, rendered on every request. Signed-out readers are
 * sent to the cached copy of app/(reader)/read/[locale]/terms/[slug] by the rewrites of next.config.js.
 */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  await readerGate(`/terms/${slug}`);
  return { title: await termTitle(slug), alternates: { canonical: canonicalUrl(`/terms/${slug}`) } };
}

export default async function TermPage({ params }: Props) {
  const { slug } = await params;
  await readerGate(`/terms/${slug}`);
  const [{ t, locale }, { term, cursor }] = await Promise.all([messages(), loadTermPage(slug)]);
  return <TermArticle term={term} t={t} locale={locale} cursor={cursor} />;
}
