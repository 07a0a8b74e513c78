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
