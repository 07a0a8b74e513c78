import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { isAppError } from "@/lib/errors";
import { IMPORT_MAX_BYTES, type ImportProblem } from "@/lib/import/model";
import { importOptionsSchema, type ImportFormat, type ImportReport } from "@/lib/schemas/lexicon-import";
import { runImport } from "@/server/imports/lexicon";
import { decodeUtf8 } from "@/server/http/read-file-body";
import { CommandError, type Io, type Options } from "./commands";

/**
 * `npm run admin -- import FILE [--source L] [--target L] [--dry-run]`: the same import as the
 * API and the page (server/imports/lexicon.ts), by the operator (no account: audit entries carry
 * no actor, the renderings name the file). The format by the file's extension (.csv; .tbx or
 * .xml), else by its first character.
 */
export async function importCommand(o: Options, io: Io): Promise<void> {
  const file = o.file;
  if (!file) throw new CommandError("import needs a FILE (a .tbx or .csv file)", 2);
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new CommandError(`cannot read ${file}`);
  }
  if (size > IMPORT_MAX_BYTES) throw new CommandError(`${file} is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MiB; split it`);
  const options = importOptionsSchema.safeParse({ source: o.source, target: o.target });
  if (!options.success) throw new CommandError("--source and --target must be language tags (en, es, zh-Hans)", 2);

  let report: ImportReport;
  try {
    const text = decodeUtf8(readFileSync(file));
    report = await runImport({ actorId: null }, { ...options.data, text, format: formatOf(file, text), dryRun: o["dry-run"] === "1", name: path.basename(file) });
  } catch (e) {
    const problems = isAppError(e) ? (e.details.errors as ImportProblem[] | undefined) : undefined;
    if (problems?.length) throw new CommandError(`${file} was not imported; nothing was written:\n${problems.map((p) => `  line ${p.line}: ${p.message}`).join("\n")}`);
    throw e;
  }
  for (const line of describe(report, path.basename(file))) io.out(line);
}

function formatOf(file: string, text: string): ImportFormat {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".csv") return "csv";
  if (ext === ".tbx" || ext === ".xml") return "tbx";
  return text.replace(/^\uFEFF/, "").trimStart().startsWith("<") ? "tbx" : "csv";
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function describe(r: ImportReport, name: string): string[] {
  const lines = [
    `${r.dryRun ? "Preview of" : "Imported"} ${name} (${r.format.toUpperCase()}, new terms ${r.sourceLang} → ${r.targetLang}): ` +
      `${r.created} created, ${r.updated} updated, ${r.skipped} skipped, ${plural(r.errors.length, "error")}; ${plural(r.renderingsAdded, "rendering")} ${r.dryRun ? "to add" : "added"}` +
      (r.languageSectionsSkipped ? `; ${plural(r.languageSectionsSkipped, "language section")} of other languages skipped` : "") +
      ".",
  ];
  for (const c of r.concepts) {
    const added = c.renderings.filter((x) => x.outcome === "add").length;
    lines.push(`  line ${c.line}: ${c.action} ${c.slug ?? c.headword}${added ? ` (+${plural(added, "rendering")})` : ""}${c.reason ? ` (${c.reason})` : ""}`);
  }
  for (const e of r.errors) lines.push(`  line ${e.line}: error: ${e.message}`);
  if (r.dryRun) lines.push("Nothing was written (--dry-run).");
  return lines;
}
