import Link from "next/link";
import { format, type Locale, type Messages } from "@/lib/i18n";
import type { Stage } from "@/lib/schemas/term";
import { decisionsOf } from "@/server/terms/page";
import { formatDateTime } from "@/lib/i18n/dates";
import { DecidedForm, DecidedList, RegionalRows } from "@/components/decision/decided-forms";

type Term = { id: string; slug: string; stage: Stage; targetLang: string };

const dateOf = formatDateTime;

/** On a published term, the decision comes first: 正名, 又称, deprecated forms, the statement, who and when. */
export async function DecisionPanel({ term, t, locale }: { term: Term; t: Messages; locale: Locale }) {
  if (term.stage !== "published") return null;
  const current = (await decisionsOf(term.id)).find((d) => d.supersededAt === null);
  if (!current) return null;
  const f = t.facilitation.decision;
  const statements = locale === "zh" ? [["zh-Hans", current.statementZh], ["en", current.statementEn]] : [["en", current.statementEn], ["zh-Hans", current.statementZh]];
  return (
    <section aria-labelledby="decision-title" id="decision" className="card">
      <h2 id="decision-title" style={{ marginTop: 0 }}>
        {f.title}
      </h2>
      <dl className="meta">
        <dt>{f.adopted}</dt>
        <dd>
          <DecidedForm r={current.adopted} t={t} targetLang={term.targetLang} strong />
        </dd>
        <RegionalRows regional={current.regional} t={t} targetLang={term.targetLang} />
        <dt>{f.admitted}</dt>
        <dd>
          <DecidedList list={current.admitted} t={t} targetLang={term.targetLang} />
        </dd>
        <dt>{f.deprecated}</dt>
        <dd>
          <DecidedList list={current.deprecated} t={t} targetLang={term.targetLang} />
        </dd>
      </dl>
      {statements.map(([lang, text]) => (
        <p key={lang} lang={lang} style={{ whiteSpace: "pre-line" }}>
          {text}
        </p>
      ))}
      <p className="muted">
        {format(f.decidedBy, { name: current.decidedBy, date: dateOf(current.decidedAt, locale) })}{" "}
        <Link href={`/terms/${term.slug}/decisions/${current.id}`}>{f.snapshot}</Link>
      </p>
    </section>
  );
}

/** Every decision of the term, newest first, the superseded ones marked, each linking to its snapshot. */
export async function DecisionHistory({ term, t, locale }: { term: Term; t: Messages; locale: Locale }) {
  const decisions = await decisionsOf(term.id);
  if (decisions.length === 0) return null;
  const f = t.facilitation.decision;
  return (
    <section aria-labelledby="decision-history-title">
      <h2 id="decision-history-title">{f.history}</h2>
      <ol reversed>
        {decisions.map((d) => (
          <li key={d.id}>
            <Link href={`/terms/${term.slug}/decisions/${d.id}`}>
              <span lang={term.targetLang}>{d.adopted.text}</span>
            </Link>{" "}
            — {format(f.decidedBy, { name: d.decidedBy, date: dateOf(d.decidedAt, locale) })}{" "}
            <span className="muted">({d.supersededAt ? format(f.superseded, { date: dateOf(d.supersededAt, locale) }) : f.current})</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
