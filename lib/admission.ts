/**
 * Admission control, pure (no I/O): a semaphore with a bounded wait queue. At most
 * `concurrency` holders at once; up to `queue` more wait in arrival order; a caller that finds
 * the queue full, or that waited longer than `maxWaitMs`, is refused at once. Refusing early
 * and cheaply (a 503 with Retry-After, server/http/admission.ts) is what a saturated server can
 * still do well; queueing without bound turns a burst into multi-second tails for everyone.
 */
export type AdmissionLimits = {
  /** Holders at once (≥ 1). */
  concurrency: number;
  /** Callers that may wait for a slot (0: refuse whenever every slot is taken). */
  queue: number;
  /** How long a caller may wait for a slot before it is refused. */
  maxWaitMs: number;
};

/** A slot held; `release` is idempotent. */
export type Permit = { release(): void };
export type Refusal = { refused: "queue_full" | "waited_too_long" };

export function isRefusal(x: Permit | Refusal): x is Refusal {
  return "refused" in x;
}

/** The timer functions the limiter uses (injectable so tests can drive time). */
export type Timers = {
  setTimeout: (f: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
};

const REAL_TIMERS: Timers = {
  setTimeout: (f, ms) => setTimeout(f, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

type Waiter = { grant: (p: Permit | Refusal) => void; timer: unknown };

export class Limiter {
  private active = 0;
  private readonly waiting: Waiter[] = [];
  /** Refusals since start, by reason (for logs and tests). */
  readonly refusals = { queue_full: 0, waited_too_long: 0 };

  constructor(
    readonly limits: AdmissionLimits,
    private readonly timers: Timers = REAL_TIMERS,
  ) {
    if (!(limits.concurrency >= 1) || !(limits.queue >= 0) || !(limits.maxWaitMs >= 0)) {
      throw new RangeError(`invalid admission limits: ${JSON.stringify(limits)}`);
    }
  }

  get inFlight(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** A permit now, a permit when a slot frees within maxWaitMs, or a refusal. */
  acquire(): Promise<Permit | Refusal> {
    if (this.active < this.limits.concurrency) {
      this.active++;
      return Promise.resolve(this.permit());
    }
    if (this.waiting.length >= this.limits.queue) return Promise.resolve(this.refuse("queue_full"));
    return new Promise((resolve) => {
      const waiter: Waiter = {
        grant: resolve,
        timer: this.timers.setTimeout(() => {
          const i = this.waiting.indexOf(waiter);
          if (i < 0) return;
          this.waiting.splice(i, 1);
          resolve(this.refuse("waited_too_long"));
        }, this.limits.maxWaitMs),
      };
      this.waiting.push(waiter);
    });
  }

  private refuse(reason: Refusal["refused"]): Refusal {
    this.refusals[reason]++;
    return { refused: reason };
  }

  private permit(): Permit {
    let held = true;
    return {
      release: () => {
        if (!held) return;
        held = false;
        this.active--;
        this.next();
      },
    };
  }

  /** Hands a freed slot to the longest waiting caller. */
  private next() {
    const waiter = this.waiting.shift();
    if (!waiter) return;
    this.timers.clearTimeout(waiter.timer);
    this.active++;
    waiter.grant(this.permit());
  }
}
