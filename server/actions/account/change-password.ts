"use server";
import type { FormState } from "@/lib/form-state";
import { currentActor } from "@/server/auth/request";
import { changePassword } from "@/server/membership/profile";
import { formAction } from "@/server/actions/form-action";

/**
 * Changes the password, which ends every session of the account (sessionVersion). Nothing is
 * revalidated here on purpose: the form signs in again with the new password first, then
 * refreshes the page.
 */
export async function changePasswordAction(_previous: FormState<{ email: string }>, form: FormData): Promise<FormState<{ email: string }>> {
  return formAction("changePassword", form, async (values) => changePassword(await currentActor(), values));
}
