import type { Messages } from "@/lib/i18n";
import { lexiconExportPath, termExportPath } from "@/lib/export/paths";

/**
 * Download links to the lexicon exports (whole lexicon, or one term when `slug` is given). The
 * spreadsheet CSV is the safe one (byte order mark, formula-like cells neutralized); the
 * exact-data CSV is for tools.
 */
export function ExportLinks({ t, slug }: { t: Messages; slug?: string }) {
  const path = (format: "tbx" | "csv" | "json") => (slug ? termExportPath(slug, format) : lexiconExportPath(format));
  const label = slug ? t.exports.term : t.exports.lexicon;
  return (
    <nav className="exports" aria-label={label}>
      <span className="muted">{label}:</span>{" "}
      <a href={path("tbx")} download>
        {t.exports.tbx}
      </a>{" "}
      · <a href={`${path("csv")}?bom=1`} download>
        {t.exports.csv}
      </a>{" "}
      · <a href={path("csv")} download>
        {t.exports.csvExact}
      </a>{" "}
      · <a href={path("json")} download>
        {t.exports.json}
      </a>
    </nav>
  );
}
