import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ORCID_ID, orcidEndpoints, orcidProfile } from "./orcid";

describe("ORCID profile mapping", () => {
  it("takes the iD and the public name from ORCID's token response", () => {
    assert.deepEqual(orcidProfile({ orcid: "0000-0002-1825-0097", name: "Josiah Carberry" }), {
      id: "0000-0002-1825-0097",
      name: "Josiah Carberry",
      email: null,
    });
  });

  it("accepts an iD whose checksum character is X, and falls back to `sub`", () => {
    assert.equal(orcidProfile({ sub: "0000-0002-9079-593X" }).id, "0000-0002-9079-593X");
  });

  it("uses the iD as the name when ORCID gives no (or a blank) name", () => {
    assert.equal(orcidProfile({ orcid: "0000-0002-1825-0097" }).name, "0000-0002-1825-0097");
    assert.equal(orcidProfile({ orcid: "0000-0002-1825-0097", name: "   " }).name, "0000-0002-1825-0097");
    assert.equal(orcidProfile({ orcid: "0000-0002-1825-0097", name: "  Ada  " }).name, "Ada");
  });

  it("never invents an email: membership is matched by the iD stored on the member", () => {
    assert.equal(orcidProfile({ orcid: "0000-0002-1825-0097", name: "x" }).email, null);
  });

  it("refuses a response without a well-formed iD", () => {
    for (const bad of [{}, { orcid: "" }, { orcid: "1234" }, { orcid: 12 }, { orcid: "0000-0002-1825-009Y" }, { sub: "https://orcid.org/0000-0002-1825-0097" }]) {
      assert.throws(() => orcidProfile(bad), /valid iD/, JSON.stringify(bad));
    }
    assert.equal(ORCID_ID.test("0000-0002-1825-0097"), true);
  });

  it("uses the production or the sandbox endpoints (ORCID_SANDBOX)", () => {
    assert.deepEqual(orcidEndpoints(false), { authorization: "https://orcid.org/oauth/authorize", token: "https://orcid.org/oauth/token" });
    assert.deepEqual(orcidEndpoints(true), {
      authorization: "https://sandbox.orcid.org/oauth/authorize",
      token: "https://sandbox.orcid.org/oauth/token",
    });
  });
});
