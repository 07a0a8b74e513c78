/** Responses that several operations share (listed by lib/openapi/registry.ts and its areas). */
export const err = (description: string) => ({ description, content: { schema: "ApiError" as const } });

/** Members' writes that are counted per member (lib/rate-limit.ts: WRITE_LIMITS). */
export const RATE_LIMITED = {
  429: {
    description: "Too many of these in a short time (rate_limited); error.retryAfterSeconds, error.limit and error.windowSeconds say more.",
    content: { schema: "ApiError" as const },
    headers: { "Retry-After": "Seconds to wait before trying again." },
  },
};

/** Every read of the lexicon on a members-only site (an admin setting) without a session or token. */
export const READ_GATE = { 401: err("The site is members-only and the request has no session or API token.") };

/**
 * Responses every write operation shares. Every non-GET route through apiRoute passes the
 * process's write admission first (server/http/admission.ts), so each can answer 503.
 */
export const OVERLOADED = {
  503: {
    description: "The server is saturated (error.code `overloaded`): nothing was done; try again after Retry-After.",
    content: { schema: "ApiError" as const },
    headers: { "Retry-After": "Seconds to wait before trying again (1)." },
  },
};
