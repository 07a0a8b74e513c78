/**
 * Where to send a member after sign-in: a path of this site, or "/". The value is resolved as a
 * browser would resolve it against the site (backslashes read as slashes, tabs and newlines
 * dropped, dot segments removed), and kept only when it stays on the same origin and cannot be
 * read as another host ("//host", "/\host").
 */
const SITE = "http://site.invalid";

export function safeCallback(url: string | undefined | null): string {
  if (!url || !url.startsWith("/")) return "/";
  let resolved: URL;
  try {
    resolved = new URL(url, SITE);
  } catch {
    return "/";
  }
  if (resolved.origin !== SITE) return "/";
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  // A path that starts with two slashes (after normalization) is another host to a browser.
  return /^\/[^/\\]/.test(path) || path === "/" ? path : "/";
}
