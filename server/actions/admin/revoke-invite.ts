"use server";
import { redirect } from "next/navigation";
import { currentActor } from "@/server/auth/request";
import { revokeInvite } from "@/server/membership/invites";
import { runThenRedirectTarget } from "@/server/actions/form-action";

export async function revokeInviteAction(form: FormData): Promise<void> {
  const id = String(form.get("id") ?? "");
  redirect(await runThenRedirectTarget("revokeInvite", "/admin/invites", "invite_revoked", async () => revokeInvite(await currentActor(), id)));
}
