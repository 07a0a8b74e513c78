import "server-only";
import { badRequest, invalid } from "@/lib/errors";
import { findIllFormedText, MAX_JSON_DEPTH } from "@/lib/text-input";
import { readBodyBytes } from "@/server/http/read-file-body";

/** As Request.text() decodes: ill-formed bytes become U+FFFD. */
const UTF8 = new TextDecoder("utf-8");

/** Largest JSON body an endpoint reads; ballots are a few kilobytes. */
const MAX_BYTES = 64 * 1024;

/**
 * The body of a JSON request as a plain object, or a 400: not JSON, too large, nested deeper
 * than any input of ours, or not an object. Text that is not well-formed Unicode (a lone
 * surrogate, U+0000) is a 422 naming the field. What the object must contain is the service's
 * schema's business (422 per field). This is the one place an API request's body is parsed.
 */
export async function readJsonObject(req: Request): Promise<Record<string, unknown>> {
  checkJsonType(req);
  return parseJsonObject(await readJsonText(req));
}

/** A JSON object body that may be left out entirely (an empty body reads as {}). */
export async function readOptionalJsonObject(req: Request): Promise<Record<string, unknown>> {
  const text = await readJsonText(req);
  if (text.trim() === "") return {};
  checkJsonType(req);
  return parseJsonObject(text);
}

function checkJsonType(req: Request) {
  const type = req.headers.get("content-type");
  // A missing type is read as JSON (curl -d, simple clients); a different one is a mistake.
  if (type && !/^application\/([\w.-]+\+)?json\b/i.test(type))
    throw badRequest("Send the body as JSON (Content-Type: application/json).");
}

async function readJsonText(req: Request): Promise<string> {
  const tooLarge = () => badRequest(`The body is larger than ${MAX_BYTES / 1024} KiB.`);
  // At most 3 bytes of UTF-8 per UTF-16 unit: a body of MAX_BYTES units is never cut, and a
  // larger one is refused before it is held in memory whole (its Content-Length, or as it streams).
  const text = UTF8.decode(await readBodyBytes(req, 3 * MAX_BYTES, tooLarge));
  if (text.length > MAX_BYTES) throw tooLarge();
  return text;
}

function parseJsonObject(text: string): Record<string, unknown> {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw badRequest("The body is not valid JSON.");
  }
  if (!body || typeof body !== "object" || Array.isArray(body)) throw badRequest("The body must be a JSON object.");
  const found = findIllFormedText(body);
  if (found?.problem === "too_deep") throw badRequest(`The body is nested deeper than ${MAX_JSON_DEPTH} levels.`);
  if (found) {
    const message =
      found.problem === "nul"
        ? "Text may not contain the NUL character (U+0000)."
        : "Text must be well-formed Unicode (a lone UTF-16 surrogate is not a character).";
    throw invalid(message, { [found.path]: [found.problem === "nul" ? "text_nul" : "text_malformed"] });
  }
  return body as Record<string, unknown>;
}
