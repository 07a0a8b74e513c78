"use client";

import dynamic from "next/dynamic";
import { hasRole } from "@/lib/permissions";
import { PROPOSALS_OPEN } from "@/lib/term-stages";
import { useTermViewer } from "@/components/member/member-provider";
import type { RenderingControlsProps } from "./rendering-controls";
import { useOtherRenderings } from "./term-renderings";

// Drawn for a rendering's proposer and for facilitators only: loaded then.
const RenderingControls = dynamic(() => import("./rendering-controls").then((m) => m.RenderingControls));

/** Under a rendering's card: its proposer's and the facilitators' controls, nothing for other readers. */
export function RenderingControlsSlot(props: Omit<RenderingControlsProps, "others">) {
  const viewer = useTermViewer().viewer;
  const others = useOtherRenderings(props.rendering.id);
  const mine = !!viewer?.own.renderings.includes(props.rendering.id) && PROPOSALS_OPEN.includes(props.stage);
  const facilitator = hasRole(viewer?.actor, "facilitator");
  if (!mine && !facilitator) return null;
  return <RenderingControls {...props} others={others} mine={mine} facilitator={facilitator} />;
}
