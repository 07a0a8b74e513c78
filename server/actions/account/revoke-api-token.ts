"use server";
import { redirect } from "next/navigation";
import { currentActor } from "@/server/auth/request";
import { revokeMyApiToken } from "@/server/membership/profile";
import { runThenRedirectTarget } from "@/server/actions/form-action";

export async function revokeApiTokenAction(form: FormData): Promise<void> {
  const id = String(form.get("id") ?? "");
  redirect(await runThenRedirectTarget("revokeApiToken", "/profile", "token_revoked", async () => revokeMyApiToken(await currentActor(), id)));
}
