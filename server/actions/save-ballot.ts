"use server";
import { ballotInputFromForm, type BallotFormState } from "@/lib/schemas/ballot";
import { currentActor } from "@/server/auth/request";
import { castBallot } from "@/server/ballots/service";
import { admitWrite } from "@/server/http/admission";
import { refusalOf } from "@/server/actions/form-action";

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
    const refusal = refusalOf(e, "saveBallot");
    return { status: "error", values: typed, fields: refusal.fields ?? {}, error: refusal.error, revision: previous.revision };
  }
}
