// Prisma CLI configuration for the embedded default (SQLite). `engine: "js"` makes the CLI
// use the WASM schema engine shipped in the npm package: nothing is downloaded.
// The app applies migrations itself (server/db/migrate.ts); the CLI is used to generate the
// client and to author migrations (`npm run db:migration`). See docs/decisions/001-database.md.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    return new PrismaBetterSQLite3({ url: process.env.PRISMA_CLI_SQLITE_URL ?? "file:./data/prisma-cli.db" });
  },
});
