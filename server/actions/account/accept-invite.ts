"use server";
import type { FormState } from "@/lib/form-state";
import { acceptInvite } from "@/server/membership/invites";
import { formAction } from "@/server/actions/form-action";
import { rememberLocale } from "@/server/actions/account/locale-cookie";

export type AccountCreated = { email: string };

/** Creates the account from the invitation; the form then signs the person in (with JavaScript). */
export async function acceptInviteAction(token: string, _previous: FormState<AccountCreated>, form: FormData): Promise<FormState<AccountCreated>> {
  const state = await formAction("acceptInvite", form, async (values) => ({ email: (await acceptInvite(token, values)).email }));
  if (state.status === "ok") await rememberLocale(state.values?.locale);
  return state;
}
