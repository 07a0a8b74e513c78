import "server-only";

/**
 * The route of the term pages cached for signed-out readers, as Next tags its cache entries:
 * the file's path with its route group (app/(reader)/read/[locale]/terms/[slug]/page.tsx).
 */
export const CACHED_TERM_PAGE = "/(reader)/read/[locale]/terms/[slug]";

/**
 * Expires this instance's cached term pages, so the next signed-out reader gets a fresh one
 * instead of the copy of up to `revalidate` seconds ago. For changes readers must see at once
 * (stages, decisions, proposals, comments, settings); ballots, the frequent change, rely on the
 * page's revalidation period alone, or every save would make the page render per request.
 * Other instances catch up within that period. Outside a request Next can act on (tests, the
 * CLI, a page's own render) there is nothing cached to expire here, and this does nothing.
 */
export async function expireCachedTermPages(): Promise<void> {
  try {
    const { revalidatePath } = await import("next/cache");
    revalidatePath(CACHED_TERM_PAGE, "page");
  } catch {
    // not in a route handler or server action
  }
}
