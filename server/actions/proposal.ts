"use server";
import { formValues, type FormState } from "@/lib/form-state";
import { currentActor } from "@/server/auth/request";
import { editRendering, proposeRendering, withdrawRendering } from "@/server/deliberation/renderings";
import { failure, success } from "@/server/actions/form-outcome";

/**
 * Actions of the proposal forms: plain form posts without JavaScript (the page is rendered
 * again with the returned state), the same calls with it. The services do every check.
 */

const PROPOSAL_FIELDS = ["text", "pinyin", "gloss", "rationale", "region", "synonymClass"] as const;

export async function proposeAction(slug: string, _prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form, PROPOSAL_FIELDS);
  try {
    const r = await proposeRendering(await currentActor(), slug, values);
    return success({ id: r.id, text: r.text, pinyin: r.pinyin });
  } catch (e) {
    return failure(e, values, "proposeAction");
  }
}

export async function editRenderingAction(slug: string, id: string, _prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form, ["gloss", "rationale", "pinyin"]);
  try {
    const r = await editRendering(await currentActor(), id, values);
    return { ...success({ id: r.id }), values: { gloss: r.gloss, rationale: r.rationale, pinyin: r.pinyin } };
  } catch (e) {
    return failure(e, values, "editRenderingAction");
  }
}

export async function withdrawRenderingAction(slug: string, id: string, _prev: FormState, _form: FormData): Promise<FormState> {
  try {
    await withdrawRendering(await currentActor(), id);
    return success({ id });
  } catch (e) {
    return failure(e, {}, "withdrawRenderingAction");
  }
}
