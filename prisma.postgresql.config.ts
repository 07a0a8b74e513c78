// Prisma CLI configuration for PostgreSQL (generated schema; see prisma.config.ts).
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "postgresql", "schema.prisma"),
  migrations: { path: path.join("prisma", "postgresql", "migrations") },
  async adapter() {
    return new PrismaPg({
      connectionString: process.env.PRISMA_CLI_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
    });
  },
});
