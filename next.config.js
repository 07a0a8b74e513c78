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

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Benchmarks and parallel test runs build into their own folder (NEXT_DIST_DIR) so they never
  // overwrite the build another run is serving.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Native and driver packages stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg", "@node-rs/argon2"],
  // Two root layouts (app/(site), app/(reader)): unmatched addresses get app/global-not-found.tsx.
  experimental: { globalNotFound: true },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

module.exports = nextConfig;
