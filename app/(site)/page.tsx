import Link from "next/link";
import { listTerms } from "@/server/terms/read";
import { messages } from "@/server/site/locale";
import { readerGate } from "@/server/membership/access";
import { StageBadge } from "@/components/stage-badge";
import { ExportLinks } from "@/components/export-links";

export const dynamic = "force-dynamic";

export default async function LexiconPage() {
  await readerGate("/");
  const [{ t }, terms] = await Promise.all([messages(), listTerms()]);
  return (
    <>
      <h1>{t.lexicon.title}</h1>
      <p className="muted">{t.lexicon.intro}</p>
      {terms.length === 0 ? (
        <p>{t.lexicon.empty}</p>
      ) : (
        <ul className="terms">
          {terms.map((term) => (
            <li key={term.slug} className="card">
              <h2>
                <Link href={`/terms/${term.slug}`}>{term.headword}</Link>
                {term.abbreviation ? <span className="muted"> ({term.abbreviation})</span> : null}
              </h2>
              <ul className="facts">
                <li>
                  <span className="muted">{t.lexicon.stage}: </span>
                  <StageBadge stage={term.stage} t={t} />
                </li>
                <li>
                  <span className="muted">{t.lexicon.renderings}: </span>
                  {term.renderingCount}
                </li>
                <li>
                  <span className="muted">{t.lexicon.ballots}: </span>
                  {term.ballotCount}
                </li>
                {term.leader ? (
                  <li>
                    <span className="muted">{term.consensus ? t.lexicon.consensus : t.lexicon.leader}: </span>
                    <span lang="zh-Hans">{(term.consensus ?? term.leader).text}</span>
                  </li>
                ) : null}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {terms.length > 0 ? <ExportLinks t={t} /> : null}
    </>
  );
}
