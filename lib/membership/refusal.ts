import { AppError, type ErrorCode } from "@/lib/errors";
import { MESSAGES } from "@/lib/i18n";

/** The expected refusals of the membership services, each a code with a text in both languages (lib/i18n/messages/codes.ts). */
export type Reason = keyof (typeof MESSAGES)["en"]["codes"];

/** An AppError with the reason's code (and English text as its message), optionally on one field. */
export function refused(code: ErrorCode, reason: Reason, field?: string): AppError {
  return new AppError(code, MESSAGES.en.codes[reason], { reason, ...(field ? { fields: { [field]: [reason] } } : {}) });
}
