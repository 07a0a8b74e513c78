/**
 * Rate limits, pure: fixed windows counted in the database (RateWindow, server/site/rate-limit.ts)
 * so that every app instance shares them. A window begins with its first hit and lasts
 * `windowMs`; within it at most `max` hits pass.
 */
export type WindowRule = { max: number; windowMs: number };

export type WindowVerdict = { ok: true } | { ok: false; retryAfterMs: number };

/** Whether hit number `count` of the window begun at `windowStart` passes. */
export function windowVerdict(rule: WindowRule, count: number, windowStart: Date, now: Date): WindowVerdict {
  if (count <= rule.max) return { ok: true };
  return { ok: false, retryAfterMs: Math.max(0, windowStart.getTime() + rule.windowMs - now.getTime()) };
}

/**
 * Members' writes, per member. Generous for a conference: a scholar proposing for every term
 * of a lexicon, a heated debate of a comment every 10 seconds, a facilitator inviting a whole
 * delegation at once; far below what a script posts (the audit: 300 comments in 6.5 s).
 */
export const WRITE_LIMITS = {
  proposal: { max: 30, windowMs: 60 * 60_000 },
  comment: { max: 60, windowMs: 10 * 60_000 },
  invitation: { max: 200, windowMs: 60 * 60_000 },
  /** Glossary imports and their previews (each a whole file in one transaction). */
  import: { max: 60, windowMs: 60 * 60_000 },
} as const satisfies Record<string, WindowRule>;
export type WriteKind = keyof typeof WRITE_LIMITS;

/**
 * Password-reset requests: per address (a stranger cannot flood a member's inbox) and per
 * client (nor spray addresses). The same for members and strangers, so a refusal says nothing
 * about whether an address belongs to a member.
 */
export const RESET_LIMITS = {
  address: { max: 3, windowMs: 60 * 60_000 },
  client: { max: 20, windowMs: 60 * 60_000 },
} as const satisfies Record<string, WindowRule>;

/** Whole seconds for a Retry-After header: never 0 while refused. */
export function retryAfterSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
