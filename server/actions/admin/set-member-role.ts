"use server";
import { redirect } from "next/navigation";
import { currentActor } from "@/server/auth/request";
import { setMemberRole } from "@/server/membership/members";
import { runThenRedirectTarget } from "@/server/actions/form-action";

export async function setMemberRoleAction(form: FormData): Promise<void> {
  const input = { userId: String(form.get("userId") ?? ""), role: String(form.get("role") ?? "") };
  redirect(await runThenRedirectTarget("setMemberRole", "/admin/members", "role_saved", async () => setMemberRole(await currentActor(), input)));
}
