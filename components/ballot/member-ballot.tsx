"use client";

import dynamic from "next/dynamic";
import { format } from "@/lib/i18n";
import { saveBallot } from "@/server/actions/save-ballot";
import type { Stage } from "@/lib/schemas/term";
import { useMemberMessages, useReloadViewer, useTermViewer } from "@/components/member/member-provider";
import styles from "./ballot.module.css";

// Only members draw these: loaded when drawn, so readers do not download them.
const BallotForm = dynamic(() => import("./ballot-form").then((m) => m.BallotForm));

type Props = {
  slug: string;
  stage: Stage;
  targetLang: string;
  locale: "en" | "zh";
  renderings: { id: string; text: string }[];
  /** What a reader who is not signed in sees (and everyone until the viewer's parts arrive). */
  children: React.ReactNode;
};

/** Where the voter finds their own ballot in the anonymized export (issue 15). */
function InExport({ slug, voter, text }: { slug: string; voter: string; text: ReturnType<typeof useMemberMessages>["ballot"]["form"] }) {
  return (
    <p data-testid="ballot-pseudonym">
      {format(text.inExport, { voter: "" })}
      <code>{voter}</code> (<a href={`/api/terms/${slug}/ballots`}>{text.exportLink}</a>).{" "}
      <span className="muted">{text.inExportHint}</span>
    </p>
  );
}

/** The viewer's own ballot: its form (the note, what went wrong) while the term is open, else why there is none. */
export function MemberBallot({ slug, stage, targetLang, locale, renderings, children }: Props) {
  const text = useMemberMessages().ballot.form;
  const { viewer, fromServer } = useTermViewer();
  const reload = useReloadViewer();
  const actor = viewer?.actor ?? null;
  const ballot = viewer?.ballot ?? null;
  if (stage !== "consultation")
    return (
      <>
        <p className={styles.panel}>
          {stage === "draft" ? text.notOpenYet : text.closed}{" "}
          {ballot && ballot.revision > 0 ? format(text.keptBallot, { revision: ballot.revision }) : null}
        </p>
        {ballot && ballot.revision > 0 ? <InExport slug={slug} voter={ballot.voter} text={text} /> : null}
      </>
    );
  if (!actor || !ballot) return <>{children}</>;
  if (!actor.delegationId) return <p className={styles.panel}>{text.noDelegation}</p>;
  if (renderings.length === 0) return null;
  return (
    <>
      <p className="muted">{text.intro}</p>
      <p>{ballot.revision > 0 ? format(text.lastSaved, { revision: ballot.revision }) : text.notCast}</p>
      {ballot.revision > 0 ? <InExport slug={slug} voter={ballot.voter} text={text} /> : null}
      <BallotForm action={saveBallot.bind(null, slug)} renderings={renderings} rows={fromServer ? { targetLang, locale } : undefined}
        stored={{ grades: ballot.grades, reasons: ballot.reasons, note: ballot.note }} text={text} onSaved={reload} />
    </>
  );
}
