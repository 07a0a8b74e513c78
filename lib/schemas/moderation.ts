import { z } from "@/lib/zod";

/** POST /api/renderings/{id}/merge: the rendering a duplicate is merged into. */
export const mergeInputSchema = z.object({ into: z.string({ error: "into_required" }).trim().min(1, "into_required").max(64) });

/** POST /api/renderings/{id}/hide and /api/comments/{id}/hide: an optional reason, told to the author. */
export const hideInputSchema = z.object({ reason: z.string().trim().max(500, "reason_too_long").optional().default("") });

/** What a merge did (POST /api/renderings/{id}/merge) or its undo restored (POST /api/merges/{id}/undo). */
export const mergeResultSchema = z.object({
  mergeId: z.string(),
  from: z.string().describe("The duplicate rendering."),
  into: z.string().describe("The rendering it was merged into."),
  ballotsChanged: z.number().int().nonnegative(),
  commentsMoved: z.number().int().nonnegative(),
});
export type MergeResult = z.infer<typeof mergeResultSchema>;
