import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { clientAddressOf } from "@/lib/client-address";
import { retryAfterSeconds, windowVerdict } from "@/lib/rate-limit";
import { slowDownMs, ACCOUNT_FREE, SLOW_DOWN_CAP_MS } from "@/lib/auth/throttle";

describe("client address", () => {
  it("without a trusted proxy, the peer is the client and X-Forwarded-For is the client's own claim", () => {
    assert.equal(clientAddressOf("198.51.100.7", "203.0.113.9", 0), "198.51.100.7");
    assert.equal(clientAddressOf("::ffff:127.0.0.1", null, 0), "127.0.0.1");
    assert.equal(clientAddressOf(null, "203.0.113.9", 0), "unknown");
  });

  it("behind N proxies, the N-th entry from the right; what the client wrote further left is ignored", () => {
    assert.equal(clientAddressOf("10.0.0.2", "6.6.6.6, 203.0.113.9", 1), "203.0.113.9");
    assert.equal(clientAddressOf("10.0.0.2", "6.6.6.6, 203.0.113.9, 10.0.0.1", 2), "203.0.113.9");
    assert.equal(clientAddressOf("10.0.0.2", "203.0.113.9", 2), "203.0.113.9", "fewer hops than proxies: the leftmost");
    assert.equal(clientAddressOf("10.0.0.2", "", 1), "10.0.0.2", "no header: the peer");
    assert.equal(clientAddressOf("10.0.0.2", "2001:DB8::1", 1), "2001:db8::1");
    assert.equal(clientAddressOf("10.0.0.2", "x".repeat(500), 1).length, 64);
  });
});

describe("rate windows", () => {
  const rule = { max: 3, windowMs: 60_000 };
  const t0 = new Date("2026-01-01T00:00:00Z");
  it("passes the first max hits of a window and says when the window ends", () => {
    assert.deepEqual(windowVerdict(rule, 3, t0, new Date(t0.getTime() + 1000)), { ok: true });
    assert.deepEqual(windowVerdict(rule, 4, t0, new Date(t0.getTime() + 1000)), { ok: false, retryAfterMs: 59_000 });
    assert.equal(retryAfterSeconds(1), 1);
    assert.equal(retryAfterSeconds(0), 1, "never 0 while refused");
    assert.equal(retryAfterSeconds(59_001), 60);
  });

  it("the account's slow-down doubles from 1 s up to its cap", () => {
    assert.deepEqual([1, 2, 3, 4].map((n) => slowDownMs(ACCOUNT_FREE + n)), [2000, 4000, 8000, 16000]);
    assert.equal(slowDownMs(ACCOUNT_FREE), 1000);
    assert.equal(slowDownMs(ACCOUNT_FREE + 1000), SLOW_DOWN_CAP_MS);
  });
});
