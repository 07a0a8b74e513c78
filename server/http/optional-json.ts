import "server-only";
import { readJsonObject } from "@/server/http/read-json";

/** A JSON object body that may be left out entirely (an empty body reads as {}). */
export async function readOptionalJsonObject(req: Request): Promise<Record<string, unknown>> {
  const text = await req.clone().text();
  return text.trim() === "" ? {} : readJsonObject(req);
}
