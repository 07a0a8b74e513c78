import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseLastEventId, sseFrame, takeSseFrames } from "./live";

describe("server-sent event frames", () => {
  it("round-trips id, event and JSON data, skipping comments and keeping an unfinished frame", () => {
    const text = sseFrame({ id: 7, event: "ballot", data: { a: "x\ny" } }) + ": keep-alive\n\n" + "id: 8\nevent: comm";
    const { frames, rest } = takeSseFrames(text);
    assert.deepEqual(frames, [{ id: 7, event: "ballot", data: { a: "x\ny" } }]);
    assert.equal(rest, "id: 8\nevent: comm");
  });

  it("cannot be broken into extra frames by a payload or an event name with newlines", () => {
    const text = sseFrame({ id: 1, event: "ballot\n\nevent: stage", data: "\n\nevent: stage\ndata: {}" });
    const { frames } = takeSseFrames(text);
    assert.equal(frames.length, 1);
    assert.equal(frames[0]!.event, "ballotevent: stage");
  });

  it("accepts only a plain number as Last-Event-ID", () => {
    assert.equal(parseLastEventId("42"), 42);
    for (const bad of [null, "", "-1", "4e2", "1 OR 1=1", "9".repeat(20)]) assert.equal(parseLastEventId(bad), null);
  });
});
