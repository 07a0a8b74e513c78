import Link from "next/link";
import { listTerms } from "@/server/terms/read";
import { messages } from "@/server/site/locale";
import { readerGate } from "@/server/membership/access";
import { currentActor } from "@/server/auth/request";
import { termsNeedingGrade } from "@/server/notices/counts";
import { StageBadge } from "@/components/stage-badge";
import { ExportLinks } from "@/components/export-links";
import { format } from "@/lib/i18n";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ needs?: string }> };

export default async function LexiconPage({ searchParams }: Props) {
  await readerGate("/");
  const [{ t }, all, actor, { needs }] = await Promise.all([messages(), listTerms(), currentActor(), searchParams]);
  // "Needs your grade": the terms open for consultation this member has not graded.
  const needing = actor?.delegationId ? await termsNeedingGrade(actor) : null;
  const filtered = needing !== null && needs === "grade";
  const terms = filtered ? all.filter((term) => needing.has(term.slug)) : all;
  return (
    <>
      <h1>{t.lexicon.title}</h1>
      <p className="muted">{t.lexicon.intro}</p>
      {needing !== null ? (
        <nav aria-label={t.notices.needsGrade} className="filters">
          <Link href="/" aria-current={filtered ? undefined : "page"}>
            {t.notices.allTerms}
          </Link>{" "}
          <Link href="/?needs=grade" aria-current={filtered ? "page" : undefined}>
            {t.notices.needsGrade} ({needing.size})
          </Link>
        </nav>
      ) : null}
      {terms.length === 0 ? (
        <p>{filtered ? t.notices.noneNeedGrade : t.lexicon.empty}</p>
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
                {term.decided ? (
                  <li data-testid="lexicon-decided">
                    <span className="muted">{term.decided.standard.synonymClass ? t.records.classes[term.decided.standard.synonymClass] : t.facilitation.decision.adopted}: </span>
                    <span lang={term.targetLang}>{term.decided.standard.text}</span>
                    {term.decided.regional.map((r) => (
                      <span key={r.id}>
                        {" · "}
                        <span className="muted">{format(t.records.adoptedFor, { region: t.records.regions[r.region] })}: </span>
                        <span lang={term.targetLang}>{r.text}</span>
                      </span>
                    ))}
                  </li>
                ) : null}
                {!term.decided && term.leader ? (
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
      {all.length > 0 ? <ExportLinks t={t} /> : null}
    </>
  );
}
