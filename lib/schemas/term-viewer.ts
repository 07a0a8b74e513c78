import { z } from "@/lib/zod";
import { ROLES } from "@/lib/permissions";
import { ballotViewSchema } from "@/lib/schemas/ballot";

/**
 * What is personal on a term's page (issue 12, item 3): everyone gets the same cached page, and
 * this small private read fills in the viewer's own parts on the client — who they are, their
 * ballot, which proposals and comments are theirs, and the facilitators' lists.
 */
export const termViewerSchema = z.object({
  actor: z
    .object({
      id: z.string(),
      name: z.string(),
      role: z.enum(ROLES),
      delegationId: z.string().nullable(),
      delegation: z.string().nullable(),
      /** The profile's language: a browser without the switcher's cookie follows it. */
      locale: z.enum(["en", "zh"]),
    })
    .nullable(),
  /** Unread in-app notifications (the header's badge). */
  unread: z.number().int().nonnegative(),
  /** Terms open for consultation the viewer has not graded (the header's other badge). */
  needsGrade: z.number().int().nonnegative(),
  ballot: ballotViewSchema.nullable(),
  own: z.object({ renderings: z.array(z.string()), comments: z.array(z.string()) }),
  /** Facilitators: merges of the term's renderings; admins also hidden renderings and comments. */
  facilitation: z
    .object({
      merges: z.array(
        z.object({
          id: z.string(),
          from: z.object({ id: z.string(), text: z.string() }),
          into: z.object({ id: z.string(), text: z.string() }),
          mergedBy: z.string(),
          undoneAt: z.string().nullable(),
        }),
      ),
      hiddenRenderings: z.array(z.object({ id: z.string(), text: z.string(), gloss: z.string(), proposer: z.string() })),
      hiddenComments: z.array(z.object({ id: z.string(), renderingId: z.string(), body: z.string(), author: z.string() })),
    })
    .nullable(),
});

export type TermViewer = z.infer<typeof termViewerSchema>;
export type TermViewerActor = NonNullable<TermViewer["actor"]>;
