import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { MESSAGES, format, localeFromAcceptLanguage } from "./index";

function keys(o: object, prefix = ""): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === "object" && v ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe("interface messages", () => {
  it("English and Chinese have exactly the same keys", () => {
    assert.deepEqual(keys(MESSAGES.zh).sort(), keys(MESSAGES.en).sort());
  });

  it("no message is empty, and placeholders match between languages", () => {
    const flat = (o: object) => Object.fromEntries(keys(o).map((k) => [k, k.split(".").reduce<unknown>((x, p) => (x as Record<string, unknown>)[p], o)]));
    const en = flat(MESSAGES.en);
    const zh = flat(MESSAGES.zh);
    for (const k of Object.keys(en)) {
      assert.ok(String(en[k]).trim() && String(zh[k]).trim(), `empty message ${k}`);
      const holes = (s: unknown) => (String(s).match(/\{\w+\}/g) ?? []).sort();
      assert.deepEqual(holes(zh[k]), holes(en[k]), `placeholders of ${k}`);
    }
  });
});

describe("Accept-Language", () => {
  it("picks the highest-quality supported language", () => {
    assert.equal(localeFromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8"), "zh");
    assert.equal(localeFromAcceptLanguage("fr-CA,fr;q=0.9,en;q=0.5,zh;q=0.4"), "en");
    assert.equal(localeFromAcceptLanguage("en;q=0.1, zh-Hans;q=0.7"), "zh");
    assert.equal(localeFromAcceptLanguage("de"), null);
    assert.equal(localeFromAcceptLanguage(""), null);
    assert.equal(localeFromAcceptLanguage("zh;q=0"), null);
  });

  it("formats placeholders and leaves unknown ones visible", () => {
    assert.equal(format("{count} ballots", { count: 3 }), "3 ballots");
    assert.equal(format("{a} {b}", { a: 1 }), "1 {b}");
  });
});
