import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { BACKOFF_MAX_MS, retryDelayMs } from "./backoff";

describe("outbox retry delays", () => {
  it("doubles from 30 s and stays at one hour", () => {
    assert.equal(retryDelayMs(0), 0);
    assert.equal(retryDelayMs(1), 30_000);
    assert.equal(retryDelayMs(2), 60_000);
    assert.equal(retryDelayMs(3), 120_000);
    assert.equal(retryDelayMs(8), BACKOFF_MAX_MS);
    assert.equal(retryDelayMs(1000), BACKOFF_MAX_MS, "no overflow after many tries");
  });
});
