import "server-only";
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { AppError, isAppError, type FieldErrors, type FieldIssue } from "@/lib/errors";
import { MESSAGES } from "@/lib/i18n";
import { codeText, errorTexts } from "@/lib/i18n/codes";
import { fieldErrorsOf } from "@/lib/validation";
import { admitWrite } from "@/server/http/admission";

const ENGLISH = errorTexts(MESSAGES.en);

/** Each refused field's code with its English text (the first, when a field has several). */
export function fieldIssues(fields: FieldErrors): Record<string, FieldIssue> {
  const out: Record<string, FieldIssue> = {};
  for (const [path, codes] of Object.entries(fields)) {
    const code = codes[0];
    if (code) out[path] = { code, message: codeText(ENGLISH, code) };
  }
  return out;
}

/**
 * The one JSON error shape of the API: { error: { code, message, fields? } }, where `fields`
 * maps an input path to { code, message }: the code to switch on, an English sentence to show.
 */
export function errorResponse(e: AppError): NextResponse {
  const { fields, ...rest } = e.details;
  return NextResponse.json(
    { error: { code: e.code, message: e.message, ...(fields ? { fields: fieldIssues(fields) } : {}), ...rest } },
    { status: e.status, headers: { "Cache-Control": "no-store", ...retryAfter(e) } },
  );
}

/** A refusal for now (429 rate_limited, 503 overloaded) says when to come back. */
function retryAfter(e: AppError): Record<string, string> {
  const seconds = e.details.retryAfterSeconds;
  return (e.code === "rate_limited" || e.code === "overloaded") && typeof seconds === "number" ? { "Retry-After": String(seconds) } : {};
}

/** Methods that change nothing are never queued behind writes. */
const READS = new Set(["GET", "HEAD", "OPTIONS"]);

type Handler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;

/**
 * Wraps a route handler: expected errors become their status, anything else a generic 500.
 * A write (any other method than GET, HEAD, OPTIONS) first takes a slot of the process's write
 * admission (server/http/admission.ts): when none comes free in time it is a 503 with
 * Retry-After, before the body is read or the caller looked up.
 */
export function apiRoute<P = Record<string, never>>(handler: Handler<P>): Handler<P> {
  return async (req, ctx) => {
    try {
      // A path parameter with U+0000 names nothing (and PostgreSQL cannot even compare it).
      const params = (await ctx.params) as Record<string, unknown> | undefined;
      if (params && Object.values(params).some((v) => typeof v === "string" && v.includes("\u0000"))) {
        throw new AppError("not_found", "Not found.");
      }
      if (READS.has(req.method)) return await handler(req, ctx);
      return await admitWrite(() => handler(req, ctx));
    } catch (e) {
      if (isAppError(e)) return errorResponse(e);
      if (e instanceof ZodError) {
        return errorResponse(new AppError("invalid", "The request is not valid.", { fields: fieldErrorsOf(e) }));
      }
      console.error("[api] unexpected error", req.method, new URL(req.url).pathname, e);
      return NextResponse.json(
        { error: { code: "internal", message: "Something went wrong on our side. Please try again." } },
        { status: 500 },
      );
    }
  };
}

export function json(body: unknown, init: ResponseInit = {}): NextResponse {
  return NextResponse.json(body, init);
}
