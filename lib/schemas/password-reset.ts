import { z } from "@/lib/zod";
import { emailSchema, passwordSchema } from "@/lib/schemas/account";

/** A reset link works once, for one hour; its secret is 32 random bytes, stored as a SHA-256. */
export const RESET_TTL_MS = 60 * 60_000;

export const resetRequestSchema = z.object({ email: emailSchema });

/** The form sends `passwordConfirm` too; the API may leave it out. */
export const resetConfirmSchema = z
  .object({
    token: z.string().min(1).max(200),
    password: passwordSchema,
    passwordConfirm: z.string().optional(),
  })
  .refine((a) => a.passwordConfirm === undefined || a.password === a.passwordConfirm, { path: ["passwordConfirm"], error: "passwords_differ" });

/** The answers of the reset endpoints and of the one-click unsubscribe (the API document's schemas). */
export const resetAcceptedSchema = z.object({ status: z.literal("accepted"), message: z.string() });
export const passwordChangedSchema = z.object({ status: z.literal("password_changed") });
export const unsubscribedSchema = z.object({ status: z.literal("unsubscribed") });
