"use server";
import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/form-state";
import { currentActor } from "@/server/auth/request";
import { emailInvites } from "@/server/membership/invites";
import { formAction } from "@/server/actions/form-action";

export type InvitesSent = { count: number };

/** Sends one invitation per address by email (through the outbox). */
export async function emailInvitesAction(_previous: FormState<InvitesSent>, form: FormData): Promise<FormState<InvitesSent>> {
  const state = await formAction("emailInvites", form, async (values) => ({ count: (await emailInvites(await currentActor(), values)).invites.length }));
  if (state.status === "ok") revalidatePath("/admin/invites");
  return state;
}
