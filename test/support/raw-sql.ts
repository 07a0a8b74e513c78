/**
 * Raw access to the app's database from outside the app, for fault tests and benchmarks:
 * rows planted behind the services' back on purpose (`plant*`: bulk benchmark data, fault
 * injection; fast: better-sqlite3 prepared statements in one transaction, multi-row INSERTs
 * with `pg`) and read-back for checks. Same SQL for both engines (quoted identifiers), `?`
 * placeholders (turned into $1, $2, ... for PostgreSQL). Tests that only need data to work on
 * make it through the services instead (test/support/factories.ts).
 */
import { createHash, randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { tally, type BallotExport, type Grade, type Results } from "@/lib/tally";
import type { DatabaseConfig } from "@/lib/env";

export type Row = Record<string, unknown>;

export interface Sql {
  readonly engine: DatabaseConfig["provider"];
  all<T = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  run(sql: string, params?: unknown[]): Promise<void>;
  /** INSERT many rows into one table, as fast as the engine allows, atomically. */
  insertMany(table: string, columns: string[], rows: unknown[][]): Promise<void>;
  close(): Promise<void>;
}

function toDollar(sql: string): string {
  let i = 0;
  return sql.replace(/\?/g, () => `$${++i}`);
}

export async function openSql(config: DatabaseConfig): Promise<Sql> {
  if (config.provider === "sqlite") {
    const db = new Database(config.file, { timeout: 10_000 });
    db.pragma("journal_mode = WAL");
    return {
      engine: "sqlite",
      async all<T>(sql: string, params: unknown[] = []) {
        return db.prepare(sql).all(...params) as T[];
      },
      async run(sql: string, params: unknown[] = []) {
        db.prepare(sql).run(...params);
      },
      async insertMany(table, columns, rows) {
        const stmt = db.prepare(
          `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
        );
        db.transaction(() => {
          for (const r of rows) stmt.run(...r);
        }).immediate();
      },
      async close() {
        db.close();
      },
    };
  }
  const client = new pg.Client({ connectionString: config.url });
  await client.connect();
  return {
    engine: "postgresql",
    async all<T>(sql: string, params: unknown[] = []) {
      return (await client.query(toDollar(sql), params)).rows as T[];
    },
    async run(sql: string, params: unknown[] = []) {
      await client.query(toDollar(sql), params);
    },
    async insertMany(table, columns, rows) {
      const perBatch = Math.max(1, Math.floor(60_000 / columns.length));
      await client.query("BEGIN");
      try {
        for (let at = 0; at < rows.length; at += perBatch) {
          const batch = rows.slice(at, at + perBatch);
          const values: unknown[] = [];
          const tuples = batch.map((r) => `(${r.map((v) => (values.push(v), `$${values.length}`)).join(", ")})`);
          await client.query(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${tuples.join(", ")}`, values);
        }
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK");
        throw e;
      }
    },
    async close() {
      await client.end();
    },
  };
}

/** A timestamp as Prisma stores it on SQLite ("...+00:00"); PostgreSQL reads the same text. */
export function stamp(d = new Date()): string {
  return d.toISOString().replace("Z", "+00:00");
}

/** JSON columns: text on SQLite, already parsed on PostgreSQL. */
export function json<T = unknown>(v: unknown): T {
  return (typeof v === "string" ? JSON.parse(v) : v) as T;
}

// ---------------------------------------------------------------------------------------------
// Planted rows

export type TermInfo = { id: string; slug: string; stage: string; tallyVersion: number; renderings: string[] };

export async function termBySlug(sql: Sql, slug: string): Promise<TermInfo> {
  const [term] = await sql.all<{ id: string; slug: string; stage: string; tallyVersion: number }>(
    `SELECT "id", "slug", "stage", "tallyVersion" FROM "Term" WHERE "slug" = ?`,
    [slug],
  );
  if (!term) throw new Error(`no term ${slug}`);
  const renderings = await sql.all<{ id: string }>(
    `SELECT "id" FROM "Rendering" WHERE "termId" = ? AND "status" = 'active' ORDER BY "createdAt", "id"`,
    [term.id],
  );
  return { ...term, tallyVersion: Number(term.tallyVersion), renderings: renderings.map((r) => r.id) };
}

