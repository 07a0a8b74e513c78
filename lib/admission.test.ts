import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { Limiter, isRefusal, type Permit, type Refusal, type Timers } from "./admission";

/** A clock the test moves by hand. */
function manualTimers() {
  let now = 0;
  let nextId = 1;
  const pending = new Map<number, { at: number; f: () => void }>();
  const timers: Timers = {
    setTimeout: (f, ms) => {
      const id = nextId++;
      pending.set(id, { at: now + ms, f });
      return id;
    },
    clearTimeout: (id) => void pending.delete(id as number),
  };
  return {
    timers,
    pendingCount: () => pending.size,
    advance(ms: number) {
      now += ms;
      for (const [id, t] of [...pending].sort((a, b) => a[1].at - b[1].at)) {
        if (t.at <= now) {
          pending.delete(id);
          t.f();
        }
      }
    },
  };
}

/** Lets resolved promises run their callbacks. */
const flush = () => new Promise((r) => setImmediate(r));

function track(p: Promise<Permit | Refusal>) {
  const s: { value?: Permit | Refusal } = {};
  void p.then((v) => (s.value = v));
  return s;
}

describe("admission limiter", () => {
  it("admits up to the concurrency at once, queues the rest and hands freed slots over in arrival order", async () => {
    const clock = manualTimers();
    const limiter = new Limiter({ concurrency: 2, queue: 5, maxWaitMs: 1000 }, clock.timers);
    const a = track(limiter.acquire());
    const b = track(limiter.acquire());
    const c = track(limiter.acquire());
    const d = track(limiter.acquire());
    await flush();
    assert.ok(a.value && !isRefusal(a.value));
    assert.ok(b.value && !isRefusal(b.value));
    assert.equal(c.value, undefined);
    assert.equal(d.value, undefined);
    assert.equal(limiter.inFlight, 2);
    assert.equal(limiter.queued, 2);

    (a.value as Permit).release();
    await flush();
    assert.ok(c.value && !isRefusal(c.value), "the first waiter gets the slot");
    assert.equal(d.value, undefined);
    assert.equal(limiter.inFlight, 2);
    assert.equal(clock.pendingCount(), 1, "the admitted waiter's timer is cleared");
  });

  it("refuses at once when the queue is full", async () => {
    const limiter = new Limiter({ concurrency: 1, queue: 1, maxWaitMs: 1000 }, manualTimers().timers);
    await limiter.acquire();
    void limiter.acquire();
    const third = await limiter.acquire();
    assert.deepEqual(third, { refused: "queue_full" });
    assert.equal(limiter.refusals.queue_full, 1);
  });

  it("with no queue, refuses whenever every slot is taken", async () => {
    const limiter = new Limiter({ concurrency: 1, queue: 0, maxWaitMs: 1000 }, manualTimers().timers);
    const first = await limiter.acquire();
    assert.deepEqual(await limiter.acquire(), { refused: "queue_full" });
    (first as Permit).release();
    assert.ok(!isRefusal(await limiter.acquire()));
  });

  it("refuses a caller that waited longer than maxWaitMs, and does not give it a slot later", async () => {
    const clock = manualTimers();
    const limiter = new Limiter({ concurrency: 1, queue: 3, maxWaitMs: 500 }, clock.timers);
    const first = (await limiter.acquire()) as Permit;
    const late = track(limiter.acquire());
    clock.advance(499);
    await flush();
    assert.equal(late.value, undefined);
    clock.advance(1);
    await flush();
    assert.deepEqual(late.value, { refused: "waited_too_long" });
    assert.equal(limiter.queued, 0);
    first.release();
    assert.equal(limiter.inFlight, 0, "the freed slot is not handed to the refused caller");
    assert.equal(limiter.refusals.waited_too_long, 1);
  });

  it("a permit released twice frees one slot", async () => {
    const limiter = new Limiter({ concurrency: 1, queue: 0, maxWaitMs: 0 }, manualTimers().timers);
    const p = (await limiter.acquire()) as Permit;
    p.release();
    p.release();
    assert.equal(limiter.inFlight, 0);
    const q = await limiter.acquire();
    assert.ok(!isRefusal(q));
    assert.deepEqual(await limiter.acquire(), { refused: "queue_full" });
  });

  it("refuses limits that make no sense", () => {
    assert.throws(() => new Limiter({ concurrency: 0, queue: 1, maxWaitMs: 1 }), RangeError);
    assert.throws(() => new Limiter({ concurrency: 1, queue: -1, maxWaitMs: 1 }), RangeError);
    assert.throws(() => new Limiter({ concurrency: Number.NaN, queue: 1, maxWaitMs: 1 }), RangeError);
  });

  it("under any sequence of arrivals, releases and waiting, the bounds hold and every caller is answered once", async () => {
    type Step = { kind: "acquire" } | { kind: "release"; pick: number } | { kind: "wait"; ms: number };
    const step = fc.oneof(
      fc.constant<Step>({ kind: "acquire" }),
      fc.nat(50).map<Step>((pick) => ({ kind: "release", pick })),
      fc.integer({ min: 1, max: 400 }).map<Step>((ms) => ({ kind: "wait", ms })),
    );
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 4 }), fc.nat(4), fc.array(step, { maxLength: 60 }), async (concurrency, queue, steps) => {
        const clock = manualTimers();
        const limiter = new Limiter({ concurrency, queue, maxWaitMs: 300 }, clock.timers);
        const answers: (Permit | Refusal | undefined)[] = [];
        const answeredTimes: number[] = [];
        const held: Permit[] = [];
        for (const s of steps) {
          if (s.kind === "acquire") {
            const i = answers.push(undefined) - 1;
            answeredTimes.push(0);
            void limiter.acquire().then((v) => {
              answers[i] = v;
              answeredTimes[i]!++;
              if (!isRefusal(v)) held.push(v);
            });
          } else if (s.kind === "release" && held.length > 0) {
            held.splice(s.pick % held.length, 1)[0]!.release();
          } else if (s.kind === "wait") {
            clock.advance(s.ms);
          }
          await flush();
          assert.ok(limiter.inFlight <= concurrency && limiter.inFlight >= 0);
          assert.ok(limiter.queued <= queue);
          assert.equal(limiter.inFlight, held.length);
        }
        clock.advance(300);
        await flush();
        assert.ok(answeredTimes.every((n) => n === 1), "every caller answered exactly once");
        assert.equal(limiter.queued, 0);
      }),
      { numRuns: 200 },
    );
  });
});
