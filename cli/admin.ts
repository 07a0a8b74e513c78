import { parseArgs } from "node:util";
import { EnvError, databaseConfig, env, redactUrl } from "@/lib/env";
import { createDb, setDb } from "@/server/db/client";
import { MigrationError, migrate } from "@/server/db/migrate";
import { seed } from "@/server/seed/seed";
import { COMMANDS, asCommandError, type Options } from "./admin/commands";

/**
 * `npm run admin -- <command>`: accounts for operators, on the database the app uses
 * (DATABASE_URL, else the embedded SQLite under DATA_DIR). Migrations and the seed run first,
 * so it works on a fresh install: this is how the first admin comes to exist.
 */

const USAGE = `Usage: npm run admin -- <command> [options]

Manages accounts (and imports glossaries) in the database the app uses (DATABASE_URL; unset: the embedded SQLite under
DATA_DIR). Pending migrations and the seed are applied first, so it works on a fresh install.

Commands:
  create-user --email E --name N --delegation D [--role scholar|facilitator|admin] [--password P]
      Creates a member. --password - reads it from standard input (keeps it out of shell history);
      without --password the member signs in by email link or ORCID.
  create-token --email E [--label L]
      Creates a personal API token; the token is the last line of the output.
  invite --delegation D [--role R] [--uses N] [--days N]
      Creates an invitation link (default: scholar, 1 use, 7 days); the URL is the last line.
      The URL starts with NEXTAUTH_URL (else http://localhost:PORT).
  list-users
      Lists every member: email, name, role, delegation, status.
  set-role --email E --role R
      Changes a member's role; a demotion ends their open sessions.
  set-password --email E --password P
      Sets a member's password (a forgotten one) and ends their open sessions; --password -
      reads it from standard input.
  disable --email E
      Disables an account: its sessions and API tokens stop working at once.
  enable --email E
      Enables a disabled account again.
  import FILE [--source L] [--target L] [--dry-run]
      Imports a glossary: TBX-Basic (.tbx, .xml) or the lexicon CSV (.csv). Terms are matched by
      concept id or headword and source language and gain only the renderings they lack; other
      concepts become draft terms. All or nothing; a second import of the same file changes
      nothing. --source/--target: the language pair of new terms; --dry-run: only say what
      would change.

  -h, --help    show this help

Exit status: 0 done, 1 refused (unknown member or delegation, email taken, ...), 2 usage error.
`;

const OPTIONS = {
  email: { type: "string" },
  name: { type: "string" },
  delegation: { type: "string" },
  role: { type: "string" },
  password: { type: "string" },
  label: { type: "string" },
  uses: { type: "string" },
  days: { type: "string" },
  source: { type: "string" },
  target: { type: "string" },
  "dry-run": { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

async function readSecret(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
}

function fail(message: string, code: number): number {
  process.stderr.write(`admin: ${message}\n`);
  return code;
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    return fail(`${(e as Error).message}\n\n${USAGE}`, 2);
  }
  const [command, ...extra] = parsed.positionals;
  if (parsed.values.help || !command) {
    process.stdout.write(USAGE);
    return parsed.values.help ? 0 : 2;
  }
  const run = COMMANDS[command];
  if (!run) return fail(`unknown command "${command}"\n\n${USAGE}`, 2);
  const takesFile = command === "import";
  if (extra.length > (takesFile ? 1 : 0)) return fail(`unexpected argument "${extra[takesFile ? 1 : 0]}"`, 2);
  const options: Options = { ...(parsed.values as Options), "dry-run": parsed.values["dry-run"] ? "1" : undefined, file: extra[0] };

  let config;
  try {
    env();
    config = databaseConfig();
  } catch (e) {
    if (e instanceof EnvError) return fail(e.message, 2);
    throw e;
  }
  try {
    await migrate(config);
  } catch (e) {
    const where = config.provider === "sqlite" ? config.file : redactUrl(config.url);
    if (e instanceof MigrationError) return fail(`database ${where}: ${e.message}`, 1);
    return fail(`cannot open the database ${where}: ${(e as Error).message}`, 1);
  }
  const client = createDb(config);
  setDb(client);
  try {
    await seed(client);
    await run(options, { out: (line) => process.stdout.write(`${line}\n`), readSecret });
    return 0;
  } catch (e) {
    const known = asCommandError(e);
    if (known) return fail(known.message, known.exitCode);
    throw e;
  } finally {
    await client.$disconnect();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`admin: unexpected error: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
