// Writes the PostgreSQL schema variant and generates both Prisma clients (no downloads:
// both configs select the JS engine).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { POSTGRES, expectedPostgresSchema } from "./schema-variants.mjs";

const expected = expectedPostgresSchema();
if (!existsSync(POSTGRES) || readFileSync(POSTGRES, "utf8") !== expected) {
  writeFileSync(POSTGRES, expected);
  console.log(`wrote ${POSTGRES}`);
}
const prisma = "node_modules/prisma/build/index.js";
for (const config of ["prisma.config.ts", "prisma.postgresql.config.ts"]) {
  execFileSync(process.execPath, [prisma, "generate", "--config", config], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
  });
}
