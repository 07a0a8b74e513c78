import Link from "next/link";
import { format, type Messages } from "@/lib/i18n";
import { canAdminister, canFacilitate } from "@/lib/permissions";
import type { Stage } from "@/lib/schemas/term";
import { STAGE_MOVES } from "@/lib/term-stages";
import { moveStageAction, undoMergeAction, unhideRenderingAction } from "@/server/actions/facilitation";
import { listMerges } from "@/server/deliberation/merge";
import { listHiddenRenderings } from "@/server/deliberation/moderation";
import { viewer } from "@/server/terms/page";
import { StageForm } from "./stage-form";
import { ActionButton } from "./action-button";

type Term = { id: string; slug: string; stage: Stage; deadline: string | null; targetLang: string };

/** Facilitators' tools for the whole term; admins also see merges to undo and hidden renderings. */
export async function FacilitatorPanel({ term, t }: { term: Term; t: Messages }) {
  const actor = await viewer();
  if (!canFacilitate(actor)) return null;
  const admin = canAdminister(actor);
  const f = t.facilitation;
  const targets: Stage[] = [...(term.stage === "consultation" ? (["consultation"] as Stage[]) : []), ...STAGE_MOVES[term.stage].filter((s) => s !== "published")];
  const [merges, hidden] = await Promise.all([listMerges(actor, term.id), admin ? listHiddenRenderings(actor, term.id) : []]);
  return (
    <section aria-labelledby="facilitate-title" id="facilitate" className="card">
      <h2 id="facilitate-title" style={{ marginTop: 0 }}>
        {f.panel}
      </h2>
      <h3>{f.stage.title}</h3>
      <p>{format(f.stage.current, { stage: t.stage[term.stage] })}</p>
      <StageForm
        action={moveStageAction.bind(null, term.slug)}
        current={term.stage}
        targets={targets}
        deadline={term.deadline ? term.deadline.slice(0, 16) : ""}
        stageNames={t.stage}
        t={f}
        forms={t.forms}
      />
      {term.stage === "provisional" ? (
        <p>
          {f.stage.publishHint} <Link href={`/terms/${term.slug}/decide`}>{f.decision.record}</Link>
        </p>
      ) : null}
      {term.stage === "published" ? <p className="muted">{f.stage.reopenHint}</p> : null}
      <p>
        <Link href={`/terms/${term.slug}/edit`}>{f.term.edit}</Link> · <Link href="/facilitate/terms/new">{f.term.newTerm}</Link> · <Link href="/facilitate/import">{f.term.importGlossary}</Link>
        {admin ? (
          <>
            {" "}
            · <Link href="/admin/audit">{f.audit.title}</Link>
          </>
        ) : null}
      </p>
      {merges.length > 0 ? (
        <>
          <h3>{f.merge.history}</h3>
          <ul>
            {merges.map((m) => (
              <li key={m.id}>
                <span lang={term.targetLang}>{format(f.merge.entry, { from: m.from.text, into: m.into.text, name: m.mergedBy })}</span>
                {m.undoneAt ? ` (${f.merge.undone})` : null}
                {admin && !m.undoneAt ? (
                  <>
                    {" "}
                    <ActionButton action={undoMergeAction.bind(null, term.slug, m.id)} label={f.merge.undo} busy={f.merge.undoing} forms={t.forms} />
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {hidden.length > 0 ? (
        <>
          <h3>{f.hide.hiddenRenderings}</h3>
          <ul>
            {hidden.map((r) => (
              <li key={r.id}>
                <span lang={term.targetLang}>{r.text}</span> — {r.gloss} ({r.proposer}){" "}
                <ActionButton action={unhideRenderingAction.bind(null, term.slug, r.id)} label={f.hide.unhide} busy="…" forms={t.forms} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
