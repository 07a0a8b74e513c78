"use server";
import { headers } from "next/headers";
import type { FormState } from "@/lib/form-state";
import { clientAddress } from "@/server/http/client-address";
import { confirmPasswordReset, requestPasswordReset } from "@/server/auth/password-reset";
import { formAction } from "@/server/actions/form-action";

/** Asks for a reset link; the answer is the same whether or not the address is a member's. */
export async function requestResetAction(_previous: FormState<null>, form: FormData): Promise<FormState<null>> {
  const client = clientAddress(await headers());
  return formAction("requestReset", form, async (values) => {
    await requestPasswordReset(values, client);
    return null;
  });
}

/** Sets the new password with the link's token (a hidden field); the member then signs in. */
export async function confirmResetAction(_previous: FormState<{ email: string }>, form: FormData): Promise<FormState<{ email: string }>> {
  return formAction("confirmReset", form, (values) => confirmPasswordReset(values));
}