/** Adds renderings until the term has `total` active ones (Han texts with unique keys). */
export async function plantRenderings(sql: Sql, termId: string, total: number, tag = randomBytes(2).toString("hex")): Promise<void> {
  const [{ n }] = (await sql.all<{ n: number | string }>(
    `SELECT COUNT(*) AS "n" FROM "Rendering" WHERE "termId" = ? AND "status" = 'active'`,
    [termId],
  )) as [{ n: number | string }];
  const missing = total - Number(n);
  if (missing <= 0) return;
  const pool = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地玄黄宇宙洪荒日月盈昃辰宿列张";
  const now = stamp();
  const rows = Array.from({ length: missing }, (_, i) => {
    const text = `基准${pool[i % pool.length]}${pool[Math.floor(i / pool.length) % pool.length]}`;
    return [`r-${tag}-${i}`, termId, text, `${text}-${tag}`, "", "", "", "", "benchmark", "active", stamp(new Date(Date.UTC(2020, 0, 1, 0, 0, i))), now];
  });
  await sql.insertMany(
    "Rendering",
    ["id", "termId", "text", "normalizedKey", "traditional", "pinyin", "gloss", "rationale", "proposerLabel", "status", "createdAt", "updatedAt"],
    rows,
  );
  await bumpTally(sql, termId);
}

/**
 * After writing ballots or renderings behind the services' back: moves the tally version and
 * marks the maintained tally stale (tallyCellsOf = -1), so the app rebuilds it before it next
 * saves a ballot or serves results (server/results/cells.ts).
 */
export async function bumpTally(sql: Sql, termId: string): Promise<void> {
  await sql.run(`UPDATE "Term" SET "tallyVersion" = "tallyVersion" + 1, "tallyCellsOf" = -1 WHERE "id" = ?`, [termId]);
}

export type Scholar = { id: string; delegation: string; delegationId: string; token: string };

export function newToken(): { token: string; hash: string; prefix: string } {
  const token = "gs_" + randomBytes(32).toString("base64url");
  return { token, hash: createHash("sha256").update(token).digest("hex"), prefix: token.slice(0, 10) };
}

/**
 * `n` scholars, alternately of the seeded delegations (China, Canada), each with an API token
 * made the way server/auth/api-tokens.ts makes them (only the SHA-256 is stored).
 */
export async function plantScholars(sql: Sql, n: number, tag = randomBytes(3).toString("hex")): Promise<Scholar[]> {
  const delegations = await sql.all<{ id: string; name: string }>(`SELECT "id", "name" FROM "Delegation" ORDER BY "sortOrder", "name"`);
  if (delegations.length === 0) throw new Error("no delegations: is the database seeded?");
  const now = stamp();
  const scholars: Scholar[] = [];
  const users: unknown[][] = [];
  const tokens: unknown[][] = [];
  for (let i = 0; i < n; i++) {
    const d = delegations[i % delegations.length]!;
    const id = `u-${tag}-${i}`;
    const t = newToken();
    scholars.push({ id, delegation: d.name, delegationId: d.id, token: t.token });
    users.push([id, `${id}@bench.example`, `Scholar ${tag} ${i}`, "", d.id, "scholar", "en", 0, now, now]);
    tokens.push([`t-${tag}-${i}`, id, "bench", t.hash, t.prefix, now]);
  }
  await sql.insertMany(
    "User",
    ["id", "email", "name", "affiliation", "delegationId", "role", "locale", "sessionVersion", "createdAt", "updatedAt"],
    users,
  );
  await sql.insertMany("ApiToken", ["id", "userId", "label", "tokenHash", "prefix", "createdAt"], tokens);
  return scholars;
}

export type StoredBallot = { userId: string; grades: Record<string, string>; reasons?: Record<string, string>; note?: string };

