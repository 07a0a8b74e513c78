"use server";
import { revalidatePath } from "next/cache";
import { settingsFromForm } from "@/lib/schemas/site-admin";
import type { FormState } from "@/lib/form-state";
import { currentActor } from "@/server/auth/request";
import { updateSiteSettings } from "@/server/site/settings";
import { formAction } from "@/server/actions/form-action";

export async function saveSettingsAction(_previous: FormState<null>, form: FormData): Promise<FormState<null>> {
  const state = await formAction("saveSettings", form, async (values) => {
    await updateSiteSettings(await currentActor(), settingsFromForm(values));
    return null;
  });
  if (state.status === "ok") revalidatePath("/", "layout");
  return state;
}
