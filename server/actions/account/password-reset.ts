"use server";
import { headers } from "next/headers";
import { formFields } from "@/lib/schemas/account";
import type { FormState } from "@/lib/form-state";
import { clientAddress } from "@/server/http/client-address";
import { confirmPasswordReset, requestPasswordReset } from "@/server/auth/password-reset";
import { formResult } from "@/server/actions/account/form-result";

/** Asks for a reset link; the answer is the same whether or not the address is a member's. */
export async function requestResetAction(_previous: FormState<null>, form: FormData): Promise<FormState<null>> {
  const values = formFields(form);
  const client = clientAddress(await headers());
  return formResult("requestReset", values, async () => {
    await requestPasswordReset(values, client);
    return null;
  });
}

/** Sets the new password with the link's token (a hidden field); the member then signs in. */
export async function confirmResetAction(_previous: FormState<{ email: string }>, form: FormData): Promise<FormState<{ email: string }>> {
  const values = formFields(form);
  return formResult("confirmReset", values, () => confirmPasswordReset(values));
}
