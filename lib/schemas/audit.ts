import { z } from "@/lib/zod";

export const AUDIT_ACTOR_KINDS = ["member", "operator", "system"] as const;
export type AuditActorKind = (typeof AUDIT_ACTOR_KINDS)[number];

/** One entry of the audit log: who did what to which entity, with the state before and after. */
export const auditEntryViewSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorKind: z.enum(AUDIT_ACTOR_KINDS).describe("member (see actor), operator (the command line) or system (a consultation closed at its deadline)"),
  actor: z
    .object({
      id: z.string(),
      name: z.string(),
      role: z.string(),
      delegation: z.object({ name: z.string(), nameZh: z.string().nullable() }).nullable(),
    })
    .nullable(),
  action: z.string().describe("e.g. term.decide, rendering.merge, user.role"),
  entityType: z.string(),
  entityId: z.string(),
  term: z.object({ slug: z.string(), headword: z.string() }).nullable().describe("The term the entry is about, when it is about one (its rendering, comment, decision, merge)."),
  subject: z.string().nullable().describe("What else it is about, by name: the rendering's text, the member's name, the delegation's name."),
  before: z.unknown().describe("The entity's relevant fields before (JSON), or null."),
  after: z.unknown().describe("The entity's relevant fields after (JSON), or null."),
});
export type AuditEntryView = z.infer<typeof auditEntryViewSchema>;

/** GET /api/audit: a page, newest first; `next` is the `before` of the following page. */
export const auditPageSchema = z.object({ entries: z.array(auditEntryViewSchema), next: z.number().int().nullable() });