/** Ballots written directly (revision 1, with their event), then the term's tally version bumped. */
export async function plantBallots(sql: Sql, termId: string, ballots: (StoredBallot & { delegationId: string })[], tag = randomBytes(3).toString("hex")) {
  const now = stamp();
  const rows = ballots.map((b, i) => [
    `b-${tag}-${i}`,
    termId,
    b.userId,
    b.delegationId,
    JSON.stringify(b.grades),
    JSON.stringify(b.reasons ?? {}),
    b.note ?? "",
    1,
    now,
    now,
  ]);
  await sql.insertMany("Ballot", ["id", "termId", "userId", "delegationId", "grades", "reasons", "note", "revision", "createdAt", "updatedAt"], rows);
  await sql.insertMany(
    "BallotEvent",
    ["ballotId", "termId", "userId", "revision", "grades", "reasons", "note", "cause", "createdAt"],
    rows.map((r) => [r[0], r[1], r[2], 1, r[4], r[5], r[6], "vote", now]),
  );
  await bumpTally(sql, termId);
}

/**
 * Everything a write could change, in a comparable form: ballots and their content, events,
 * renderings, comments, terms' stage and tally version, users, decisions, audit entries.
 * Not included: ApiToken.lastUsedAt (bookkeeping the token check updates at most once a
 * minute, by design) and the tally cache (a read may fill it).
 */
export async function fingerprint(sql: Sql): Promise<string> {
  const parts: unknown[] = [];
  const q = async (s: string) => parts.push(await sql.all(s));
  await q(`SELECT "id", "userId", "grades", "reasons", "note", "revision", "updatedAt" FROM "Ballot" ORDER BY "id"`);
  await q(`SELECT COUNT(*) AS "n", MAX("id") AS "max" FROM "BallotEvent"`);
  await q(`SELECT "id", "text", "status", "updatedAt" FROM "Rendering" ORDER BY "id"`);
  await q(`SELECT "id", "stage", "tallyVersion", "updatedAt" FROM "Term" ORDER BY "id"`);
  await q(`SELECT COUNT(*) AS "n" FROM "User"`);
  for (const table of ["Comment", "Decision", "AuditEntry", "TermEvent", "RenderingMerge", "Notification", "ApiToken"]) {
    await q(`SELECT COUNT(*) AS "n" FROM "${table}"`);
  }
  return createHash("sha256").update(JSON.stringify(parts, (_k, v) => (typeof v === "bigint" ? String(v) : v))).digest("hex");
}

// ---------------------------------------------------------------------------------------------
// Recount

/**
 * The tally input of a term read straight from the tables (active renderings; every ballot's
 * grades and reasons on them; voters named by user id), as server/ballots/export.ts builds it.
 */
export async function tallyInputFromTables(sql: Sql, slug: string): Promise<BallotExport> {
  const term = await termBySlug(sql, slug);
  const renderings = await sql.all<{ id: string; text: string; createdAt: string | Date }>(
    `SELECT "id", "text", "createdAt" FROM "Rendering" WHERE "termId" = ? AND "status" = 'active' ORDER BY "createdAt", "id"`,
    [term.id],
  );
  const active = new Set(renderings.map((r) => r.id));
  const ballots = await sql.all<{ userId: string; grades: unknown; reasons: unknown; name: string }>(
    `SELECT b."userId", b."grades", b."reasons", d."name" FROM "Ballot" b JOIN "Delegation" d ON d."id" = b."delegationId" WHERE b."termId" = ?`,
    [term.id],
  );
  const only = <T>(o: Record<string, T>) => Object.fromEntries(Object.entries(o).filter(([id]) => active.has(id)));
  return {
    term: slug,
    renderings: renderings.map((r) => ({ id: r.id, text: r.text, createdAt: new Date(r.createdAt).toISOString() })),
    ballots: ballots
      .map((b) => ({
        voter: b.userId,
        delegation: b.name,
        grades: only(json<Record<string, Grade>>(b.grades)),
        reasons: only(json<Record<string, string>>(b.reasons)),
      }))
      .sort((a, b) => (a.voter < b.voter ? -1 : a.voter > b.voter ? 1 : 0)),
  };
}

/** A full recount with the pure tally, as JSON would carry it. */
export async function recount(sql: Sql, slug: string): Promise<Results> {
  return JSON.parse(JSON.stringify(tally(await tallyInputFromTables(sql, slug)))) as Results;
}
