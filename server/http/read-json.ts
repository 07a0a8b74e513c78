import "server-only";
import { badRequest } from "@/lib/errors";

/** Largest JSON body an endpoint reads; ballots are a few kilobytes. */
const MAX_BYTES = 64 * 1024;

/**
 * The body of a JSON request as a plain object, or a 400: not JSON, too large, or not an
 * object. What the object must contain is the service's schema's business (422 per field).
 */
export async function readJsonObject(req: Request): Promise<Record<string, unknown>> {
  const type = req.headers.get("content-type");
  // A missing type is read as JSON (curl -d, simple clients); a different one is a mistake.
  if (type && !/^application\/([\w.-]+\+)?json\b/i.test(type))
    throw badRequest("Send the body as JSON (Content-Type: application/json).");
  let text: string;
  try {
    text = await req.text();
  } catch {
    // The client went away mid-body (a closed connection): nobody to answer, nothing broken here.
    throw badRequest("The request body could not be read.");
  }
  if (text.length > MAX_BYTES) throw badRequest(`The body is larger than ${MAX_BYTES / 1024} KiB.`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw badRequest("The body is not valid JSON.");
  }
  if (!body || typeof body !== "object" || Array.isArray(body)) throw badRequest("The body must be a JSON object.");
  // U+0000 is no text anyone writes, and PostgreSQL cannot store it: refuse it for both engines.
  if (hasNul(body)) throw badRequest("Text may not contain the NUL character (U+0000).");
  return body as Record<string, unknown>;
}

function hasNul(value: unknown): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (value && typeof value === "object") {
    return Object.entries(value).some(([k, v]) => k.includes("\u0000") || hasNul(v));
  }
  return false;
}
