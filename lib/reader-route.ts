import { DEFAULT_LOCALE, isLocale, localeFromAcceptLanguage, type Locale } from "@/lib/i18n";

/** next-auth's session cookie, under both of its names (the first over https). */
export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;
/** The language switcher's choice on this browser. */
export const LOCALE_COOKIE = "locale";

type Request = {
  method: string;
  /** The path as requested, still percent-encoded. */
  pathname: string;
  /** Whether a cookie of this name is present (next-auth splits a long one into name.0, name.1, ...). */
  hasCookie: (name: string) => boolean;
  cookie: (name: string) => string | undefined;
  acceptLanguage: string | null;
};

/** The language of a signed-out reader: the switcher's cookie, else Accept-Language, else English. */
export function signedOutLocale(req: Pick<Request, "cookie" | "acceptLanguage">): Locale {
  const chosen = req.cookie(LOCALE_COOKIE);
  if (isLocale(chosen)) return chosen;
  return localeFromAcceptLanguage(req.acceptLanguage) ?? DEFAULT_LOCALE;
}

const TERM_PAGE = /^\/terms\/([^/]+)$/;

/**
 * Where proxy.ts sends a request for a term's page: a signed-out reader's GET or HEAD of
 * /terms/{slug} goes to the cached copy in the reader's language,
 * /read/{locale}/terms/{slug}; null for everything else (signed in, a form post, another path),
 * which the page renders per request. Anyone holding a session cookie counts as signed in, even
 * an expired one: they get the per-request page, which is correct for everybody.
 */
export function signedOutTermPage(req: Request): string | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  const match = TERM_PAGE.exec(req.pathname);
  if (!match) return null;
  if (SESSION_COOKIES.some((name) => req.hasCookie(name) || req.hasCookie(`${name}.0`))) return null;
  return `/read/${signedOutLocale(req)}/terms/${match[1]}`;
}
