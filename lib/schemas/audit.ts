import { z } from "@/lib/zod";

/** One entry of the audit log: who did what to which entity, with the state before and after. */
export const auditEntryViewSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.object({ id: z.string(), name: z.string(), role: z.string() }).nullable(),
  action: z.string().describe("e.g. term.decide, rendering.merge, user.role"),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown().describe("The entity's relevant fields before (JSON), or null."),
  after: z.unknown().describe("The entity's relevant fields after (JSON), or null."),
});
export type AuditEntryView = z.infer<typeof auditEntryViewSchema>;

/** GET /api/audit: a page, newest first; `next` is the `before` of the following page. */
export const auditPageSchema = z.object({ entries: z.array(auditEntryViewSchema), next: z.number().int().nullable() });
