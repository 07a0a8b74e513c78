"use server";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import type { FormState } from "@/lib/form-state";
import { currentActor } from "@/server/auth/request";
import { createInvite } from "@/server/membership/invites";
import { inviteUrl, siteUrl } from "@/server/site/url";
import { formAction } from "@/server/actions/form-action";

export type InviteCreated = { url: string; expiresAt: string; maxUses: number };

/** The link is in the result once, for the form to show; only its hash is stored. */
export async function createInviteAction(_previous: FormState<InviteCreated>, form: FormData): Promise<FormState<InviteCreated>> {
  const state = await formAction("createInvite", form, async (values) => {
    const { token, invite } = await createInvite(await currentActor(), values);
    const h = await headers();
    const base = siteUrl({ host: h.get("x-forwarded-host") ?? h.get("host"), proto: h.get("x-forwarded-proto") });
    return { url: inviteUrl(base, token), expiresAt: invite.expiresAt, maxUses: invite.maxUses };
  });
  if (state.status === "ok") revalidatePath("/admin/invites");
  return state;
}
