"use server";
import { revalidatePath } from "next/cache";
import { formFields } from "@/lib/schemas/account";
import { settingsFromForm } from "@/lib/schemas/site-admin";
import type { FormState } from "@/lib/form-state";
import { currentActor } from "@/server/auth/request";
import { updateSiteSettings } from "@/server/site/settings";
import { formResult } from "@/server/actions/account/form-result";

export async function saveSettingsAction(_previous: FormState<null>, form: FormData): Promise<FormState<null>> {
  const values = formFields(form);
  const state = await formResult("saveSettings", values, async () => {
    await updateSiteSettings(await currentActor(), settingsFromForm(values));
    return null;
  });
  if (state.status === "ok") revalidatePath("/", "layout");
  return state;
}
