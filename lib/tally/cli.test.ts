import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { ballotExportSchema } from "./schema";
import { tally } from "./tally";
import { ballotsDigest, canonicalJson } from "./seal";

const root = path.resolve(import.meta.dirname, "../..");
const fixture = path.join(root, "test/fixtures/tally/cso-example.json");

/** Runs the CLI as `npm run tally` does; asynchronous so the tests can run side by side. */
function cli(args: string[], stdin = ""): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "cli/tally.ts", ...args], { cwd: root });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  child.stdin.end(stdin);
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

function tempFile(content: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "tally-cli-")), "export.json");
  writeFileSync(file, content);
  return file;
}

// Each test starts a process (about half a second); running them concurrently keeps this short.
describe("npm run tally", { concurrency: true }, () => {
  const text = readFileSync(fixture, "utf8");
  const expected = tally(ballotExportSchema.parse(JSON.parse(text)));

  test("prints the same results as tally() for the CSO example", async () => {
    const run = await cli([fixture]);
    assert.equal(run.stderr, "");
    assert.equal(run.status, 0);
    assert.equal(run.stdout, `${JSON.stringify(expected, null, 2)}\n`);
    // The example is meant to show a consensus next to renderings blocked with reasons.
    assert.equal(expected.consensus, "r-gongshang");
    assert.ok(Object.values(expected.renderings).some((r) => r.blockedBy.some((b) => b.reasons.length > 0)));
  });

  test("reads the export from standard input with -", async () => {
    const run = await cli(["-"], text);
    assert.equal(run.status, 0);
    assert.deepStrictEqual(JSON.parse(run.stdout), expected);
  });

  test("invalid input exits 2 with one line per issue, each naming its JSON path", async () => {
    const bad = JSON.parse(text);
    bad.ballots[1].grades["r-gongcun"] = "great";
    bad.renderings[2].id = "r-gongcun";
    delete bad.term;
    const run = await cli([tempFile(JSON.stringify(bad))]);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, "");
    const lines = run.stderr.trimEnd().split("\n");
    assert.equal(lines.length, 2, run.stderr); // the duplicate id is checked once the shape is valid
    assert.match(run.stderr, /: term: /);
    assert.match(run.stderr, /: ballots\[1\]\.grades\["r-gongcun"\]: Invalid option/);
  });

  test("a missing file, bad JSON or no argument exits 2 with a message", async () => {
    const [missing, broken, none] = await Promise.all([
      cli([path.join(root, "test/fixtures/tally/no-such-file.json")]),
      cli([tempFile("{ not json")]),
      cli([]),
    ]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot read .*no-such-file\.json: no such file/);
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /is not valid JSON/);
    assert.equal(none.status, 2);
    assert.match(none.stderr, /Usage:/);
  });

  test("--digest prints the SHA-256 of the canonical JSON: the same for any layout, another for one changed grade", async () => {
    const expectedDigest = ballotsDigest(JSON.parse(text));
    const canonical = canonicalJson(JSON.parse(text));
    const changed = JSON.parse(text);
    const first = changed.ballots[0];
    const [id, grade] = Object.entries(first.grades)[0] as [string, string];
    first.grades[id] = grade === "good" ? "very_good" : "good";
    const [pretty, compact, fromStdin, other, notExport] = await Promise.all([
      cli(["--digest", fixture]),
      cli([tempFile(canonical), "--digest"]),
      cli(["--digest", "-"], text),
      cli(["--digest", tempFile(JSON.stringify(changed))]),
      cli(["--digest", tempFile('{"hello":"world"}')]),
    ]);
    for (const run of [pretty, compact, fromStdin]) {
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stdout, `${expectedDigest}\n`);
    }
    // The canonical text is what a decision serves: its plain SHA-256 is the digest too.
    const { createHash } = await import("node:crypto");
    assert.equal(createHash("sha256").update(canonical).digest("hex"), expectedDigest);
    assert.equal(other.status, 0);
    assert.match(other.stdout, /^[0-9a-f]{64}\n$/);
    assert.notEqual(other.stdout, pretty.stdout);
    assert.equal(notExport.status, 2, "a file that is not a ballot export gets no digest");
    assert.equal(notExport.stdout, "");
  });

  test("--help prints the usage", async () => {
    const run = await cli(["--help"]);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^Usage: npm run tally -- \[--digest\] <export\.json \| ->/);
  });
});
