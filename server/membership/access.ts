import "server-only";
import { unauthorized } from "@/lib/errors";
import { hasRole, type Actor } from "@/lib/permissions";
import { actorFromRequest, currentActor } from "@/server/auth/request";
import { getSiteSettings } from "@/server/site/settings";

/**
 * next/navigation is loaded only where pages need it: outside Next's bundler (route handlers
 * under test, the CLI) its client build cannot load with the react-server condition.
 */
async function redirectTo(path: string): Promise<never> {
  const { redirect } = await import("next/navigation");
  return redirect(path);
}

/** The sign-in page, coming back to `path` afterwards. */
export function signInPath(path: string): string {
  return `/signin?callbackUrl=${encodeURIComponent(path)}`;
}

/**
 * The first line of every page and read API that shows the lexicon. On a members-only site
 * (an admin's setting), an anonymous reader of a page is sent to sign in and coming back to
 * `from`; a read API request without a valid session or token gets 401. Open sites let
 * everyone through.
 *
 *   await readerGate(req)                 // route handlers
 *   await readerGate(`/terms/${slug}`)    // pages: the path to come back to
 */
export async function readerGate(from: Request | string): Promise<void> {
  if (typeof from === "string") {
    if ((await getSiteSettings()).membersOnly && !(await currentActor())) await redirectTo(signInPath(from));
    return;
  }
  // A wrong or revoked token, or a disabled account's, is a 401 even on an open site (thrown by
  // actorFromRequest), so a script learns at once that its token stopped working.
  const byToken = from.headers.has("authorization") ? await actorFromRequest(from) : null;
  if (byToken || !(await getSiteSettings()).membersOnly) return;
  if (!(await actorFromRequest(from))) throw unauthorized("This site is for members only. Sign in, or send an API token.");
}

/** Pages for members only (profile, admin): the signed-in actor, or off to sign in. */
export async function memberPage(path: string): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) return redirectTo(signInPath(path));
  return actor;
}

/**
 * Administration pages: anonymous readers go to sign in; members without the role get the
 * page's refusal (`allowed: false`). The services check again: this only decides what to show.
 */
export async function staffPage(path: string, least: "facilitator" | "admin"): Promise<{ actor: Actor; allowed: boolean }> {
  const actor = await memberPage(path);
  return { actor, allowed: hasRole(actor, least) };
}
