"use server";
import type { FormState } from "@/lib/form-state";
import { signUp } from "@/server/membership/accounts";
import { formAction } from "@/server/actions/form-action";
import { rememberLocale } from "@/server/actions/account/locale-cookie";
import type { AccountCreated } from "@/server/actions/account/accept-invite";

/** Open sign-up (when an admin turned it on); the form then signs the person in. */
export async function signUpAction(_previous: FormState<AccountCreated>, form: FormData): Promise<FormState<AccountCreated>> {
  const state = await formAction("signUp", form, async (values) => ({ email: (await signUp(values)).email }));
  if (state.status === "ok") await rememberLocale(state.values?.locale);
  return state;
}
