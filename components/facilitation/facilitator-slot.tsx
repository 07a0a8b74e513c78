"use client";

import dynamic from "next/dynamic";
import { hasRole } from "@/lib/permissions";
import type { Stage } from "@/lib/schemas/term";
import { useTermViewer } from "@/components/member/member-provider";

// Drawn for facilitators only: loaded then, so nobody else downloads the panel.
const FacilitatorPanel = dynamic(() => import("./facilitator-panel").then((m) => m.FacilitatorPanel));

/** Where the facilitators' tools go on a term page: the panel for facilitators, nothing for anyone else. */
export function FacilitatorSlot({ term }: { term: { slug: string; stage: Stage; deadline: string | null; targetLang: string } }) {
  const viewer = useTermViewer().viewer;
  if (!viewer?.facilitation || !hasRole(viewer.actor, "facilitator")) return null;
  return <FacilitatorPanel term={term} />;
}
