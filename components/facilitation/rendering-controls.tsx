"use client";

import dynamic from "next/dynamic";
import type { Stage } from "@/lib/schemas/term";
import { MERGES_OPEN } from "@/lib/term-stages";
import { editRenderingAction, withdrawRenderingAction } from "@/server/actions/proposal";
import { hideRenderingAction, mergeAction } from "@/server/actions/facilitation";
import { useMemberMessages } from "@/components/member/member-provider";

// Only members draw these: loaded when drawn, so readers do not download them.
const OwnRenderingControls = dynamic(() => import("@/components/proposal/own-rendering-controls").then((m) => m.OwnRenderingControls));
const MergeForm = dynamic(() => import("./merge-form").then((m) => m.MergeForm));
const HideForm = dynamic(() => import("./hide-form").then((m) => m.HideForm));

export type RenderingControlsProps = {
  slug: string;
  stage: Stage;
  targetLang: string;
  rendering: { id: string; gloss: string; rationale: string; pinyin: string };
  others: { id: string; text: string }[];
};

/**
 * Under a rendering's card: its proposer's controls (edit, withdraw) and, for facilitators,
 * merging it into another rendering and hiding it. Which of them the viewer gets is decided by
 * rendering-controls-slot.tsx, from the viewer's parts (components/member).
 */
export function RenderingControls({ slug, stage, targetLang, rendering, others, mine, facilitator }: RenderingControlsProps & { mine: boolean; facilitator: boolean }) {
  const t = useMemberMessages();
  const f = t.facilitation;
  return (
    <div>
      {mine ? (
        <OwnRenderingControls
          renderingId={rendering.id}
          current={{ gloss: rendering.gloss, rationale: rendering.rationale, pinyin: rendering.pinyin }}
          editAction={editRenderingAction.bind(null, slug, rendering.id)}
          withdrawAction={withdrawRenderingAction.bind(null, slug, rendering.id)}
          t={t.proposal}
          forms={t.forms}
        />
      ) : null}
      {facilitator ? (
        <details>
          <summary>{f.panel}</summary>
          {MERGES_OPEN.includes(stage) && others.length > 0 ? (
            <MergeForm formId={`merge-${rendering.id}`} action={mergeAction.bind(null, slug, rendering.id)} others={others} t={f} forms={t.forms} targetLang={targetLang} />
          ) : null}
          <HideForm formId={`hide-${rendering.id}`} action={hideRenderingAction.bind(null, slug, rendering.id)} t={f} forms={t.forms} />
        </details>
      ) : null}
    </div>
  );
}
