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

const TERM_FIELDS = ["slug", "headword", "abbreviation", "definition", "context", "note", "definitionTarget", "contextTarget", "noteTarget", "source", "subjectField", "sourceLang", "targetLang"] as const;

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
  // Publishing is recording the decision: the control's "Published" leads to that form.
  if (form.get("stage") === "published") redirect(`/terms/${slug}/decide`);
  return formAction(
    "moveStageAction",
    form,
    async (values) => {
      // The deadline field is drawn only for a consultation; without JavaScript it is sent anyway.
      const deadline = values.stage === "consultation" ? values.deadline : "";
      const moved = await moveStage(await currentActor(), slug, { ...values, deadline, confirmBack: form.get("confirmBack") === "on" });
      return { stage: moved.stage };
    },
    { fields: ["stage", "deadline"] },
  );
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
    return { status: "error", ...refusalOf(e, "decideAction"), values: echo, at: Date.now() };
  }
  redirect(`/terms/${slug}#decision`);
}
