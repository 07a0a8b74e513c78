import { apiRoute, json } from "@/server/http/api-route";
import { readJsonObject } from "@/server/http/read-json";
import { confirmPasswordReset } from "@/server/auth/password-reset";

export const dynamic = "force-dynamic";

/** Sets a new password with a reset link's token: { token, password } → 200; used or expired → 409, unknown → 404. */
export const POST = apiRoute(async (req) => {
  await confirmPasswordReset(await readJsonObject(req));
  return json({ status: "password_changed" }, { headers: { "Cache-Control": "no-store" } });
});
