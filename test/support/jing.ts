import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * Validation of TBX files by the official TBX-Basic schemas (test/support/standards/tbx, with
 * their source), run by jing (Debian package `jing`, installed by .ci/run): the core structure
 * (RELAX NG) and the dialect's data categories (ISO Schematron). Tools we did not write, so
 * they can catch what our own checks get wrong (they once missed a wrong namespace).
 */
const DIR = path.join(__dirname, "standards", "tbx");
const CORE_RNG = path.join(DIR, "TBXcoreStructV03.rng");
const DCA_SCH = path.join(DIR, "TBX-Basic_DCA.sch");

let available: boolean | undefined;
/** Whether jing runs here; without it, say how to get it (a failure under CI). */
export function jingAvailable(): boolean {
  available ??= spawnSync("jing", [], { stdio: "ignore" }).error === undefined;
  if (!available && process.env.CI) throw new Error("jing is not installed (sudo apt-get install -y jing), and CI is set");
  if (!available) console.warn("\n!!! SKIPPING TBX schema validation: jing is not installed (sudo apt-get install -y jing) !!!\n");
  return available;
}

/** jing's messages for the document against both schemas; [] when it is valid TBX-Basic. */
export function tbxSchemaErrors(xml: string): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), "gongshang-tbx-"));
  const file = path.join(dir, "export.tbx");
  writeFileSync(file, xml);
  try {
    return [CORE_RNG, DCA_SCH].flatMap((schema) => {
      try {
        execFileSync("jing", [schema, file], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
        return [];
      } catch (e) {
        const out = `${(e as { stdout?: string }).stdout ?? ""}${(e as { stderr?: string }).stderr ?? ""}`;
        return out.split("\n").filter(Boolean).map((line) => `${path.basename(schema)}: ${line.replace(`${file}:`, "")}`);
      }
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
