"use server";
import { revalidatePath } from "next/cache";
import { formFields } from "@/lib/schemas/account";
import type { FormState } from "@/lib/form-state";
import { currentActor } from "@/server/auth/request";
import { emailInvites } from "@/server/membership/invites";
import { formResult } from "@/server/actions/account/form-result";

export type InvitesSent = { count: number };

/** Sends one invitation per address by email (through the outbox). */
export async function emailInvitesAction(_previous: FormState<InvitesSent>, form: FormData): Promise<FormState<InvitesSent>> {
  const values = formFields(form);
  const state = await formResult("emailInvites", values, async () => ({ count: (await emailInvites(await currentActor(), values)).invites.length }));
  if (state.status === "ok") revalidatePath("/admin/invites");
  return state;
}
