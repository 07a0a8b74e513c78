import "server-only";
import type { Prisma } from "@/generated/sqlite/client";
import { invalid } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { ADMIN_ERRORS, SETTING_KEYS, siteSettingsSchema, type SiteSettings } from "@/lib/schemas/site-admin";
import { db } from "@/server/db/client";
import { requireRole } from "@/server/auth/guard";
import { recordAdminAction } from "@/server/admin-audit";

/**
 * Site settings (members-only site, open sign-up and its delegation), one Setting row per key
 * with a JSON value. Read from the database on every call, never cached in the process: they
 * decide who may read and who may join, and every instance must agree at once. (It is one
 * primary-key lookup of three rows.)
 */

const DEFAULTS: SiteSettings = siteSettingsSchema.parse({});

export async function getSiteSettings(): Promise<SiteSettings> {
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
  };
}

export async function updateSiteSettings(actor: Actor | null, raw: unknown): Promise<SiteSettings> {
  const admin = requireRole(actor, "admin");
  const next = siteSettingsSchema.parse(raw);
  if (next.signUpDelegationId && !(await db().delegation.findUnique({ where: { id: next.signUpDelegationId } }))) {
    throw invalid("The request is not valid.", { signUpDelegationId: [ADMIN_ERRORS.signUpDelegationRequired] });
  }
  const before = await getSiteSettings();
  await db().$transaction(async (tx) => {
    for (const key of SETTING_KEYS) {
      // JSON null needs a client-specific sentinel; "" stands for "none" and reads back as null.
      const value = (next[key] ?? "") as Prisma.InputJsonValue;
      await tx.setting.upsert({ where: { key }, update: { value }, create: { key, value } });
    }
    await recordAdminAction(tx, admin.id, "settings.update", "setting", "site", before, next);
  });
  return next;
}
