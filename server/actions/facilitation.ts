"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formValues, type FormState } from "@/lib/form-state";
import { currentActor } from "@/server/auth/request";
import { createTerm, editTerm, moveStage } from "@/server/terms/admin";
import { mergeRendering, undoMerge } from "@/server/deliberation/merge";
import { hideComment, hideRendering, unhideComment, unhideRendering } from "@/server/deliberation/moderation";
import { recordDecision, reviewDecision } from "@/server/decisions/service";
import { formAction, refusalOf } from "@/server/actions/form-action";

/**
 * Actions of the facilitator and admin forms. Each calls one service, which authorizes and
 * validates; redirects happen outside the try, since Next signals them by throwing.
 */

const TERM_FIELDS = ["slug", "headword", "abbreviation", "definition", "context", "source", "subjectField", "sourceLang", "targetLang"] as const;

export async function createTermAction(_prev: FormState, form: FormData): Promise<FormState> {
  const state = await formAction("createTermAction", form, async (values) => (await createTerm(await currentActor(), values)).slug, { fields: TERM_FIELDS });
  if (state.status !== "ok") return { ...state, result: undefined };
  revalidatePath("/");
  redirect(`/terms/${state.result}`);
}

type Me = Awaited<ReturnType<typeof currentActor>>;

/** An action whose form needs nothing back from the service: it runs with the actor and the named fields. */
function act(name: string, form: FormData, fields: readonly string[], work: (me: Me, values: Record<string, string>) => Promise<unknown>): Promise<FormState> {
  return formAction(
    name,
    form,
    async (values) => {
      await work(await currentActor(), values);
      return {};
    },
    { fields },
  );
}

export async function editTermAction(slug: string, _prev: FormState, form: FormData): Promise<FormState> {
  return act("editTermAction", form, TERM_FIELDS.filter((f) => f !== "slug"), (me, values) => editTerm(me, slug, values));
}

export async function moveStageAction(slug: string, _prev: FormState, form: FormData): Promise<FormState> {
  return formAction("moveStageAction", form, async (values) => ({ stage: (await moveStage(await currentActor(), slug, values)).stage }), { fields: ["stage", "deadline"] });
}

export async function mergeAction(slug: string, fromId: string, _prev: FormState, form: FormData): Promise<FormState> {
  return formAction("mergeAction", form, async (values) => ({ mergeId: (await mergeRendering(await currentActor(), fromId, values)).mergeId }), { fields: ["into"] });
}

export async function undoMergeAction(slug: string, mergeId: string, _prev: FormState, form: FormData): Promise<FormState> {
  return act("undoMergeAction", form, [], (me) => undoMerge(me, mergeId));
}

export async function hideRenderingAction(slug: string, id: string, _prev: FormState, form: FormData): Promise<FormState> {
  return act("hideRenderingAction", form, ["reason"], (me, values) => hideRendering(me, id, values));
}

export async function unhideRenderingAction(slug: string, id: string, _prev: FormState, form: FormData): Promise<FormState> {
  return act("unhideRenderingAction", form, [], (me) => unhideRendering(me, id));
}

export async function hideCommentAction(slug: string, id: string, _prev: FormState, form: FormData): Promise<FormState> {
  return act("hideCommentAction", form, ["reason"], (me, values) => hideComment(me, id, values));
}

export async function unhideCommentAction(slug: string, id: string, _prev: FormState, form: FormData): Promise<FormState> {
  return act("unhideCommentAction", form, [], (me) => unhideComment(me, id));
}

/**
 * The decide form in two steps (issue 15): "review" checks everything recording would and
 * answers with the summary to confirm (status ok, result.step "review"); "confirm" records;
 * "edit" goes back to the form with what was chosen. Without a step nothing is recorded.
 */
export async function decideAction(slug: string, _prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form, ["adoptedRenderingId", "statementEn", "statementZh"]);
  const input = { ...values, admittedIds: form.getAll("admittedIds").map(String), deprecatedIds: form.getAll("deprecatedIds").map(String) };
  const echo = { ...values, admittedIds: input.admittedIds.join(" "), deprecatedIds: input.deprecatedIds.join(" ") };
  const step = form.get("step");
  if (step === "edit") return { status: "idle", values: echo, result: { step: "edit" }, at: Date.now() };
  try {
    if (step !== "confirm") {
      await reviewDecision(await currentActor(), slug, input);
      return { status: "ok", values: echo, result: { step: "review" }, at: Date.now() };
    }
    await recordDecision(await currentActor(), slug, input);
  } catch (e) {
    return { status: "error", ...refusalOf(e, "decideAction"), values: echo, at: Date.now() };
  }
  redirect(`/terms/${slug}#decision`);
}
