"use client";

import dynamic from "next/dynamic";
import type { Stage } from "@/lib/schemas/term";
import { useTermViewer } from "@/components/member/member-provider";
import type { GradeRowProps } from "./grade-row";

// Only scholars who grade draw these: loaded then, so readers do not download them.
// One chunk with the ballot's form (member-ballot.tsx loads the same module).
const GradeRow = dynamic(() => import("./ballot-form").then((m) => m.GradeRow));
const BallotSummary = dynamic(() => import("./ballot-form").then((m) => m.BallotSummary));

/** Whether the viewer grades this term now: a member of a delegation, during the consultation. */
export function useGrades(stage: Stage): boolean {
  const viewer = useTermViewer().viewer;
  return stage === "consultation" && !!viewer?.actor?.delegationId && !!viewer.ballot;
}

/**
 * On a rendering's card: the viewer's grades for it, nothing for anyone who does not grade. On
 * the page rendered for a member (`fromServer`, for browsers without JavaScript) the rows are
 * in the ballot's form instead, where the server's answer to a post reaches them.
 */
export function GradeRowSlot({ stage, ...props }: GradeRowProps & { stage: Stage }) {
  const grades = useGrades(stage);
  const { fromServer } = useTermViewer();
  return grades && !fromServer ? <GradeRow {...props} /> : null;
}

/** After the cards and the ballot's form: the summary with Save, for whoever grades. */
export function BallotSummarySlot({ stage, renderingIds }: { stage: Stage; renderingIds: string[] }) {
  const grades = useGrades(stage);
  const { fromServer } = useTermViewer();
  // On the plain page the ballot's form draws it (see GradeRowSlot).
  return grades && !fromServer && renderingIds.length > 0 ? <BallotSummary renderingIds={renderingIds} /> : null;
}
