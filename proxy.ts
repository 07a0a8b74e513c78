import { NextResponse, type NextRequest } from "next/server";
import { signedOutTermPage } from "@/lib/reader-route";

/**
 * Signed-out readers of a term's page get its cached copy (app/(reader)); everyone else the
 * page rendered for them. The address in the browser stays /terms/{slug}.
 *
 * The cached copy is sent with Next's `Cache-Control: s-maxage=…` and without `Vary: Cookie`
 * (Next replaces a Vary set here with its own). A shared cache (CDN) in front of the app must
 * therefore bypass itself for requests carrying the session cookie (README, "Deploying").
 */
export function proxy(req: NextRequest) {
  const target = signedOutTermPage({
    method: req.method,
    pathname: req.nextUrl.pathname,
    hasCookie: (name) => req.cookies.has(name),
    cookie: (name) => req.cookies.get(name)?.value,
    acceptLanguage: req.headers.get("accept-language"),
  });
  return target ? NextResponse.rewrite(new URL(target, req.url)) : NextResponse.next();
}

export const config = { matcher: "/terms/:slug" };
