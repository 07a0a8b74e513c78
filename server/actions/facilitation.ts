"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formValues, type FormState } from "@/lib/form-state";
import { currentActor } from "@/server/auth/request";
import { createTerm, editTerm, moveStage } from "@/server/terms/admin";
import { mergeRendering, undoMerge } from "@/server/deliberation/merge";
import { hideComment, hideRendering, unhideComment, unhideRendering } from "@/server/deliberation/moderation";
import { recordDecision, reviewDecision } from "@/server/decisions/service";
import { failure, success } from "@/server/actions/form-outcome";

/**
 * Actions of the facilitator and admin forms. Each calls one service, which authorizes and
 * validates; redirects happen outside the try, since Next signals them by throwing.
 */

const TERM_FIELDS = ["slug", "headword", "abbreviation", "definition", "context", "note", "definitionTarget", "contextTarget", "noteTarget", "source", "subjectField", "sourceLang", "targetLang"] as const;

export async function createTermAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form, TERM_FIELDS);
  let slug: string;
  try {
    slug = (await createTerm(await currentActor(), values)).slug;
    revalidatePath("/");
  } catch (e) {
    return failure(e, values, "createTermAction");
  }
  redirect(`/terms/${slug}`);
}

export async function editTermAction(slug: string, _prev: FormState, form: FormData): Promise<FormState> {
  const { slug: _ignored, ...values } = formValues(form, TERM_FIELDS);
  void _ignored;
  try {
    await editTerm(await currentActor(), slug, values);
    return { ...success(), values };
  } catch (e) {
    return failure(e, values, "editTermAction");
  }
}

export async function moveStageAction(slug: string, _prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form, ["stage", "deadline"]);
  // Publishing is recording the decision: the control's "Published" leads to that form.
  if (values.stage === "published") redirect(`/terms/${slug}/decide`);
  // The deadline field is drawn only for a consultation; without JavaScript it is sent anyway.
  if (values.stage !== "consultation") values.deadline = "";
  try {
    const t = await moveStage(await currentActor(), slug, { ...values, confirmBack: form.get("confirmBack") === "on" });
    return success({ stage: t.stage });
  } catch (e) {
    return failure(e, values, "moveStageAction");
  }
}

export async function mergeAction(slug: string, fromId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form, ["into"]);
  try {
    const m = await mergeRendering(await currentActor(), fromId, values);
    return success({ mergeId: m.mergeId });
  } catch (e) {
    return failure(e, values, "mergeAction");
  }
}

export async function undoMergeAction(slug: string, mergeId: string, _prev: FormState, _form: FormData): Promise<FormState> {
  try {
    await undoMerge(await currentActor(), mergeId);
    return success();
  } catch (e) {
    return failure(e, {}, "undoMergeAction");
  }
}

export async function hideRenderingAction(slug: string, id: string, _prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form, ["reason"]);
  try {
    await hideRendering(await currentActor(), id, values);
    return success();
  } catch (e) {
    return failure(e, values, "hideRenderingAction");
  }
}

export async function unhideRenderingAction(slug: string, id: string, _prev: FormState, _form: FormData): Promise<FormState> {
  try {
    await unhideRendering(await currentActor(), id);
    return success();
  } catch (e) {
    return failure(e, {}, "unhideRenderingAction");
  }
}

export async function hideCommentAction(slug: string, id: string, _prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form, ["reason"]);
  try {
    await hideComment(await currentActor(), id, values);
    return success();
  } catch (e) {
    return failure(e, values, "hideCommentAction");
  }
}

export async function unhideCommentAction(slug: string, id: string, _prev: FormState, _form: FormData): Promise<FormState> {
  try {
    await unhideComment(await currentActor(), id);
    return success();
  } catch (e) {
    return failure(e, {}, "unhideCommentAction");
  }
}

/**
 * The decide form in two steps (issue 15): "review" checks everything recording would and
 * answers with the summary to confirm (status ok, result.step "review"); "confirm" records;
 * "edit" goes back to the form with what was chosen. Without a step nothing is recorded.
 */
export async function decideAction(slug: string, _prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form, ["adoptedRenderingId", "statementEn", "statementZh"]);
  const lists = { admittedIds: form.getAll("admittedIds").map(String), deprecatedIds: form.getAll("deprecatedIds").map(String), regionalIds: form.getAll("regionalIds").map(String) };
  // The synonym class of a rendering comes as `class-<id>`; empty means its place's default.
  const classes = Object.fromEntries(
    [...form.entries()].flatMap(([k, v]) => (k.startsWith("class-") && typeof v === "string" && v ? [[k.slice("class-".length), v]] : [])),
  );
  const input = { ...values, ...lists, synonymClasses: classes };
  const echo = {
    ...values,
    admittedIds: lists.admittedIds.join(" "),
    deprecatedIds: lists.deprecatedIds.join(" "),
    regionalIds: lists.regionalIds.join(" "),
    ...Object.fromEntries(Object.entries(classes).map(([id, c]) => [`class-${id}`, c])),
  };
  const step = form.get("step");
  if (step === "edit") return { status: "idle", values: echo, result: { step: "edit" }, at: Date.now() };
  try {
    if (step !== "confirm") {
      await reviewDecision(await currentActor(), slug, input);
      return { status: "ok", values: echo, result: { step: "review" }, at: Date.now() };
    }
    await recordDecision(await currentActor(), slug, input);
  } catch (e) {
    return failure(e, echo, "decideAction");
  }
  redirect(`/terms/${slug}#decision`);
}
