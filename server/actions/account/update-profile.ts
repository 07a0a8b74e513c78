"use server";
import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/form-state";
import { currentActor } from "@/server/auth/request";
import { updateProfile } from "@/server/membership/profile";
import { formAction } from "@/server/actions/form-action";
import { rememberLocale } from "@/server/actions/account/locale-cookie";

export async function updateProfileAction(_previous: FormState<null>, form: FormData): Promise<FormState<null>> {
  const state = await formAction("updateProfile", form, async (values) => {
    await updateProfile(await currentActor(), values);
    return null;
  });
  if (state.status === "ok") {
    await rememberLocale(state.values?.locale);
    revalidatePath("/", "layout");
  }
  return state;
}
