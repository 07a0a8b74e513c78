import assert from "node:assert/strict";
import path from "node:path";
import { describe, it } from "node:test";
import { EnvError, databaseConfig, parseEnv, redactUrl } from "./env";

describe("environment", () => {
  it("defaults to the embedded SQLite file under data/", () => {
    const e = parseEnv({});
    assert.deepEqual(databaseConfig(e), { provider: "sqlite", file: path.resolve("data", "gongshang.db") });
    assert.equal(e.PORT, 3000);
  });

  it("chooses PostgreSQL for postgres:// and postgresql:// URLs", () => {
    for (const url of ["postgres://u@h:5432/db", "postgresql://u:p@h/db"]) {
      assert.deepEqual(databaseConfig(parseEnv({ DATABASE_URL: url })), { provider: "postgresql", url });
    }
  });

  it("accepts a file: URL for SQLite and treats an empty value as unset", () => {
    assert.deepEqual(databaseConfig(parseEnv({ DATABASE_URL: "file:/tmp/x.db" })), { provider: "sqlite", file: "/tmp/x.db" });
    assert.equal(parseEnv({ DATABASE_URL: "" }).DATABASE_URL, undefined);
  });

  it("refuses a malformed DATABASE_URL with a message naming the variable", () => {
    for (const bad of ["mysql://x/y", "localhost:5432", "postgresql://"]) {
      assert.throws(() => parseEnv({ DATABASE_URL: bad }), (e: Error) => e instanceof EnvError && /DATABASE_URL/.test(e.message));
    }
  });

  it("refuses a bad PORT, a short secret and a non-SMTP SMTP_URL", () => {
    assert.throws(() => parseEnv({ PORT: "http" }), /PORT/);
    assert.throws(() => parseEnv({ NEXTAUTH_SECRET: "short" }), /NEXTAUTH_SECRET/);
    assert.throws(() => parseEnv({ SMTP_URL: "http://mail" }), /SMTP_URL/);
  });

  it("keeps live events 7 days unless told otherwise, and refuses less than a day", () => {
    assert.equal(parseEnv({}).LIVE_EVENT_RETENTION_DAYS, 7);
    assert.equal(parseEnv({ LIVE_EVENT_RETENTION_DAYS: "30" }).LIVE_EVENT_RETENTION_DAYS, 30);
    for (const bad of ["0", "-1", "1.5", "week"]) assert.throws(() => parseEnv({ LIVE_EVENT_RETENTION_DAYS: bad }), /LIVE_EVENT_RETENTION_DAYS/);
  });

  it("admits writes 16 at a time with 256 waiting up to 2 s by default; refuses no slot or a negative queue", () => {
    const e = parseEnv({});
    assert.deepEqual([e.WRITE_CONCURRENCY, e.WRITE_QUEUE, e.WRITE_QUEUE_WAIT_MS], [16, 256, 2000]);
    const set = parseEnv({ WRITE_CONCURRENCY: "4", WRITE_QUEUE: "0", WRITE_QUEUE_WAIT_MS: "500" });
    assert.deepEqual([set.WRITE_CONCURRENCY, set.WRITE_QUEUE, set.WRITE_QUEUE_WAIT_MS], [4, 0, 500]);
    assert.throws(() => parseEnv({ WRITE_CONCURRENCY: "0" }), /WRITE_CONCURRENCY/);
    assert.throws(() => parseEnv({ WRITE_QUEUE: "-1" }), /WRITE_QUEUE/);
    assert.throws(() => parseEnv({ WRITE_QUEUE_WAIT_MS: "soon" }), /WRITE_QUEUE_WAIT_MS/);
  });

  it("hides passwords in URLs it prints", () => {
    assert.equal(redactUrl("postgresql://u:secret@h/db"), "postgresql://u:***@h/db");
    assert.equal(redactUrl("postgresql://u@h/db"), "postgresql://u@h/db");
  });
});
