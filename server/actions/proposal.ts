"use server";
import type { FormState } from "@/lib/form-state";
import { currentActor } from "@/server/auth/request";
import { editRendering, proposeRendering, withdrawRendering } from "@/server/deliberation/renderings";
import { formAction } from "@/server/actions/form-action";

/**
 * Actions of the proposal forms: plain form posts without JavaScript (the page is rendered
 * again with the returned state), the same calls with it. The services do every check.
 */

const PROPOSAL_FIELDS = ["text", "pinyin", "gloss", "rationale", "region", "synonymClass"] as const;

export async function proposeAction(slug: string, _prev: FormState, form: FormData): Promise<FormState> {
  return formAction("proposeAction", form, async (values) => {
    const r = await proposeRendering(await currentActor(), slug, values);
    return { id: r.id, text: r.text, pinyin: r.pinyin };
  }, { fields: PROPOSAL_FIELDS });
}

export async function editRenderingAction(slug: string, id: string, _prev: FormState, form: FormData): Promise<FormState> {
  const state = await formAction("editRenderingAction", form, async (values) => editRendering(await currentActor(), id, values), { fields: ["gloss", "rationale", "pinyin"] });
  if (state.status !== "ok") return { ...state, result: undefined };
  const r = state.result!;
  return { ...state, result: { id: r.id }, values: { gloss: r.gloss, rationale: r.rationale, pinyin: r.pinyin } };
}

export async function withdrawRenderingAction(slug: string, id: string, _prev: FormState, form: FormData): Promise<FormState> {
  return formAction("withdrawRenderingAction", form, async () => {
    await withdrawRendering(await currentActor(), id);
    return { id };
  }, { fields: [] });
}
