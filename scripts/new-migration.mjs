// Authors a migration for both databases from the change to prisma/schema.prisma since the
// last migration, without any database of ours: `npm run db:migration -- <name>`.
// prisma/migrations/migrated.prisma holds the schema as of the last migration.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SOURCE, postgresSchemaFrom } from "./schema-variants.mjs";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
if (!name) {
  console.error("usage: npm run db:migration -- <name>");
  process.exit(2);
}
const MIGRATED = "prisma/migrations/migrated.prisma";
const current = readFileSync(SOURCE, "utf8");
const tmp = mkdtempSync(path.join(tmpdir(), "gongshang-migration-"));
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);

function diff(config, fromSchema, toSchema) {
  const args = ["node_modules/prisma/build/index.js", "migrate", "diff", "--config", config, "--script"];
  args.push(...(fromSchema ? ["--from-schema-datamodel", fromSchema] : ["--from-empty"]));
  args.push("--to-schema-datamodel", toSchema);
  return execFileSync(process.execPath, args, { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
}

const variants = [
  { config: "prisma.config.ts", dir: "prisma/migrations", render: (s) => s },
  { config: "prisma.postgresql.config.ts", dir: "prisma/postgresql/migrations", render: postgresSchemaFrom },
];
for (const v of variants) {
  const toFile = path.join(tmp, `to-${path.basename(v.dir)}-${variants.indexOf(v)}.prisma`);
  writeFileSync(toFile, v.render(current));
  let fromFile = null;
  if (existsSync(MIGRATED)) {
    fromFile = path.join(tmp, `from-${variants.indexOf(v)}.prisma`);
    writeFileSync(fromFile, v.render(readFileSync(MIGRATED, "utf8")));
  }
  const sql = diff(v.config, fromFile, toFile);
  if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
    console.log(`${v.dir}: no change`);
    continue;
  }
  const dir = path.join(v.dir, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql);
  console.log(`wrote ${dir}/migration.sql`);
}
writeFileSync(MIGRATED, current);
