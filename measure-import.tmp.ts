import { readFileSync } from "node:fs";
import { freshDatabase } from "@/test/support/databases";
import { setDb } from "@/server/db/client";
import { seed } from "@/server/seed/seed";
import { runImport } from "@/server/imports/lexicon";
import { stopListening } from "@/server/live/hub";

async function main() {
  for (const engine of ["sqlite", "postgresql"] as const) {
    for (const file of ["/tmp/imp/k1.tbx", "/tmp/imp/big.tbx"]) {
      const text = readFileSync(file, "utf8");
      const d = await freshDatabase(engine);
      setDb(d.db);
      await seed(d.db);
      let t = performance.now();
      const dry = await runImport({ actorId: null }, { text, format: "tbx", dryRun: true });
      const dryMs = performance.now() - t;
      t = performance.now();
      const r = await runImport({ actorId: null }, { text, format: "tbx" });
      const applyMs = performance.now() - t;
      t = performance.now();
      const again = await runImport({ actorId: null }, { text, format: "tbx" });
      const againMs = performance.now() - t;
      console.log(`${engine} ${file} (${(text.length / 1024).toFixed(0)} KiB): preview ${dryMs.toFixed(0)} ms (${dry.created} created), import ${applyMs.toFixed(0)} ms (${r.created} created, ${r.renderingsAdded} renderings), again ${againMs.toFixed(0)} ms (${again.created}/${again.updated})`);
      await stopListening();
      setDb(undefined);
      await d.drop();
    }
  }
}
main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
