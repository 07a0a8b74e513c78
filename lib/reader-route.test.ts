import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";
import { LOCALES, localeFromAcceptLanguage } from "./i18n";
import { LOCALE_COOKIE, SESSION_COOKIES } from "./reader-route";

type Condition = { type: string; key: string; value?: string };
type Rewrite = { source: string; destination: string; has?: Condition[]; missing?: Condition[] };

const config = createRequire(import.meta.url)("../next.config.js") as { rewrites: () => Promise<{ beforeFiles: Rewrite[] }> };

/** Next's matching of `has` / `missing` (a value is a regex anchored at both ends), for the kinds used. */
function applies(rule: Rewrite, req: { cookies: Record<string, string>; headers: Record<string, string> }): boolean {
  const present = (c: Condition) => {
    const value = c.type === "cookie" ? req.cookies[c.key] : req.headers[c.key];
    return value !== undefined && (c.value === undefined || new RegExp(`^${c.value}$`).test(value));
  };
  return (rule.has ?? []).every(present) && !(rule.missing ?? []).some(present);
}

async function destination(req: { cookies?: Record<string, string>; headers?: Record<string, string> }): Promise<string | null> {
  const rules = (await config.rewrites()).beforeFiles.filter((r) => r.source === "/terms/:slug");
  const rule = rules.find((r) => applies(r, { cookies: req.cookies ?? {}, headers: req.headers ?? {} }));
  return rule ? rule.destination : null;
}

test("members get the same cached copy as everyone: a session cookie changes nothing (decision 015)", async () => {
  for (const name of SESSION_COOKIES)
    for (const key of [name, `${name}.0`]) assert.equal(await destination({ cookies: { [key]: "x", [LOCALE_COOKIE]: "zh" } }), "/read/zh/terms/:slug", key);
});

test("the language: the switcher's cookie, else the browser's first language, else English", async () => {
  assert.equal(await destination({}), "/read/en/terms/:slug");
  for (const locale of LOCALES) {
    assert.equal(await destination({ cookies: { [LOCALE_COOKIE]: locale }, headers: { "accept-language": "zh-CN" } }), `/read/${locale}/terms/:slug`);
  }
  assert.equal(await destination({ cookies: { [LOCALE_COOKIE]: "fr" }, headers: { "accept-language": "zh-CN" } }), "/read/zh/terms/:slug");
});

test("the Accept-Language rule agrees with the app's own reading on what browsers send", async () => {
  const headers = ["zh-CN,zh;q=0.9,en;q=0.8", "zh-TW,zh;q=0.9", "zh", " zh-Hans", "en-US,en;q=0.9,zh-CN;q=0.8", "en-GB,en;q=0.9", "fr-FR,fr;q=0.9,zh;q=0.5", "fr;q=0.9, en;q=0.8, zh;q=0.7", "ja, zh-CN", "de", "zhx", "enzh", ""];
  for (const header of headers) {
    const expected = localeFromAcceptLanguage(header) === "zh" ? "zh" : "en";
    assert.equal(await destination({ headers: { "accept-language": header } }), `/read/${expected}/terms/:slug`, JSON.stringify(header));
  }
});
