"use server";
import { formFields } from "@/lib/schemas/account";
import type { FormState } from "@/lib/form-state";
import { signUp } from "@/server/membership/accounts";
import { formResult } from "@/server/actions/account/form-result";
import { rememberLocale } from "@/server/actions/account/locale-cookie";
import type { AccountCreated } from "@/server/actions/account/accept-invite";

/** Open sign-up (when an admin turned it on); the form then signs the person in. */
export async function signUpAction(_previous: FormState<AccountCreated>, form: FormData): Promise<FormState<AccountCreated>> {
  const values = formFields(form);
  const state = await formResult("signUp", values, async () => ({ email: (await signUp(values)).email }));
  if (state.status === "ok") await rememberLocale(values.locale);
  return state;
}
