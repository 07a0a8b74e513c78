"use server";
import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/form-state";
import { currentActor } from "@/server/auth/request";
import { createMyApiToken } from "@/server/membership/profile";
import { formAction } from "@/server/actions/form-action";

/** The token is in the result once, for the form to show; it is never readable again. */
export async function createApiTokenAction(_previous: FormState<{ token: string }>, form: FormData): Promise<FormState<{ token: string }>> {
  const state = await formAction("createApiToken", form, async (values) => ({ token: (await createMyApiToken(await currentActor(), values)).token }));
  if (state.status === "ok") revalidatePath("/profile");
  return state;
}
