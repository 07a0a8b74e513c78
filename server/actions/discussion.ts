"use server";
import { formValues, type FormState } from "@/lib/form-state";
import { currentActor } from "@/server/auth/request";
import { addComment, deleteComment, editComment } from "@/server/deliberation/comments";
import { failure, success } from "@/server/actions/form-outcome";

/** Actions of the comment forms; the services do every check. */

export async function addCommentAction(slug: string, renderingId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form, ["stance", "body", "parentId"]);
  try {
    const c = await addComment(await currentActor(), renderingId, values);
    return success({ id: c.id });
  } catch (e) {
    return failure(e, values, "addCommentAction");
  }
}

export async function editCommentAction(slug: string, id: string, _prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form, ["stance", "body"]);
  try {
    const c = await editComment(await currentActor(), id, values);
    return { ...success({ id }), values: { stance: c.stance, body: c.body } };
  } catch (e) {
    return failure(e, values, "editCommentAction");
  }
}

export async function deleteCommentAction(slug: string, id: string, _prev: FormState, _form: FormData): Promise<FormState> {
  try {
    await deleteComment(await currentActor(), id);
    return success({ id });
  } catch (e) {
    return failure(e, {}, "deleteCommentAction");
  }
}
