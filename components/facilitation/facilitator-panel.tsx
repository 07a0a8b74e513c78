"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { format } from "@/lib/i18n";
import { hasRole } from "@/lib/permissions";
import type { Stage } from "@/lib/schemas/term";
import { stageChoices } from "@/lib/term-stages";
import { moveStageAction, undoMergeAction, unhideCommentAction, unhideRenderingAction } from "@/server/actions/facilitation";
import { useMemberMessages, useTermViewer } from "@/components/member/member-provider";

// Only members draw these: loaded when drawn, so readers do not download them.
const StageForm = dynamic(() => import("./stage-form").then((m) => m.StageForm));
const OneButtonForm = dynamic(() => import("@/components/forms/one-button-form").then((m) => m.OneButtonForm));

type Term = { slug: string; stage: Stage; deadline: string | null; targetLang: string };

/**
 * Facilitators' tools for the whole term; admins also see merges to undo and hidden renderings
 * and comments. Drawn on the client from the viewer's parts (components/member): nothing for
 * anyone else.
 */
export function FacilitatorPanel({ term }: { term: Term }) {
  const t = useMemberMessages();
  const viewer = useTermViewer().viewer;
  const lists = viewer?.facilitation;
  if (!viewer || !lists || !hasRole(viewer.actor, "facilitator")) return null;
  const admin = hasRole(viewer.actor, "admin");
  const f = t.facilitation;
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
        targets={stageChoices(term.stage)}
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
      {lists.merges.length > 0 ? (
        <>
          <h3>{f.merge.history}</h3>
          <ul>
            {lists.merges.map((m) => (
              <li key={m.id}>
                <span lang={term.targetLang}>{format(f.merge.entry, { from: m.from.text, into: m.into.text, name: m.mergedBy })}</span>
                {m.undoneAt ? ` (${f.merge.undone})` : null}
                {admin && !m.undoneAt ? (
                  <>
                    {" "}
                    <OneButtonForm action={undoMergeAction.bind(null, term.slug, m.id)} label={f.merge.undo} busy={f.merge.undoing} forms={t.forms} />
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {lists.hiddenRenderings.length > 0 ? (
        <>
          <h3>{f.hide.hiddenRenderings}</h3>
          <ul>
            {lists.hiddenRenderings.map((r) => (
              <li key={r.id}>
                <span lang={term.targetLang}>{r.text}</span> — {r.gloss} ({r.proposer}){" "}
                <OneButtonForm action={unhideRenderingAction.bind(null, term.slug, r.id)} label={f.hide.unhide} busy="…" forms={t.forms} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {lists.hiddenComments.length > 0 ? (
        <>
          <h3>{f.hide.hiddenComments}</h3>
          <ul>
            {lists.hiddenComments.map((c) => (
              <li key={c.id}>
                {c.author}: <q>{c.body.length > 140 ? `${c.body.slice(0, 140)}…` : c.body}</q>{" "}
                <OneButtonForm action={unhideCommentAction.bind(null, term.slug, c.id)} label={f.hide.unhide} busy="…" forms={t.forms} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
