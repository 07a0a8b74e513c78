import { z } from "@/lib/zod";
import { NOTICE_KINDS, type NoticeKind } from "@/lib/notices/kinds";

/**
 * Which notice emails a member gets: the profile form sends a checkbox `email.<kind>` for each
 * kind that is on (a checkbox left off is not sent); the API may send booleans.
 */
export const noticeSettingsSchema = z
  .record(z.string(), z.unknown())
  .transform((raw) => Object.fromEntries(NOTICE_KINDS.map((k) => [k, raw[`email.${k}`] === "on" || raw[`email.${k}`] === true])) as Record<NoticeKind, boolean>);
export type NoticeSettings = z.output<typeof noticeSettingsSchema>;
