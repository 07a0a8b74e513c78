import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, it } from "node:test";
import { freshDatabase, postgresReachable, type Engine } from "@/test/support/db";

/**
 * Applying the committed migrations to an empty database gives exactly the schema of
 * prisma/schema.prisma (issue 11): the catalog of a migrated database — tables, columns with
 * their types, nullability and defaults, indexes, foreign keys, enums — equals the catalog of
 * one created straight from the schema (`prisma migrate diff --from-empty`), on both engines.
 * Hand-written migrations (SQLite ALTERs instead of Prisma's table rebuilds) are checked here.
 */
const CONFIG: Record<Engine, string> = { sqlite: "prisma.config.ts", postgresql: "prisma.postgresql.config.ts" };

function schemaScript(engine: Engine): string {
  return execFileSync(
    process.execPath,
    ["node_modules/prisma/build/index.js", "migrate", "diff", "--config", CONFIG[engine], "--script", "--from-empty", "--to-schema-datamodel", engine === "sqlite" ? "prisma/schema.prisma" : "prisma/postgresql/schema.prisma"],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" } },
  );
}

type Catalog = Record<string, unknown>;

function sqliteCatalog(file: string): Catalog {
  const c = new Database(file, { readonly: true });
  try {
    const tables = c
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name`)
      .all() as { name: string }[];
    const out: Catalog = {};
    for (const { name } of tables) {
      const q = (sql: string) => c.prepare(sql).all() as Record<string, unknown>[];
      out[name] = {
        columns: q(`PRAGMA table_info("${name}")`)
          .map(({ name, type, notnull, dflt_value, pk }) => ({ name, type, notnull, dflt_value, pk }))
          .sort((a, b) => String(a.name).localeCompare(String(b.name))),
        indexes: q(`PRAGMA index_list("${name}")`)
          .filter((i) => i.origin !== "pk")
          .map((i) => ({ name: i.name, unique: i.unique, columns: q(`PRAGMA index_info("${String(i.name)}")`).map((x) => x.name) }))
          .sort((a, b) => String(a.name).localeCompare(String(b.name))),
        foreignKeys: q(`PRAGMA foreign_key_list("${name}")`)
          .map(({ table, from, to, on_update, on_delete }) => ({ table, from, to, on_update, on_delete }))
          .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
      };
    }
    return out;
  } finally {
    c.close();
  }
}

async function postgresCatalog(url: string): Promise<Catalog> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const rows = async (sql: string) => (await c.query(sql)).rows as Record<string, unknown>[];
    return {
      columns: await rows(`SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length, numeric_precision, datetime_precision
        FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY table_name, column_name`),
      indexes: await rows(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename, indexname`),
      constraints: await rows(`SELECT conrelid::regclass::text AS "table", conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
        WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT IN ('_prisma_migrations', '"_prisma_migrations"') ORDER BY 1, 2`),
      enums: await rows(`SELECT t.typname, e.enumlabel, e.enumsortorder FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid ORDER BY 1, 3`),
    };
  } finally {
    await c.end();
  }
}

for (const engine of ["sqlite", "postgresql"] as const) {
  describe(`migrations [${engine}]`, () => {
    it("applied to an empty database, they give exactly prisma/schema.prisma", async (t) => {
      if (engine === "postgresql" && !(await postgresReachable())) {
        if (process.env.CI) throw new Error("PostgreSQL is not reachable, and CI is set");
        t.skip("no PostgreSQL");
        return;
      }
      const migrated = await freshDatabase(engine);
      const direct = await freshDatabase(engine, { migrated: false });
      try {
        const script = schemaScript(engine);
        let expected: Catalog;
        let actual: Catalog;
        if (migrated.config.provider === "sqlite" && direct.config.provider === "sqlite") {
          const c = new Database(direct.config.file);
          c.exec(script);
          c.close();
          [expected, actual] = [sqliteCatalog(direct.config.file), sqliteCatalog(migrated.config.file)];
        } else if (migrated.config.provider === "postgresql" && direct.config.provider === "postgresql") {
          const c = new pg.Client({ connectionString: direct.config.url });
          await c.connect();
          await c.query(script);
          await c.end();
          [expected, actual] = [await postgresCatalog(direct.config.url), await postgresCatalog(migrated.config.url)];
        } else throw new Error("engines differ");
        assert.ok(Object.keys(expected).length > 0);
        assert.deepEqual(actual, expected);
      } finally {
        await migrated.drop();
        await direct.drop();
      }
    });
  });
}
