import "server-only";
import { db } from "@/server/db/client";
import { notFound } from "@/lib/errors";
import { termFields } from "@/server/terms/read";
import { LEXICON_FORMAT, type DesignationStatus, type ExportRendering, type LexiconEntry, type LexiconExport } from "@/lib/schemas/lexicon";
import { lexiconToCsv } from "@/lib/export/csv";
import { lexiconToJson } from "@/lib/export/json";
import { lexiconToTbx } from "@/lib/export/tbx";
import type { ExportFormat } from "@/lib/export/paths";
import { isRegion } from "@/lib/records/regions";
import { isSynonymClass } from "@/lib/records/synonym-classes";
import { storedClasses } from "@/lib/schemas/decision";

/**
 * The lexicon as it is exported (GET /api/lexicon.{tbx,csv,json} and
 * /api/terms/{slug}/export.{tbx,csv,json}); lib/export/ turns it into each format.
 *
 * - A published term with its decision in force exports the renderings that decision names,
 *   with their standing: adopted (preferred, and the adopted regional variants), admitted,
 *   deprecated, and the synonym class the decision gave each (its defaults for decisions
 *   recorded before classes existed). Open terms export the class a proposer suggested. A deprecated rendering is
 *   exported even when it was withdrawn or merged, since telling readers not to use it is the
 *   point; other renderings of a decided term are not part of the published result.
 * - Any other term (open, provisional, reopened) exports its active renderings as candidates.
 * - Hidden renderings are never exported; nor are withdrawn or merged ones outside a decision.
 */

const SITE_TITLE = "Gongshang (共商) lexicon";
const ORDER: Record<DesignationStatus, number> = { preferred: 0, admitted: 1, deprecated: 2, candidate: 3 };

const ids = (x: unknown): string[] => (Array.isArray(x) ? x.filter((v): v is string => typeof v === "string") : []);

export async function loadLexicon(slug?: string): Promise<LexiconExport> {
  const terms = await db().term.findMany({
    where: slug ? { slug } : {},
    orderBy: [{ headword: "asc" }, { slug: "asc" }],
    include: {
      renderings: { where: { status: { not: "hidden" } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
      decisions: {
        where: { supersededAt: null },
        orderBy: [{ decidedAt: "desc" }, { id: "desc" }],
        take: 1,
        include: { decidedBy: { select: { name: true } } },
      },
    },
  });
  if (slug && terms.length === 0) throw notFound("Term");

  const entries = terms.map((t): LexiconEntry => {
    const d = t.stage === "published" ? t.decisions[0] : undefined;
    const standing = new Map<string, DesignationStatus>();
    let classes: Record<string, unknown> = {};
    if (d) {
      standing.set(d.adoptedRenderingId, "preferred");
      for (const id of ids(d.regionalIds)) standing.set(id, "preferred");
      for (const id of ids(d.admittedIds)) standing.set(id, "admitted");
      for (const id of ids(d.deprecatedIds)) standing.set(id, "deprecated");
      classes = storedClasses(d);
    }
    const renderings = t.renderings
      .flatMap((r): ExportRendering[] => {
        const status: DesignationStatus | undefined = d ? standing.get(r.id) : r.status === "active" ? "candidate" : undefined;
        if (!status) return [];
        if (d && status !== "deprecated" && r.status !== "active") return [];
        const cls = d ? classes[r.id] : r.synonymClass;
        return [
          {
            id: r.id,
            text: r.text,
            traditional: r.traditional,
            pinyin: r.pinyin,
            gloss: r.gloss,
            rationale: r.rationale,
            status,
            synonymClass: isSynonymClass(cls) ? cls : null,
            region: isRegion(r.region) ? r.region : null,
          },
        ];
      })
      // The default adopted form first, then its regional variants, admitted, deprecated.
      .sort((a, b) => ORDER[a.status] - ORDER[b.status] || Number(b.id === d?.adoptedRenderingId) - Number(a.id === d?.adoptedRenderingId));
    return {
      ...termFields(t),
      createdAt: t.createdAt.toISOString(),
      updatedAt: t.updatedAt.toISOString(),
      decision: d
        ? { id: d.id, decidedAt: d.decidedAt.toISOString(), decidedBy: d.decidedBy.name, statementEn: d.statementEn, statementZh: d.statementZh }
        : null,
      renderings,
    };
  });
  const title = slug && terms[0] ? `${SITE_TITLE}: ${terms[0].headword}` : SITE_TITLE;
  return { format: LEXICON_FORMAT, version: 1, title, generatedAt: new Date().toISOString(), entries };
}

const CONTENT_TYPE: Record<ExportFormat, string> = {
  tbx: "application/x-tbx+xml; charset=utf-8",
  csv: "text/csv; charset=utf-8; header=present",
  json: "application/json; charset=utf-8",
};

/**
 * The download response: the lexicon (or one term) in a format, with a file name. CSV takes
 * `?bom=1` (alias `?excel=1`) for Excel: a byte order mark and formula-like cells neutralized.
 * The route checks the reader may read the lexicon first (readerGate).
 */
export async function lexiconExportResponse(req: Request, format: ExportFormat, slug?: string): Promise<Response> {
  const lexicon = await loadLexicon(slug);
  if (lexicon.entries.length === 0) throw notFound("Any term to export");
  const query = new URL(req.url).searchParams;
  const excel = ["1", "true"].includes(query.get("bom") ?? query.get("excel") ?? "");
  const body = format === "tbx" ? lexiconToTbx(lexicon) : format === "csv" ? lexiconToCsv(lexicon, { excel }) : lexiconToJson(lexicon);
  const name = `gongshang-${slug ?? "lexicon"}-${lexicon.generatedAt.slice(0, 10)}.${format}`;
  return new Response(body, {
    headers: {
      "Content-Type": CONTENT_TYPE[format],
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-cache",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
