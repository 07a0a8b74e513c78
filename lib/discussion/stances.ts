/** A comment argues for or against a rendering, or asks a question about it (zod-free: the comment form loads it). */
export const STANCES = ["for", "against", "question"] as const;
export type Stance = (typeof STANCES)[number];
