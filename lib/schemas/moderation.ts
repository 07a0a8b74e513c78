import { z } from "@/lib/zod";

/** POST /api/renderings/{id}/merge: the rendering a duplicate is merged into. */
export const mergeInputSchema = z.object({ into: z.string({ error: "into_required" }).trim().min(1, "into_required").max(64) });

/** POST /api/renderings/{id}/hide and /api/comments/{id}/hide: an optional reason, told to the author. */
export const hideInputSchema = z.object({ reason: z.string().trim().max(500, "reason_too_long").optional().default("") });
