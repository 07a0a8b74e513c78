"use server";
import type { FormState } from "@/lib/form-state";
import { currentActor } from "@/server/auth/request";
import { addComment, deleteComment, editComment } from "@/server/deliberation/comments";
import { formAction } from "@/server/actions/form-action";

/** Actions of the comment forms; the services do every check. */

export async function addCommentAction(slug: string, renderingId: string, _prev: FormState, form: FormData): Promise<FormState> {
  return formAction("addCommentAction", form, async (values) => ({ id: (await addComment(await currentActor(), renderingId, values)).id }), {
    fields: ["stance", "body", "parentId"],
  });
}

export async function editCommentAction(slug: string, id: string, _prev: FormState, form: FormData): Promise<FormState> {
  const state = await formAction("editCommentAction", form, async (values) => editComment(await currentActor(), id, values), { fields: ["stance", "body"] });
  return state.status === "ok" ? { ...state, result: { id }, values: { stance: state.result!.stance, body: state.result!.body } } : { ...state, result: undefined };
}

export async function deleteCommentAction(slug: string, id: string, _prev: FormState, form: FormData): Promise<FormState> {
  return formAction("deleteCommentAction", form, async () => {
    await deleteComment(await currentActor(), id);
    return { id };
  }, { fields: [] });
}
