import assert from "node:assert/strict";
import { after, it } from "node:test";
import { describeEachEngine } from "@/test/support/db";
import { createActor, makeTerm, SAMPLE_TEXTS, ids } from "@/test/support/factories";
import { createApiToken } from "@/server/auth/api-tokens";
import { setWriteAdmission, writeAdmission } from "@/server/http/admission";
import { getResults, recountResults } from "@/server/results/service";
import { isRefusal, type Permit } from "@/lib/admission";
import type { Actor } from "@/lib/permissions";
import * as ballotRoute from "@/app/api/terms/[slug]/ballot/route";
import * as health from "@/app/api/health/route";

/**
 * Issue 12, item 5: writes beyond what the process admits are refused early with 503 and
 * Retry-After; what was acknowledged is stored; health does not queue behind writes. Small
 * limits (setWriteAdmission) make the burst small; the defaults come from lib/env.ts.
 */
const BASE = "http://127.0.0.1:3000";
const GRADES = ["excellent", "very_good", "good", "acceptable", "poor"] as const;

function put(slug: string, token: string, body: unknown) {
  const req = new Request(`${BASE}/api/terms/${slug}/ballot`, {
    method: "PUT",
    headers: { host: "127.0.0.1:3000", authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return ballotRoute.PUT(req, { params: Promise.resolve({ slug }) });
}

after(() => setWriteAdmission(undefined));

describeEachEngine("overload: writes refused early", ({ database }) => {
  it("a burst beyond concurrency + queue gets 503 overloaded with Retry-After; every acknowledged ballot is stored", async () => {
    const { db } = database();
    const term = await makeTerm(db, { texts: SAMPLE_TEXTS });
    const renderings = ids(term);
    const scholars: { actor: Actor; token: string }[] = [];
    for (let i = 0; i < 24; i++) {
      const actor = await createActor(db, { delegation: i % 2 ? "China" : "Canada" });
      scholars.push({ actor, token: (await createApiToken(actor.id, "burst")).token });
    }
    const ballotOf = (i: number) => ({
      grades: Object.fromEntries(renderings.map((id, r) => [id, GRADES[(i + r) % GRADES.length]!])),
      note: `burst ${i}`,
    });

    setWriteAdmission({ concurrency: 2, queue: 3, maxWaitMs: 10_000 });
    const answers = await Promise.all(scholars.map((s, i) => put(term.slug, s.token, ballotOf(i))));
    const statuses = answers.map((a) => a.status);
    assert.ok(statuses.every((s) => s === 200 || s === 503), `only 200 or 503: ${statuses.join(",")}`);
    const saved = statuses.filter((s) => s === 200).length;
    assert.ok(saved >= 5, `the admitted and queued ones are saved (${saved})`);
    assert.ok(saved < scholars.length, "the rest is refused");

    for (const [i, a] of answers.entries()) {
      if (a.status === 503) {
        assert.equal(a.headers.get("retry-after"), "1");
        const body = (await a.json()) as { error: { code: string; message: string } };
        assert.equal(body.error.code, "overloaded");
        assert.ok(body.error.message.length > 0);
        // Refused before anything was done: no ballot for that scholar.
        assert.equal(await db.ballot.count({ where: { termId: term.id, userId: scholars[i]!.actor.id } }), 0);
      } else {
        const view = (await a.json()) as { revision: number; note: string };
        assert.equal(view.revision, 1);
        const stored = await db.ballot.findUniqueOrThrow({ where: { termId_userId: { termId: term.id, userId: scholars[i]!.actor.id } } });
        assert.equal(stored.note, `burst ${i}`, "an acknowledged ballot is stored as sent");
        assert.equal(stored.revision, 1);
      }
    }
    assert.equal(await db.ballot.count({ where: { termId: term.id } }), saved);

    // Told to come back, the refused ones are saved; the results equal a recount of all.
    setWriteAdmission({ concurrency: 2, queue: 100, maxWaitMs: 10_000 });
    const retried = await Promise.all(
      answers.map((a, i) => (a.status === 503 ? put(term.slug, scholars[i]!.token, ballotOf(i)) : null)),
    );
    assert.ok(retried.every((r) => r === null || r.status === 200));
    assert.equal(await db.ballot.count({ where: { termId: term.id } }), scholars.length);
    const results = await getResults(term.slug);
    assert.equal(results.voters, scholars.length);
    assert.deepEqual(results, await recountResults(term.slug));
  });

  it("a write that waited longer than the bound is refused; health answers while every write slot is taken", async () => {
    const { db } = database();
    const term = await makeTerm(db, { texts: SAMPLE_TEXTS });
    const actor = await createActor(db);
    const { token } = await createApiToken(actor.id, "wait");

    setWriteAdmission({ concurrency: 1, queue: 1, maxWaitMs: 50 });
    const held = (await writeAdmission().acquire()) as Permit;
    assert.ok(!isRefusal(held));
    try {
      const started = Date.now();
      const waited = await put(term.slug, token, { grades: { [ids(term)[0]]: "good" } });
      assert.equal(waited.status, 503);
      assert.equal(waited.headers.get("retry-after"), "1");
      assert.ok(Date.now() - started < 5_000, "refused after its bound, not after the slot freed");

      const ok = await health.GET();
      assert.equal(ok.status, 200, "health does not pass through the write admission");
    } finally {
      held.release();
    }
    assert.equal(await db.ballot.count({ where: { termId: term.id } }), 0);
    const later = await put(term.slug, token, { grades: { [ids(term)[0]]: "good" } });
    assert.equal(later.status, 200);
  });
});
