/**
 * Who gets the cached copy of a term's page (decision 014). The routing itself is data, in
 * next.config.js (`rewrites`), which a unit test checks against these names.
 */

/** next-auth's session cookie, under both of its names (the first over https). */
export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;
/** The language switcher's choice on this browser. */
export const LOCALE_COOKIE = "locale";
