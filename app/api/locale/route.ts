import { NextResponse } from "next/server";
import { isLocale } from "@/lib/i18n";
import { LOCALE_COOKIE, saveProfileLocale } from "@/server/site/locale";
import { actorFromRequest, sameOrigin } from "@/server/auth/request";

/** The page to go back to: the referring page when it is on this host, else the lexicon. */
function backPath(req: Request): string {
  const referer = req.headers.get("referer");
  if (!referer || !URL.canParse(referer)) return "/";
  const from = new URL(referer);
  return from.host === req.headers.get("host") ? `${from.pathname}${from.search}` : "/";
}

/**
 * Sets the interface language from the switcher's form and returns to the page it came from.
 * A signed-in scholar's choice is also saved to their profile, only from a page of this site
 * (another site's form may switch this browser's language, never the profile).
 */
export async function POST(req: Request) {
  const form = await req.formData().catch(() => null);
  const locale = form?.get("locale");
  // A relative Location keeps the reader on the host they used (the cookie is per host).
  const res = new NextResponse(null, { status: 303, headers: { Location: backPath(req) } });
  if (isLocale(locale)) {
    res.cookies.set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
    const actor = sameOrigin(req) ? await actorFromRequest(req).catch(() => null) : null;
    if (actor?.via === "session") await saveProfileLocale(actor, locale);
  }
  return res;
}
