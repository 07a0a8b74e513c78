import "server-only";
import { processWide } from "@/server/process-wide";
import { AppError } from "@/lib/errors";
import { Limiter, isRefusal, type AdmissionLimits } from "@/lib/admission";
import { env } from "@/lib/env";

/**
 * The process's admission of writes (every non-GET API route through apiRoute, and the ballot
 * form's action): WRITE_CONCURRENCY at once, WRITE_QUEUE more waiting at most
 * WRITE_QUEUE_WAIT_MS; anything beyond is refused with 503 `overloaded` and `Retry-After: 1`
 * before its body is read or its caller looked up. Reads and GET /api/health never pass
 * through it, so they stay responsive while writes queue.
 */
const state = processWide("http.admission", (): { writes?: Limiter } => ({}));

export function writeAdmission(): Limiter {
  if (!state.writes) {
    const e = env();
    state.writes = new Limiter({ concurrency: e.WRITE_CONCURRENCY, queue: e.WRITE_QUEUE, maxWaitMs: e.WRITE_QUEUE_WAIT_MS });
  }
  return state.writes;
}

/** Replaces the limiter (tests: small limits); undefined goes back to the configured one. */
export function setWriteAdmission(limits: AdmissionLimits | undefined): void {
  state.writes = limits ? new Limiter(limits) : undefined;
}

/** Seconds a refused caller is told to wait before trying again. */
export const OVERLOADED_RETRY_AFTER_SECONDS = 1;

export function overloaded(): AppError {
  return new AppError("overloaded", "The server is busy; nothing was saved. Try again in a second.", {
    retryAfterSeconds: OVERLOADED_RETRY_AFTER_SECONDS,
  });
}

/** Runs `write` once a slot is free, or throws 503 `overloaded` without running it. */
export async function admitWrite<T>(write: () => Promise<T>): Promise<T> {
  const permit = await writeAdmission().acquire();
  if (isRefusal(permit)) throw overloaded();
  try {
    return await write();
  } finally {
    permit.release();
  }
}
