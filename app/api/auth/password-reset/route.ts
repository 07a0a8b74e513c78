import { apiRoute, json } from "@/server/http/api-route";
import { readJsonObject } from "@/server/http/read-json";
import { clientAddress } from "@/server/http/client-address";
import { requestPasswordReset } from "@/server/auth/password-reset";

export const dynamic = "force-dynamic";

const RESET_ACCEPTED = {
  status: "accepted",
  message: "If this address belongs to a member, a link to choose a new password is on its way. It works once, for one hour.",
} as const;

/** Asks for a reset link: { email } → 202, the same answer whether or not the address is a member's. */
export const POST = apiRoute(async (req) => {
  await requestPasswordReset(await readJsonObject(req), clientAddress(req.headers));
  return json(RESET_ACCEPTED, { status: 202, headers: { "Cache-Control": "no-store" } });
});
