import "server-only";
import { processWide } from "@/server/process-wide";
import type { Prisma } from "@/generated/sqlite/client";
import { invalid } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { SETTING_KEYS, siteSettingsSchema, type SiteSettings } from "@/lib/schemas/site-admin";
import { db } from "@/server/db/client";
import { requireRole } from "@/server/auth/guard";
import { recordAudit } from "@/server/site/audit";
import { expireCachedTermPages } from "@/server/live/cached-pages";

/**
 * Site settings (members-only site, open sign-up and its delegation), one Setting row per key
 * with a JSON value, shared by every instance through the database. Every read of the site
 * checks them, so each process keeps what it read for at most SETTINGS_TTL_MS: a change made
 * on one instance applies on the others within that time (on the instance that made it, at
 * once). Measured: the read was a quarter of the cost of GET /api/terms/{slug}/results.
 */
export const SETTINGS_TTL_MS = 2000;
/** One per process (server/process-wide.ts): a change forgets it for every route of the instance. */
const kept = processWide("site.settings", (): { cache: { at: number; value: SiteSettings } | null } => ({ cache: null }));

/** For tests that write Setting rows directly. */
export function forgetSiteSettings() {
  kept.cache = null;
}

const DEFAULTS: SiteSettings = siteSettingsSchema.parse({});

export async function getSiteSettings(): Promise<SiteSettings> {
  if (kept.cache && Date.now() - kept.cache.at < SETTINGS_TTL_MS) return kept.cache.value;
  const value = await readSiteSettings();
  kept.cache = { at: Date.now(), value };
  return value;
}

async function readSiteSettings(): Promise<SiteSettings> {
  const rows = await db().setting.findMany({ where: { key: { in: [...SETTING_KEYS] } } });
  const stored = Object.fromEntries(rows.map((r) => [r.key, r.value === "" ? null : r.value]));
  const parsed = siteSettingsSchema.safeParse({ ...DEFAULTS, ...stored });
  if (parsed.success) return parsed.data;
  // A row written by hand that does not parse: keep what is valid, default the rest.
  console.error("[settings] stored settings are not valid; using defaults where needed", parsed.error.issues);
  return {
    membersOnly: stored.membersOnly === true,
    openSignUp: false,
    signUpDelegationId: null,
    scholarsInvite: stored.scholarsInvite === true,
  };
}

export async function updateSiteSettings(actor: Actor | null, raw: unknown): Promise<SiteSettings> {
  const admin = requireRole(actor, "admin");
  const next = siteSettingsSchema.parse(raw);
  if (next.signUpDelegationId && !(await db().delegation.findUnique({ where: { id: next.signUpDelegationId } }))) {
    throw invalid("The request is not valid.", { signUpDelegationId: ["signup_delegation_required"] });
  }
  const before = await readSiteSettings();
  await db().$transaction(async (tx) => {
    for (const key of SETTING_KEYS) {
      // JSON null needs a client-specific sentinel; "" stands for "none" and reads back as null.
      const value = (next[key] ?? "") as Prisma.InputJsonValue;
      await tx.setting.upsert({ where: { key }, update: { value }, create: { key, value } });
    }
    await recordAudit(tx, admin.id, "settings.update", "setting", "site", before, next);
  });
  kept.cache = { at: Date.now(), value: next };
  // A site turned members-only must stop showing cached pages to signed-out readers at once.
  await expireCachedTermPages();
  return next;
}
