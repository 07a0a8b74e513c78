// @ts-check

/**
 * Content Security Policy: only this site's own scripts, styles, fonts, images and connections;
 * no plugins, no framing, forms post only here. Trade-off: Next.js inlines its bootstrap and
 * React Server Components payload as inline <script>s, so script-src needs 'unsafe-inline'
 * (the alternative, a per-request nonce set by middleware, makes every page dynamic and
 * uncacheable). What keeps injected markup inert is React's escaping of all user text; this
 * policy still blocks scripts and connections from other origins, framing, <base> hijacking
 * and cross-site form targets. `next dev` additionally needs 'unsafe-eval'.
 */
function contentSecurityPolicy() {
  const dev = process.env.NODE_ENV !== "production";
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  { key: "Content-Security-Policy", value: contentSecurityPolicy() },
];

/**
 * Everyone reading a term's page gets its cached copy, /read/{locale}/terms/{slug} (app/(reader),
 * decisions 014 and 015): the viewer's own parts are filled in on the client from one private
 * read, and the page's server actions are posted to the same address, so they run in the same
 * route. The language: the switcher's cookie, else Chinese if the browser lists it before
 * English, else English. Rewrites here rather than in a proxy (middleware): measured, a
 * proxy.ts doing the same cost the cached page 40 % of its throughput. Checked by
 * lib/reader-route.test.ts.
 */
const readerRewrites = [
  { has: [{ type: "cookie", key: "locale", value: "zh" }], locale: "zh" },
  { has: [{ type: "cookie", key: "locale", value: "en" }], locale: "en" },
  // No valid cookie: Chinese when it comes before English among the languages the browser lists
  // (browsers list them in order of preference). Each repetition consumes one list item up to
  // its comma, so a hostile header cannot make the pattern backtrack.
  { has: [{ type: "header", key: "accept-language", value: "(?:(?!\\s*(?:zh|en)\\b)[^,]*,)*\\s*zh\\b.*" }], locale: "zh" },
  { has: undefined, locale: "en" },
].map(({ has, locale }) => ({ source: "/terms/:slug", ...(has ? { has } : {}), destination: `/read/${locale}/terms/:slug` }));

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Next hashes every page body in JavaScript for its ETag: 16 % of the server's CPU when
  // serving the cached term page (168 KiB, docs/benchmarks.md). The cached copy is only kept a
  // few seconds and members' pages are not stored at all, so a 304 would rarely be possible.
  generateEtags: false,
  // Benchmarks and parallel test runs build into their own folder (NEXT_DIST_DIR) so they never
  // overwrite the build another run is serving.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Native and driver packages stay outside the server bundle.
  // pdfkit and fontkit read their data files from their own folders at run time.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg", "@node-rs/argon2", "pdfkit", "fontkit"],
  // Two root layouts (app/(site), app/(reader)): unmatched addresses get app/global-not-found.tsx.
  // NEXT_SERVER_MINIFY=0 keeps the server's function names for CPU profiles
  // (bench/tools/profile-route.ts builds its own folder so).
  experimental: { globalNotFound: true, serverMinification: process.env.NEXT_SERVER_MINIFY !== "0" },
  async rewrites() {
    return { beforeFiles: readerRewrites, afterFiles: [], fallback: [] };
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

module.exports = nextConfig;
