/**
 * The kinds of notice a member receives, in the app and by email; each kind's email can be
 * turned off (profile page, one-click unsubscribe). Invitations and password resets are not
 * notices: they always go out.
 */
export const NOTICE_KINDS = ["consultation", "deadline", "provisional", "decision", "discussion"] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export function isNoticeKind(x: unknown): x is NoticeKind {
  return typeof x === "string" && (NOTICE_KINDS as readonly string[]).includes(x);
}

/** How long before a consultation's deadline the members who have not graded are reminded. */
export const DEADLINE_REMINDER_MS = 24 * 60 * 60 * 1000;
