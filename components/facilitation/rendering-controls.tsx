import type { Messages } from "@/lib/i18n";
import { canFacilitate } from "@/lib/permissions";
import type { RenderingView, Stage } from "@/lib/schemas/term";
import { MERGES_OPEN, PROPOSALS_OPEN } from "@/lib/term-stages";
import { editRenderingAction, withdrawRenderingAction } from "@/server/actions/proposal";
import { hideRenderingAction, mergeAction } from "@/server/actions/facilitation";
import { ownRenderingIdsOf, viewer } from "@/server/terms/page";
import { OwnRenderingControls } from "@/components/proposal/own-rendering-controls";
import { MergeForm } from "./merge-form";
import { HideForm } from "./hide-form";

type Term = { id: string; slug: string; stage: Stage; targetLang: string; renderings: { id: string; text: string }[] };

/**
 * Under a rendering's card: its proposer's controls (edit, withdraw) and, for facilitators,
 * merging it into another rendering and hiding it. Nothing for other readers.
 */
export async function RenderingControls({ term, rendering, t }: { term: Term; rendering: RenderingView; t: Messages }) {
  const [actor, own] = await Promise.all([viewer(), ownRenderingIdsOf(term.id)]);
  const mine = own.has(rendering.id) && PROPOSALS_OPEN.includes(term.stage);
  const facilitator = canFacilitate(actor);
  if (!mine && !facilitator) return null;
  const others = term.renderings.filter((r) => r.id !== rendering.id);
  const f = t.facilitation;
  return (
    <div>
      {mine ? (
        <OwnRenderingControls
          renderingId={rendering.id}
          current={{ gloss: rendering.gloss, rationale: rendering.rationale, pinyin: rendering.pinyin }}
          editAction={editRenderingAction.bind(null, term.slug, rendering.id)}
          withdrawAction={withdrawRenderingAction.bind(null, term.slug, rendering.id)}
          t={t.proposal}
          forms={t.forms}
        />
      ) : null}
      {facilitator ? (
        <details>
          <summary>{f.panel}</summary>
          {MERGES_OPEN.includes(term.stage) && others.length > 0 ? (
            <MergeForm
              formId={`merge-${rendering.id}`}
              action={mergeAction.bind(null, term.slug, rendering.id)}
              others={others}
              t={f}
              forms={t.forms}
              targetLang={term.targetLang}
            />
          ) : null}
          <HideForm formId={`hide-${rendering.id}`} action={hideRenderingAction.bind(null, term.slug, rendering.id)} t={f} forms={t.forms} />
        </details>
      ) : null}
    </div>
  );
}
