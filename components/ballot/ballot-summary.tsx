"use client";

import { format } from "@/lib/i18n";
import { useMemberMessages, useTermViewer } from "@/components/member/member-provider";
import { BALLOT_FORM_ID, shownValues, useBallotScope } from "./ballot-scope";
import styles from "./ballot-summary.module.css";

/**
 * My ballot at a glance, kept in view at the bottom of the screen while the scholar grades on
 * the cards: how many renderings are graded, whether there are unsaved changes, and the ballot's
 * one Save button (it submits the ballot's form from here, `form=`).
 */
export function BallotSummary({ renderingIds }: { renderingIds: string[] }) {
  const text = useMemberMessages().ballot.form;
  const { state, pending, draft, dirty } = useBallotScope();
  const stored = useTermViewer().viewer?.ballot ?? null;
  const values = shownValues(state, stored);
  const graded = renderingIds.filter((id) => (draft?.[id] ?? values.grades[id] ?? "") !== "").length;
  const saved = state.status === "saved" && !dirty && !pending;
  const status = pending ? text.saving : saved ? format(text.saved, { revision: state.revision }) : dirty ? text.unsaved : "";
  return (
    <div className={`${styles.summary} ballot-summary`} role="group" aria-label={text.summaryLabel} data-dirty={dirty || undefined}>
      <p className={styles.count} data-testid="ballot-count">
        {format(text.gradedCount, { graded, total: renderingIds.length })}
      </p>
      <p role="status" className={saved ? styles.saved : dirty ? styles.unsaved : styles.hint}>
        {status}
      </p>
      <button type="submit" form={BALLOT_FORM_ID} aria-disabled={pending} className={styles.save}>
        {pending ? text.saving : text.save}
      </button>
    </div>
  );
}
