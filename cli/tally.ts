import { readFileSync } from "node:fs";
import type { z } from "zod";
import { ballotExportSchema, tally } from "../lib/tally";
import { ballotsDigest } from "../lib/tally/seal";

/**
 * Offline recount: `npm run tally -- <export.json | ->` reads a term's anonymized ballot
 * export (the format of GET /api/terms/{slug}/ballots) and prints the results as JSON,
 * computed by the same function the site uses. `--digest` prints instead the SHA-256 of the
 * file's RFC 8785 canonical JSON: the `ballotsDigest` a decision stores for the export it
 * froze. Exit 0 on success, 2 on unusable input.
 */

const USAGE = `Usage: npm run tally -- [--digest] <export.json | ->

Recounts one term from its anonymized ballot export (GET /api/terms/{slug}/ballots,
or a decision's frozen GET /api/terms/{slug}/decisions/{id}/ballots) and prints the
results as JSON on standard output.

  <export.json>  the export file; "-" reads it from standard input
  --digest       print the SHA-256 (hex) of the file's canonical JSON (RFC 8785)
                 instead: compare it with the decision's ballotsDigest
  -h, --help     show this help

Exit status: 0 results printed, 2 unreadable or invalid input.
`;

class InputError extends Error {}

function main(args: string[]): number {
  if (args.includes("--help") || args.includes("-h")) {
    process.stdout.write(USAGE);
    return 0;
  }
  const digest = args.includes("--digest");
  const [source, ...extra] = args.filter((a) => a !== "--digest");
  if (source === undefined || extra.length > 0 || (source.startsWith("-") && source !== "-")) {
    process.stderr.write(`tally: expected exactly one export file or "-"\n\n${USAGE}`);
    return 2;
  }
  try {
    const input = parseExport(source);
    if (digest) {
      let sum: string;
      try {
        sum = ballotsDigest(input.json);
      } catch (error) {
        throw new InputError(`tally: ${source === "-" ? "<stdin>" : source}: no canonical JSON: ${(error as Error).message}`);
      }
      process.stdout.write(`${sum}\n`);
      return 0;
    }
    process.stdout.write(`${JSON.stringify(tally(input.parsed), null, 2)}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
}

function parseExport(source: string) {
  const name = source === "-" ? "<stdin>" : source;
  let text: string;
  try {
    text = readFileSync(source === "-" ? 0 : source, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : String(error);
    throw new InputError(`tally: cannot read ${name}: ${why}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(`tally: ${name} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = ballotExportSchema.safeParse(json);
  if (!parsed.success)
    throw new InputError(
      parsed.error.issues.map((issue) => `tally: ${name}: ${jsonPath(issue.path)}: ${issue.message}`).join("\n"),
    );
  // The digest is of the JSON as read (the schema would drop unknown keys), checked first to
  // be an export, so that a digest is never printed for some other file.
  return { parsed: parsed.data, json };
}

/** `ballots[3].grades["r-1"]`: the path a reader can find in the file. */
function jsonPath(path: z.core.$ZodIssue["path"]): string {
  if (path.length === 0) return "(whole file)";
  return path
    .map((key, i) =>
      typeof key === "number"
        ? `[${key}]`
        : typeof key === "string" && /^[A-Za-z_$][\w$]*$/.test(key)
          ? `${i === 0 ? "" : "."}${key}`
          : `[${JSON.stringify(String(key))}]`,
    )
    .join("");
}

process.exitCode = main(process.argv.slice(2));
