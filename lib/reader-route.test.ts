import assert from "node:assert/strict";
import { test } from "node:test";
import { signedOutTermPage } from "./reader-route";

function req(opts: { method?: string; pathname?: string; cookies?: Record<string, string>; acceptLanguage?: string | null }) {
  const cookies = opts.cookies ?? {};
  return {
    method: opts.method ?? "GET",
    pathname: opts.pathname ?? "/terms/cso",
    hasCookie: (name: string) => name in cookies,
    cookie: (name: string) => cookies[name],
    acceptLanguage: opts.acceptLanguage ?? null,
  };
}

test("a signed-out GET of a term page goes to the cached copy, in the reader's language", () => {
  assert.equal(signedOutTermPage(req({})), "/read/en/terms/cso");
  assert.equal(signedOutTermPage(req({ method: "HEAD" })), "/read/en/terms/cso");
  assert.equal(signedOutTermPage(req({ acceptLanguage: "zh-CN,zh;q=0.9,en;q=0.8" })), "/read/zh/terms/cso");
  assert.equal(signedOutTermPage(req({ acceptLanguage: "en-GB,en;q=0.9,zh;q=0.8" })), "/read/en/terms/cso");
  assert.equal(signedOutTermPage(req({ acceptLanguage: "fr-FR" })), "/read/en/terms/cso");
  // The switcher's choice beats Accept-Language; a forged value does not.
  assert.equal(signedOutTermPage(req({ cookies: { locale: "zh" }, acceptLanguage: "en" })), "/read/zh/terms/cso");
  assert.equal(signedOutTermPage(req({ cookies: { locale: "../x" }, acceptLanguage: "zh" })), "/read/zh/terms/cso");
  // The slug travels as requested (still encoded); the page decides whether it exists.
  assert.equal(signedOutTermPage(req({ pathname: "/terms/%E5%A4%9A" })), "/read/en/terms/%E5%A4%9A");
});

test("anyone with a session cookie, and every other request, gets the page rendered for them", () => {
  for (const name of ["next-auth.session-token", "__Secure-next-auth.session-token", "next-auth.session-token.0"])
    assert.equal(signedOutTermPage(req({ cookies: { [name]: "x" } })), null, name);
  for (const method of ["POST", "PUT", "DELETE", "OPTIONS"]) assert.equal(signedOutTermPage(req({ method })), null, method);
  for (const pathname of ["/terms", "/terms/", "/terms/cso/edit", "/terms/cso/decisions/1", "/", "/read/en/terms/cso"])
    assert.equal(signedOutTermPage(req({ pathname })), null, pathname);
});
