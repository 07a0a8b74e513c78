"use server";
import { revalidatePath } from "next/cache";
import { formFields } from "@/lib/schemas/account";
import type { FormState } from "@/lib/form-state";
import { currentActor } from "@/server/auth/request";
import { updateProfile } from "@/server/membership/profile";
import { formResult } from "@/server/actions/account/form-result";
import { rememberLocale } from "@/server/actions/account/locale-cookie";

export async function updateProfileAction(_previous: FormState<null>, form: FormData): Promise<FormState<null>> {
  const values = formFields(form);
  const state = await formResult("updateProfile", values, async () => {
    await updateProfile(await currentActor(), values);
    return null;
  });
  if (state.status === "ok") {
    await rememberLocale(values.locale);
    revalidatePath("/", "layout");
  }
  return state;
}
