import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseInviteAddresses } from "./invite-addresses";

describe("invitation addresses", () => {
  it("reads one per line, commas and semicolons, with or without a name", () => {
    const { addresses, invalid } = parseInviteAddresses("li.wei@pku.edu.cn\nJane Doe <Jane@UBC.ca>, \"Zhang San\" <zs@cass.cn>; x@y.org");
    assert.deepEqual(addresses, [
      { email: "li.wei@pku.edu.cn", name: "" },
      { email: "jane@ubc.ca", name: "Jane Doe" },
      { email: "zs@cass.cn", name: "Zhang San" },
      { email: "x@y.org", name: "" },
    ]);
    assert.deepEqual(invalid, []);
  });

  it("reports what is not an address and drops repeats", () => {
    const { addresses, invalid } = parseInviteAddresses("a@b.org\nnot an address\nA@B.org\n\n@x.org");
    assert.deepEqual(addresses, [{ email: "a@b.org", name: "" }]);
    assert.deepEqual(invalid, ["not an address", "@x.org"]);
  });
});
