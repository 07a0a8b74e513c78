"use server";
import { revalidatePath } from "next/cache";
import { formFields } from "@/lib/schemas/account";
import type { FormState } from "@/lib/form-state";
import { currentActor } from "@/server/auth/request";
import { createDelegation, renameDelegation } from "@/server/membership/delegations";
import { formResult } from "@/server/actions/account/form-result";

/** Adds a delegation (no `id`) or renames one (`id` given). */
export async function saveDelegationAction(_previous: FormState<null>, form: FormData): Promise<FormState<null>> {
  const { id, ...values } = formFields(form);
  const state = await formResult("saveDelegation", values, async () => {
    const actor = await currentActor();
    if (id) await renameDelegation(actor, id, values);
    else await createDelegation(actor, values);
    return null;
  });
  if (state.status === "ok") revalidatePath("/admin/delegations");
  return state;
}
