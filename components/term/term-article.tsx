import { format, type Locale, type Messages } from "@/lib/i18n";
import type { getTerm } from "@/server/terms/read";
import { StageBadge } from "@/components/stage-badge";
import { BilingualFields } from "@/components/term/bilingual-fields";
import { RenderingCard } from "@/components/rendering-card";
import { LiveTerm } from "@/components/live/live-term";
import { ExportLinks } from "@/components/export-links";
import { BallotSection } from "@/components/ballot/ballot-section";
import { ResultsSection } from "@/components/results/results-section";
import { ProposalSection } from "@/components/proposal/proposal-section";
import { RenderingDiscussion } from "@/components/discussion/rendering-discussion";
import { RenderingControlsSlot } from "@/components/facilitation/rendering-controls-slot";
import { TermRenderings } from "@/components/facilitation/term-renderings";
import { FacilitatorSlot } from "@/components/facilitation/facilitator-slot";
import { DecisionHistory, DecisionPanel } from "@/components/facilitation/decision-panel";
import { MemberProvider } from "@/components/member/member-provider";
import { BallotScope } from "@/components/ballot/ballot-scope";
import { BallotSummarySlot, GradeRowSlot } from "@/components/ballot/grading-slots";
import { GradeGuide } from "@/components/ballot/grade-guide";
import { Countdown } from "@/components/term/countdown";
import { PROPOSALS_OPEN } from "@/lib/term-stages";
import type { TermViewer } from "@/lib/schemas/term-viewer";
import { formatDateTime } from "@/lib/i18n/dates";

type Term = Awaited<ReturnType<typeof getTerm>>;

/**
 * A term's page: the term, the results, the candidates with their arguments, the forms. The
 * same for everyone (the cached copy of app/(reader), decision 015); the viewer's own parts —
 * their ballot, their controls, the facilitators' tools — are client components filled from
 * one private read (components/member), or from `viewer` when the server renders the plain
 * page for a member without JavaScript. `cursor`: the newest of the term's events when the
 * data was read, where the live stream starts.
 */
export function TermArticle({ term, t, locale, cursor, viewer }: { term: Term; t: Messages; locale: Locale; cursor: number; viewer?: TermViewer }) {
  const memberText = { ballot: { form: t.ballot.form }, proposal: t.proposal, forms: t.forms, discussion: t.discussion, facilitation: t.facilitation, stage: t.stage, records: t.records };
  return (
    <MemberProvider slug={term.slug} initial={viewer} t={memberText}>
    <BallotScope>
    <article>
      <h1 lang={term.sourceLang}>
        {term.headword}
        {term.abbreviation ? <span className="muted"> ({term.abbreviation})</span> : null}
      </h1>
      <p>
        <StageBadge stage={term.stage} t={t} /> <span className="muted">{t.stageHint[term.stage]}</span>
        {term.deadline && term.stage === "consultation" ? (
          <>
            {" "}
            <Countdown deadline={term.deadline} locale={locale} labels={{ deadline: t.term.deadline, timeLeft: t.term.timeLeft, closed: t.term.deadlinePassed }} />
          </>
        ) : term.deadline ? (
          <span className="muted"> {format(t.term.deadline, { date: formatDateTime(term.deadline, locale) })}</span>
        ) : null}
      </p>
      {/* A published term does not change with grades or proposals: nothing to announce about it. */}
      <LiveTerm slug={term.slug} cursor={cursor} labels={t.live} quiet={term.stage === "published"} />
      {viewer === undefined && term.stage !== "published" ? (
        // Without JavaScript the viewer's parts cannot be filled in: members grade on the page
        // rendered for them.
        <noscript>
          <p className="card">
            {t.live.plain} <a href={`/terms/${term.slug}/plain`}>{t.live.plainLink}</a>
          </p>
        </noscript>
      ) : null}
      <DecisionPanel term={term} t={t} locale={locale} />
      <dl className="meta">
        <BilingualFields term={term} t={t} locale={locale} />
        {term.source ? (
          <>
            <dt>{t.term.source}</dt>
            <dd>{term.source}</dd>
          </>
        ) : null}
        {term.subjectField ? (
          <>
            <dt>{t.term.subjectField}</dt>
            <dd>{term.subjectField}</dd>
          </>
        ) : null}
        <dt>{t.term.languages}</dt>
        <dd>
          {term.sourceLang} → {term.targetLang}
        </dd>
      </dl>
      <FacilitatorSlot term={{ slug: term.slug, stage: term.stage, deadline: term.deadline, targetLang: term.targetLang }} />
      <nav aria-label={t.term.onThisPage} className="on-this-page">
        {term.stage !== "draft" ? <a href="#results">{t.ballot.results.title}</a> : null}
        <a href="#candidates">{t.term.candidates}</a>
        <a href="#ballot">{t.ballot.form.title}</a>
        {PROPOSALS_OPEN.includes(term.stage) ? <a href="#propose">{t.proposal.title}</a> : null}
      </nav>
      {/* The outcome first for readers; then the candidates with their arguments, then the forms. */}
      {term.stage !== "draft" ? <ResultsSection slug={term.slug} t={t} locale={locale} targetLang={term.targetLang} details={viewer === undefined ? "client" : "server"} /> : null}
      {/* The cards, the ballot's form and its summary: the summary stays in view while any of them is. */}
      <div>
      <section aria-labelledby="candidates-title" id="candidates">
        <h2 id="candidates-title">{t.term.candidates}</h2>
        {term.stage === "consultation" && term.renderings.length > 0 ? <GradeGuide t={t} locale={locale} /> : null}
        {term.renderings.length === 0 ? (
          <p>{t.term.noCandidates}</p>
        ) : (
          <TermRenderings renderings={term.renderings.map((r) => ({ id: r.id, text: r.text }))}>
          <ul className="renderings">
            {term.renderings.map((r) => (
              <li key={r.id}>
                <RenderingCard rendering={r} targetLang={term.targetLang} t={t} locale={locale}>
                  <GradeRowSlot stage={term.stage} renderingId={r.id} text={r.text} targetLang={term.targetLang} locale={locale} />
                </RenderingCard>
                <RenderingControlsSlot
                  slug={term.slug}
                  stage={term.stage}
                  targetLang={term.targetLang}
                  rendering={{ id: r.id, gloss: r.gloss, rationale: r.rationale, pinyin: r.pinyin }}
                />
                <RenderingDiscussion term={term} renderingId={r.id} t={t} locale={locale} />
              </li>
            ))}
          </ul>
          </TermRenderings>
        )}
      </section>
      <BallotSection term={term} t={t} locale={locale} />
      <BallotSummarySlot stage={term.stage} renderingIds={term.renderings.map((r) => r.id)} />
      </div>
      <ProposalSection term={term} t={t} />
      <ExportLinks t={t} slug={term.slug} />
      <DecisionHistory term={term} t={t} locale={locale} />
    </article>
    </BallotScope>
    </MemberProvider>
  );
}
