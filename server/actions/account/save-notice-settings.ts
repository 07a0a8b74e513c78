"use server";
import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/form-state";
import { currentActor } from "@/server/auth/request";
import { saveNoticeSettings } from "@/server/notices/settings";
import { formAction } from "@/server/actions/form-action";

export async function saveNoticeSettingsAction(_previous: FormState<null>, form: FormData): Promise<FormState<null>> {
  const state = await formAction("saveNoticeSettings", form, async (values) => {
    await saveNoticeSettings(await currentActor(), values);
    return null;
  });
  if (state.status === "ok") revalidatePath("/profile");
  return state;
}
