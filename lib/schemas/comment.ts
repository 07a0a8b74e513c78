import { z } from "@/lib/zod";

/** A comment argues for or against a rendering, or asks a question about it. */
export const STANCES = ["for", "against", "question"] as const;
export const stanceSchema = z.enum(STANCES, { error: "stance_required" });
export type Stance = z.infer<typeof stanceSchema>;

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
