"use server";
import { revalidatePath } from "next/cache";
import { formFields } from "@/lib/schemas/account";
import type { FormState } from "@/lib/form-state";
import { currentActor } from "@/server/auth/request";
import { saveNoticeSettings } from "@/server/notices/settings";
import { formResult } from "@/server/actions/account/form-result";

export async function saveNoticeSettingsAction(_previous: FormState<null>, form: FormData): Promise<FormState<null>> {
  const values = formFields(form);
  const state = await formResult("saveNoticeSettings", values, async () => {
    await saveNoticeSettings(await currentActor(), values);
    return null;
  });
  if (state.status === "ok") revalidatePath("/profile");
  return state;
}
