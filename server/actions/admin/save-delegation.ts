"use server";
import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/form-state";
import { currentActor } from "@/server/auth/request";
import { createDelegation, renameDelegation } from "@/server/membership/delegations";
import { formAction } from "@/server/actions/form-action";

/** Adds a delegation (no `id`) or renames one (`id` given). */
export async function saveDelegationAction(_previous: FormState<null>, form: FormData): Promise<FormState<null>> {
  const id = String(form.get("id") ?? "");
  const state = await formAction("saveDelegation", form, async (values) => {
    const actor = await currentActor();
    if (id) await renameDelegation(actor, id, values);
    else await createDelegation(actor, values);
    return null;
  }, { fields: ["name", "nameZh"] });
  if (state.status === "ok") revalidatePath("/admin/delegations");
  return state;
}
