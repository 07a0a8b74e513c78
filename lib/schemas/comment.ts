import { z } from "@/lib/zod";

import { STANCES, type Stance } from "@/lib/discussion/stances";

export { STANCES, type Stance };
export const stanceSchema = z.enum(STANCES, { error: "stance_required" });

export const COMMENT_MAX = 4000;

/** Kept as written (line breaks included); only the ends are trimmed. */
export const commentBodySchema = z
  .string({ error: "body_required" })
  .transform((s) => s.replace(/\r\n?/g, "\n").trim())
  .pipe(z.string().min(1, "body_required").max(COMMENT_MAX, "body_too_long"));

/** POST /api/renderings/{id}/comments and the comment form; `parentId` makes it a reply. */
export const newCommentSchema = z.object({
  stance: stanceSchema,
  body: commentBodySchema,
  parentId: z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((v) => v || undefined),
});
export type NewComment = z.output<typeof newCommentSchema>;

/** PATCH /api/comments/{id}: the author rewrites the body (and may change the stance). */
export const editCommentSchema = z.object({ body: commentBodySchema, stance: stanceSchema.optional() });
export type EditComment = z.output<typeof editCommentSchema>;

export const COMMENT_ERROR_CODES = ["stance_required", "body_required", "body_too_long", "parent_not_found"] as const;
export type CommentErrorCode = (typeof COMMENT_ERROR_CODES)[number];

/** A comment as the API and the page show it; replies are one level deep. */
export const commentViewSchema = z.object({
  id: z.string(),
  stance: stanceSchema,
  body: z.string().describe("Empty when deleted."),
  author: z.object({ name: z.string(), delegation: z.string().nullable(), delegationZh: z.string().nullable().describe("The delegation's Chinese name, when it has one.") }),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  movedFrom: z.object({ id: z.string(), text: z.string() }).nullable().describe("The rendering it was written on, when it moved here with a merge."),
  deleted: z.boolean(),
  hidden: z.boolean().describe("Only admins ever receive hidden comments."),
  mine: z.boolean(),
  get replies(): z.ZodArray<typeof commentViewSchema> {
    return z.array(commentViewSchema);
  },
});
export type CommentView = z.infer<typeof commentViewSchema>;
