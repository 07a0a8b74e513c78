"use client";

import dynamic from "next/dynamic";
import { hasRole } from "@/lib/permissions";
import type { Stage } from "@/lib/schemas/term";
import { PROPOSALS_OPEN } from "@/lib/term-stages";
import { useTermViewer } from "@/components/member/member-provider";

// Drawn for a rendering's proposer and for facilitators only: loaded then.
const RenderingControls = dynamic(() => import("./rendering-controls").then((m) => m.RenderingControls));

type Props = {
  slug: string;
  stage: Stage;
  targetLang: string;
  rendering: { id: string; gloss: string; rationale: string; pinyin: string };
  others: { id: string; text: string }[];
};

/** Under a rendering's card: its proposer's and the facilitators' controls, nothing for other readers. */
export function RenderingControlsSlot(props: Props) {
  const viewer = useTermViewer().viewer;
  const mine = !!viewer?.own.renderings.includes(props.rendering.id) && PROPOSALS_OPEN.includes(props.stage);
  if (!mine && !hasRole(viewer?.actor, "facilitator")) return null;
  return <RenderingControls {...props} />;
}
