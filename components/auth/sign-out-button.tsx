"use client";

/**
 * Signs out through NextAuth.js's own endpoints (a CSRF token, then POST /api/auth/signout), as
 * its client library does, without that library: it would be 12 kB gzipped on every page for
 * one button.
 */
async function signOut(callbackUrl: string): Promise<void> {
  try {
    const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const res = await fetch("/api/auth/signout", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Auth-Return-Redirect": "1" },
      body: new URLSearchParams({ csrfToken, callbackUrl, json: "true" }),
    });
    const { url } = (await res.json().catch(() => ({}))) as { url?: string };
    window.location.href = url ?? callbackUrl;
  } catch {
    window.location.href = "/api/auth/signout";
  }
}

export function SignOutButton({ label }: { label: string }) {
  return (
    <button type="button" className="link" onClick={() => void signOut("/")}>
      {label}
    </button>
  );
}
