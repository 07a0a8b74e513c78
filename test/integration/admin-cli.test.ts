import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { createDb, setDb, type Db } from "@/server/db/client";
import { actorFromApiToken } from "@/server/auth/api-tokens";
import { verifyPassword } from "@/server/auth/password";
import { hashInviteToken, inspectInvite } from "@/server/membership/invites";

/**
 * `npm run admin` as an operator runs it: a child process on a fresh SQLite file named by
 * DATABASE_URL (no migration or seed beforehand: the CLI does both).
 */
const ROOT = path.resolve(import.meta.dirname, "../..");

type Run = { code: number | null; stdout: string; stderr: string; lines: string[] };

function admin(databaseUrl: string, args: string[], stdin?: string, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "cli/admin.ts", ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, NEXTAUTH_URL: "https://gongshang.example.org", NODE_ENV: "test", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr, lines: stdout.trimEnd().split("\n") }));
    child.stdin.end(stdin ?? "");
  });
}

describe("admin CLI", () => {
  let dir: string;
  let url: string;
  let db: Db;

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), "gongshang-cli-"));
    url = `file:${path.join(dir, "cli.db")}`;
  });
  after(async () => {
    setDb(undefined);
    await db?.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  });

  it("--help explains every command", async () => {
    const r = await admin(url, ["--help"]);
    assert.equal(r.code, 0);
    for (const c of ["create-user", "create-token", "invite", "list-users", "set-role", "disable"]) assert.match(r.stdout, new RegExp(c));
    const none = await admin(url, []);
    assert.equal(none.code, 2);
    const unknown = await admin(url, ["frobnicate"]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown command "frobnicate"/);
  });

  it("create-user on a fresh database makes the first admin; an unknown delegation lists the valid ones", async () => {
    const bad = await admin(url, ["create-user", "--email", "first@example.org", "--name", "First", "--delegation", "Atlantis", "--role", "admin"]);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /no delegation "Atlantis"\. Valid delegations: China, Canada/);

    const r = await admin(url, ["create-user", "--email", "First@Example.org", "--name", "First Admin", "--delegation", "canada", "--role", "admin", "--password", "correct horse battery"]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Created admin first@example\.org \(First Admin\) in the Canada delegation/);

    db = createDb({ provider: "sqlite", file: url.slice("file:".length) });
    setDb(db);
    const user = await db.user.findUniqueOrThrow({ where: { email: "first@example.org" }, include: { delegation: true } });
    assert.equal(user.role, "admin");
    assert.equal(user.delegation?.name, "Canada");
    assert.equal(await verifyPassword(user.passwordHash, "correct horse battery"), true);
    assert.equal(await db.term.count({ where: { slug: "cso" } }), 1, "the seed ran too");

    const again = await admin(url, ["create-user", "--email", "first@example.org", "--name", "Again", "--delegation", "China"]);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /already exists/);
    const weak = await admin(url, ["create-user", "--email", "weak@example.org", "--name", "Weak", "--delegation", "China", "--password", "short"]);
    assert.equal(weak.code, 2);
    assert.match(weak.stderr, /at least 10 characters/);
  });

  it("the audit log credits the command line to the operator, not to a member or the deadline", async () => {
    const r = await admin(url, ["create-user", "--email", "kind@example.org", "--name", "Kind", "--delegation", "China"]);
    assert.equal(r.code, 0, r.stderr);
    const promoted = await admin(url, ["set-role", "--email", "kind@example.org", "--role", "facilitator"]);
    assert.equal(promoted.code, 0, promoted.stderr);
    const user = await db.user.findUniqueOrThrow({ where: { email: "kind@example.org" } });
    const entries = await db.auditEntry.findMany({ where: { entityId: user.id }, orderBy: { id: "asc" } });
    assert.deepEqual(
      entries.map((e) => [e.action, e.actorKind, e.actorId]),
      [
        ["user.create", "operator", null],
        ["user.role", "operator", null],
      ],
    );
  });

  it("create-user reads the password from standard input with --password -, and takes the Chinese name of a delegation", async () => {
    const r = await admin(url, ["create-user", "--email", "li@example.org", "--name", "Li Wei", "--delegation", "中国", "--password", "-"], "a password from stdin\n");
    assert.equal(r.code, 0, r.stderr);
    const user = await db.user.findUniqueOrThrow({ where: { email: "li@example.org" }, include: { delegation: true } });
    assert.equal(user.role, "scholar");
    assert.equal(user.delegation?.name, "China");
    assert.equal(await verifyPassword(user.passwordHash, "a password from stdin"), true);
  });

  it("create-token prints the token as the last line, and it carries the member's rights", async () => {
    const r = await admin(url, ["create-token", "--email", "first@example.org", "--label", "ci"]);
    assert.equal(r.code, 0, r.stderr);
    const token = r.lines.at(-1)!;
    assert.match(token, /^gs_[\w-]{43}$/);
    const actor = await actorFromApiToken(token);
    assert.equal(actor?.email, "first@example.org");
    assert.equal(actor?.role, "admin");
    const row = await db.apiToken.findFirstOrThrow({ where: { userId: actor!.id } });
    assert.equal(row.label, "ci");
    const missing = await admin(url, ["create-token", "--email", "nobody@example.org"]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no member with the email nobody@example\.org/);
  });

  it("invite prints a working invitation URL on NEXTAUTH_URL as the last line", async () => {
    const r = await admin(url, ["invite", "--delegation", "China", "--role", "facilitator", "--uses", "3", "--days", "2"]);
    assert.equal(r.code, 0, r.stderr);
    const m = /^https:\/\/gongshang\.example\.org\/invite\/([\w-]{43})$/.exec(r.lines.at(-1)!);
    assert.ok(m, r.stdout);
    const landing = await inspectInvite(m[1]!);
    assert.equal(landing.state, "valid");
    const row = await db.invite.findUniqueOrThrow({ where: { tokenHash: hashInviteToken(m[1]!) } });
    assert.equal(row.role, "facilitator");
    assert.equal(row.maxUses, 3);
    assert.ok(Math.abs(row.expiresAt.getTime() - Date.now() - 2 * 86_400_000) < 60_000);
    const bad = await admin(url, ["invite", "--delegation", "China", "--uses", "0"]);
    assert.equal(bad.code, 2);
  });

  it("without NEXTAUTH_URL, invite links name the address the server was started on (recorded at its start), not localhost:3000", async () => {
    const unset = { NEXTAUTH_URL: "", PORT: "" };
    const before = await admin(url, ["invite", "--delegation", "China"], undefined, unset);
    assert.match(before.lines.at(-1)!, /^http:\/\/localhost:3000\/invite\//, "no server has started on this database yet");
    // What a server started with `next start -p 4123` records (server/site/url.ts recordServerUrl).
    await db.setting.upsert({ where: { key: "server.url" }, update: { value: "http://localhost:4123" }, create: { key: "server.url", value: "http://localhost:4123" } });
    const r = await admin(url, ["invite", "--delegation", "China"], undefined, unset);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.lines.at(-1)!, /^http:\/\/localhost:4123\/invite\/[\w-]{43}$/);
    await db.setting.delete({ where: { key: "server.url" } });
  });

  it("list-users, set-role (a demotion ends sessions), set-password and disable", async () => {
    const list = await admin(url, ["list-users"]);
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.lines[0]!, /^EMAIL\s+NAME\s+ROLE\s+DELEGATION\s+STATUS$/);
    assert.match(list.stdout, /first@example\.org\s+First Admin\s+admin\s+Canada\s+active/);
    assert.match(list.stdout, /li@example\.org\s+Li Wei\s+scholar\s+China\s+active/);

    const up = await admin(url, ["set-role", "--email", "li@example.org", "--role", "facilitator"]);
    assert.equal(up.code, 0, up.stderr);
    assert.equal((await db.user.findUniqueOrThrow({ where: { email: "li@example.org" } })).sessionVersion, 0);
    const down = await admin(url, ["set-role", "--email", "li@example.org", "--role", "scholar"]);
    assert.match(down.stdout, /facilitator → scholar \(their open sessions are ended\)/);
    assert.equal((await db.user.findUniqueOrThrow({ where: { email: "li@example.org" } })).sessionVersion, 1);
    const badRole = await admin(url, ["set-role", "--email", "li@example.org", "--role", "emperor"]);
    assert.equal(badRole.code, 2);

    const reset = await admin(url, ["set-password", "--email", "li@example.org", "--password", "-"], "a forgotten one replaced\n");
    assert.equal(reset.code, 0, reset.stderr);
    const afterReset = await db.user.findUniqueOrThrow({ where: { email: "li@example.org" } });
    assert.equal(await verifyPassword(afterReset.passwordHash, "a forgotten one replaced"), true);
    assert.equal(afterReset.sessionVersion, 2, "a new password ends the open sessions");

    const token = (await admin(url, ["create-token", "--email", "li@example.org"])).lines.at(-1)!;
    assert.ok(await actorFromApiToken(token));
    const off = await admin(url, ["disable", "--email", "li@example.org"]);
    assert.equal(off.code, 0, off.stderr);
    const row = await db.user.findUniqueOrThrow({ where: { email: "li@example.org" } });
    assert.ok(row.disabledAt);
    assert.equal(row.sessionVersion, 3);
    assert.equal(await actorFromApiToken(token), null, "the disabled member's token is refused");
    assert.match((await admin(url, ["list-users"])).stdout, /li@example\.org\s+Li Wei\s+scholar\s+China\s+disabled/);
    const audit = await db.auditEntry.findMany({ where: { entityId: row.id }, orderBy: { id: "asc" } });
    assert.deepEqual(audit.map((a) => [a.action, a.actorId]), [["user.create", null], ["user.role", null], ["user.role", null], ["user.password", null], ["user.disable", null]]);
  });

  it("import FILE: a preview, the import, a second import that changes nothing, a malformed file refused with its lines", async () => {
    const file = path.join(ROOT, "test/fixtures/import/tbx-basic-en-es.tbx");
    const terms = () => db.term.count();
    const before = await terms();
    const preview = await admin(url, ["import", file, "--dry-run"]);
    assert.equal(preview.code, 0, preview.stderr);
    assert.match(preview.stdout, /^Preview of tbx-basic-en-es\.tbx \(TBX, new terms en → es\): 2 created, 0 updated, 0 skipped, 0 errors; 4 renderings to add; 1 language section of other languages skipped\./);
    assert.equal(await terms(), before);

    const first = await admin(url, ["import", file]);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.lines[0]!, /2 created, 0 updated/);
    assert.match(first.stdout, /line 15: create common-security \(\+2 renderings\)/);
    assert.equal(await terms(), before + 2);
    const r = await db.rendering.findFirstOrThrow({ where: { text: "seguridad común" } });
    assert.deepEqual([r.proposerId, r.proposerLabel], [null, "Imported from tbx-basic-en-es.tbx"], "the operator imports without an account");

    const second = await admin(url, ["import", file]);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.lines[0]!, /0 created, 0 updated, 2 skipped/);

    const bad = path.join(dir, "bad.csv");
    writeFileSync(bad, 'headword,rendering\nempathy,共情\nfoo,"bar\n');
    const refused = await admin(url, ["import", bad]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /bad\.csv was not imported; nothing was written:\n {2}line 3: A quoted field is never closed/);
    assert.equal(await terms(), before + 2);
    assert.equal((await admin(url, ["import"])).code, 2);
  });
});
