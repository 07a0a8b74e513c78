// Derives the PostgreSQL schema from the single source prisma/schema.prisma.
// Only the generator output and the datasource differ; the models are copied verbatim.
import { readFileSync } from "node:fs";

export const SOURCE = "prisma/schema.prisma";
export const POSTGRES = "prisma/postgresql/schema.prisma";

export function postgresSchemaFrom(source) {
  const header =
    "// GENERATED from prisma/schema.prisma by `npm run db:generate`: do not edit.\n";
  const out = source
    .replace('output     = "../generated/sqlite"', 'output     = "../../generated/postgresql"')
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('url      = "file:../data/placeholder.db"', 'url      = "postgresql://localhost/placeholder"');
  if (out === source || !out.includes('provider = "postgresql"') || !out.includes("generated/postgresql")) {
    throw new Error("schema-variants: the datasource or generator block of prisma/schema.prisma changed shape");
  }
  return header + out;
}

export function expectedPostgresSchema() {
  return postgresSchemaFrom(readFileSync(SOURCE, "utf8"));
}
