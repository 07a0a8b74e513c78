"use server";
import { formFields } from "@/lib/schemas/account";
import type { FormState } from "@/lib/form-state";
import { currentActor } from "@/server/auth/request";
import { changePassword } from "@/server/membership/profile";
import { formResult } from "@/server/actions/account/form-result";

/**
 * Changes the password, which ends every session of the account (sessionVersion). Nothing is
 * revalidated here on purpose: the form signs in again with the new password first, then
 * refreshes the page.
 */
export async function changePasswordAction(_previous: FormState<{ email: string }>, form: FormData): Promise<FormState<{ email: string }>> {
  const values = formFields(form);
  return formResult("changePassword", values, async () => changePassword(await currentActor(), values));
}
