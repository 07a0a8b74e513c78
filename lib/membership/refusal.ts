import { AppError, type ErrorCode } from "@/lib/errors";
import { MESSAGES } from "@/lib/i18n";

/** The expected refusals of the membership services, each with a message in both languages (lib/i18n/messages/account.ts). */
export type Reason = keyof (typeof MESSAGES)["en"]["account"]["reasons"];

/** An AppError whose English message is the reason's, optionally shown beside one field. */
export function refused(code: ErrorCode, reason: Reason, field?: string): AppError {
  const message = MESSAGES.en.account.reasons[reason];
  return new AppError(code, message, { reason, ...(field ? { fields: { [field]: [message] } } : {}) });
}
