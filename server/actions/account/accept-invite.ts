"use server";
import { formFields } from "@/lib/schemas/account";
import type { FormState } from "@/lib/form-state";
import { acceptInvite } from "@/server/membership/invites";
import { formResult } from "@/server/actions/account/form-result";
import { rememberLocale } from "@/server/actions/account/locale-cookie";

export type AccountCreated = { email: string };

/** Creates the account from the invitation; the form then signs the person in (with JavaScript). */
export async function acceptInviteAction(token: string, _previous: FormState<AccountCreated>, form: FormData): Promise<FormState<AccountCreated>> {
  const values = formFields(form);
  const state = await formResult("acceptInvite", values, async () => ({ email: (await acceptInvite(token, values)).email }));
  if (state.status === "ok") await rememberLocale(values.locale);
  return state;
}
