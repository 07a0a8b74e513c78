import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { bodyLines, safeHref, stripBidiControls } from "./body";

const links = (body: string) => bodyLines(body).flat().filter((p) => p.kind === "link");
const text = (body: string) => bodyLines(body).map((line) => line.map((p) => p.text).join(""));

describe("comment bodies", () => {
  it("keeps line breaks as lines", () => {
    assert.deepEqual(text("one\ntwo\r\nthree\n\nfive"), ["one", "two", "three", "", "five"]);
  });

  it("links http and https URLs, leaving the sentence's punctuation outside", () => {
    assert.deepEqual(bodyLines("See https://example.org/a?b=1&c=2#d."), [
      [
        { kind: "text", text: "See " },
        { kind: "link", text: "https://example.org/a?b=1&c=2#d", href: "https://example.org/a?b=1&c=2#d" },
        { kind: "text", text: "." },
      ],
    ]);
    assert.deepEqual(links("(see http://example.org/x_(y))").map((l) => l.text), ["http://example.org/x_(y)"]);
    assert.deepEqual(links("(see http://example.org/x)").map((l) => l.text), ["http://example.org/x"]);
    assert.deepEqual(links("参见https://example.org/a，谢谢。").map((l) => l.text), ["https://example.org/a"]);
    assert.deepEqual(links("two: https://a.org and https://b.org!").map((l) => l.href), ["https://a.org/", "https://b.org/"]);
  });

  it("never links anything but http(s): javascript:, data:, vbscript:, protocol-relative", () => {
    for (const body of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      "//evil.example/x",
      "[click](javascript:alert(1))",
      "xhttps://example.org",
      "https://",
    ]) {
      assert.deepEqual(links(body), [], body);
    }
  });

  it("hostile markup stays text: the pieces carry it verbatim for React to escape", () => {
    const body = `<script>alert(1)</script><img src=x onerror=alert(2)>`;
    assert.deepEqual(bodyLines(body), [[{ kind: "text", text: body }]]);
  });

  it("a quote or angle bracket ends a link, so it cannot break out of the attribute", () => {
    assert.deepEqual(links(`https://example.org/"onmouseover="alert(1)`).map((l) => l.href), ["https://example.org/"]);
    assert.deepEqual(links("https://example.org/<script>").map((l) => l.href), ["https://example.org/"]);
    assert.deepEqual(links("https://example.org/'x").map((l) => l.href), ["https://example.org/"]);
  });

  it("removes bidirectional override and isolate controls for display", () => {
    assert.equal(stripBidiControls("a\u202Eevil\u202Cb\u2066c\u2069"), "aevilbc");
    assert.deepEqual(text("https://example.org/\u202Egpj.exe"), ["https://example.org/gpj.exe"]);
  });

  it("only well-formed http(s) URLs with a host become hrefs", () => {
    assert.equal(safeHref("https://例子.中国/路径"), "https://xn--fsqu00a.xn--fiqs8s/%E8%B7%AF%E5%BE%84");
    assert.equal(safeHref("ftp://example.org"), null);
    assert.equal(safeHref("https://"), null);
  });
});
