"use server";
import { redirect } from "next/navigation";
import { currentActor } from "@/server/auth/request";
import { setMemberDisabled } from "@/server/membership/members";
import { runThenRedirectTarget } from "@/server/actions/form-action";

export async function setMemberDisabledAction(form: FormData): Promise<void> {
  const disabled = form.get("disabled") === "true";
  const input = { userId: String(form.get("userId") ?? ""), disabled };
  const done = disabled ? "member_disabled" : "member_enabled";
  redirect(await runThenRedirectTarget("setMemberDisabled", "/admin/members", done, async () => setMemberDisabled(await currentActor(), input)));
}
