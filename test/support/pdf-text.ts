import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * Reading a PDF as a person's tools would: poppler's pdftotext, pdfinfo and pdffonts (Debian
 * package `poppler-utils`, installed by .ci/run). Without them the PDF tests say so loudly and
 * skip; under CI they fail.
 */
let available: boolean | undefined;
export function popplerAvailable(): boolean {
  available ??= spawnSync("pdftotext", ["-v"], { stdio: "ignore" }).error === undefined;
  if (!available && process.env.CI) throw new Error("pdftotext is not installed (sudo apt-get install -y poppler-utils), and CI is set");
  if (!available) console.warn("\n!!! SKIPPING PDF text checks: pdftotext is not installed (sudo apt-get install -y poppler-utils) !!!\n");
  return available;
}

function run(tool: string, bytes: Uint8Array, args: string[] = []): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "gongshang-pdf-")), "record.pdf");
  writeFileSync(file, bytes);
  const r = spawnSync(tool, [...args, file, ...(tool === "pdftotext" ? ["-"] : [])], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${tool} failed: ${r.stderr}`);
  return r.stdout;
}

/** The text of the PDF (UTF-8), as copied out of it. */
export const pdfText = (bytes: Uint8Array) => run("pdftotext", bytes, ["-enc", "UTF-8"]);
export const pdfInfo = (bytes: Uint8Array) => run("pdfinfo", bytes);
export const pdfFonts = (bytes: Uint8Array) => run("pdffonts", bytes);
