"use server";
import { isAppError } from "@/lib/errors";
import { ballotInputFromForm, type BallotFormState } from "@/lib/schemas/ballot";
import { currentActor } from "@/server/auth/request";
import { castBallot } from "@/server/ballots/service";
import { admitWrite } from "@/server/http/admission";

/**
 * The ballot form's action. A plain form post without JavaScript (the page is rendered again
 * with the returned state), and the same call with it. The service does every check.
 */
export async function saveBallot(slug: string, previous: BallotFormState, form: FormData): Promise<BallotFormState> {
  const typed = ballotInputFromForm(form) as BallotFormState["values"];
  try {
    // The same admission as the API's writes: when the server is saturated the form says so.
    const saved = await admitWrite(async () => castBallot(await currentActor(), slug, typed));
    const values = { grades: saved.grades, reasons: saved.reasons, note: saved.note };
    return { status: "saved", values, fields: {}, revision: saved.revision };
  } catch (e) {
    if (isAppError(e)) return { status: "error", values: typed, fields: e.details.fields ?? {}, error: e.code, revision: previous.revision };
    console.error("[saveBallot] unexpected error", e);
    return { status: "error", values: typed, fields: {}, error: "generic", revision: previous.revision };
  }
}
