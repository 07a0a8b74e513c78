import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isAppError } from "@/lib/errors";
import { readJsonObject, readOptionalJsonObject } from "./read-json";

/** A body that streams `total` bytes of `{"pad":"xxxx…` in 16 KiB chunks, counting what was pulled. */
function streamingRequest(total: number, headers: Record<string, string> = {}) {
  const pulled = { bytes: 0, cancelled: false };
  const chunk = new Uint8Array(16 * 1024).fill(0x78);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"pad":"'));
    },
    pull(controller) {
      if (pulled.bytes >= total) return controller.close();
      pulled.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
    cancel() {
      pulled.cancelled = true;
    },
  });
  const req = new Request("http://localhost/api/x", { method: "PUT", body, headers: { "content-type": "application/json", ...headers }, duplex: "half" } as RequestInit);
  return { req, pulled };
}

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    assert.ok(isAppError(e), String(e));
    return e;
  }
  assert.fail("expected a refusal");
}

describe("readJsonObject: a body too large is refused without being held in memory", () => {
  it("a declared Content-Length above the limit is refused before a byte is read", async () => {
    const { req, pulled } = streamingRequest(100 * 1024 * 1024, { "content-length": String(100 * 1024 * 1024) });
    const e = await refusal(readJsonObject(req));
    assert.equal(e.code, "bad_request");
    assert.match(e.message, /larger than 64 KiB/);
    assert.equal(pulled.bytes, 0);
  });

  it("a streamed body (no length declared) stops being read just past the limit, and the rest is cancelled", async () => {
    const { req, pulled } = streamingRequest(100 * 1024 * 1024);
    const e = await refusal(readJsonObject(req));
    assert.equal(e.code, "bad_request");
    assert.ok(pulled.bytes <= 3 * 64 * 1024 + 64 * 1024, `${pulled.bytes} bytes pulled`);
    assert.equal(pulled.cancelled, true);
  });

  it("an optional body is read with the same bound: empty reads as {}, too large is refused unread", async () => {
    const empty = new Request("http://localhost/api/x", { method: "POST" });
    assert.deepEqual(await readOptionalJsonObject(empty), {});
    const { req, pulled } = streamingRequest(100 * 1024 * 1024);
    assert.equal((await refusal(readOptionalJsonObject(req))).code, "bad_request");
    assert.ok(pulled.bytes <= 4 * 64 * 1024, `${pulled.bytes} bytes pulled`);
    const typed = new Request("http://localhost/api/x", { method: "POST", body: "reason=x", headers: { "content-type": "text/plain" } });
    assert.equal((await refusal(readOptionalJsonObject(typed))).code, "bad_request");
  });

  it("the limit is 64 Ki characters, whatever their UTF-8 length: 60,000 Hanzi pass, 66,000 ASCII do not", async () => {
    const hanzi = { note: "共".repeat(60_000) };
    const ok = new Request("http://localhost/api/x", { method: "PUT", body: JSON.stringify(hanzi), headers: { "content-type": "application/json" } });
    assert.deepEqual(await readJsonObject(ok), hanzi);
    const ascii = new Request("http://localhost/api/x", { method: "PUT", body: JSON.stringify({ note: "x".repeat(66_000) }) });
    assert.equal((await refusal(readJsonObject(ascii))).code, "bad_request");
  });

  it("still reads what Request.text() read: a byte order mark is dropped, ill-formed bytes become U+FFFD", async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('{"a":"'), 0xff, ...new TextEncoder().encode('"}')]);
    const req = new Request("http://localhost/api/x", { method: "PUT", body: bytes, headers: { "content-type": "application/json" } });
    assert.deepEqual(await readJsonObject(req), { a: "\ufffd" });
  });
});
