import "server-only";
import { db } from "@/server/db/client";
import { AppError, badRequest, conflict } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { IMPORT_MAX_BYTES, type FileRead } from "@/lib/import/model";
import { readTbx } from "@/lib/import/tbx";
import { readCsv } from "@/lib/import/csv";
import { planImport, type ConceptPlan, type ExistingTerm, type ImportPlan } from "@/lib/import/plan";
import { importOptionsSchema, type ImportFormat, type ImportReport } from "@/lib/schemas/lexicon-import";
import { requireRole } from "@/server/auth/guard";
import { recordAudit, type Tx } from "@/server/site/audit";
import { requireWithinLimit } from "@/server/site/rate-limit";
import { insertTerm } from "@/server/terms/admin";
import { changeTerms, type ChangeOneTerm } from "@/server/terms/change";
import { prismaCode } from "@/server/terms/deadline";
import { readFileBody } from "@/server/http/read-file-body";

/**
 * Importing a glossary (TBX-Basic or our CSV) into the lexicon: POST /api/lexicon/import, the
 * import page, `npm run admin -- import`. The file is read and checked whole first (a file
 * that is not well-formed, not TBX-Basic or not our CSV is refused with its problems by line,
 * and nothing is written); then lib/import/plan.ts decides what changes, and everything is
 * written in one transaction (changeTerms), or nothing. A preview (dry run) plans without
 * writing.
 *
 * Who the renderings are from: the importer is their proposer (they brought them in and may
 * correct or withdraw them like their own proposals while nobody has graded them), and
 * `proposerLabel` keeps the file's name. The operator's CLI imports with no account: the
 * renderings then show the label, and the audit entries carry no actor, like its other commands.
 */

export type Importer = { actorId: string | null };
export type ImportRequest = { text: string; format: ImportFormat; dryRun?: boolean; source?: string; target?: string; name?: string };

/** A whole import transaction may take this long (5,000 concepts on a slow disk). */
const IMPORT_TIMEOUT_MS = 120_000;

export function readImportFile(text: string, format: ImportFormat): FileRead {
  return format === "tbx" ? readTbx(text) : readCsv(text);
}

/** The format of a request body by its Content-Type: XML (TBX) or CSV. */
export function formatOfContentType(type: string | null): ImportFormat {
  const t = (type ?? "").split(";")[0]!.trim().toLowerCase();
  if (t === "application/xml" || t === "text/xml" || /^application\/[\w.-]+\+xml$/.test(t)) return "tbx";
  if (t === "text/csv") return "csv";
  throw badRequest("Send the file as the body, with Content-Type application/xml (TBX-Basic) or text/csv (the lexicon CSV).");
}

/** POST /api/lexicon/import: facilitators and admins; the options in the query. */
export async function importFromRequest(actor: Actor | null, req: Request): Promise<ImportReport> {
  const me = requireRole(actor, "facilitator");
  const query = Object.fromEntries(new URL(req.url).searchParams);
  const options = importOptionsSchema.parse(query);
  const format = formatOfContentType(req.headers.get("content-type"));
  const text = await readFileBody(req, IMPORT_MAX_BYTES);
  return runImport({ actorId: me.id }, { text, format, ...options });
}

export async function runImport(importer: Importer, request: ImportRequest): Promise<ImportReport> {
  const read = readImportFile(request.text, request.format);
  if (!read.file) {
    const [first] = read.problems;
    const what = request.format === "tbx" ? "TBX-Basic" : "the lexicon CSV";
    throw new AppError("invalid", `The file was not imported: it is not well-formed ${what} (line ${first?.line ?? 1}: ${first?.message ?? "?"}). Nothing was written.`, {
      errors: read.problems,
    });
  }
  // Counted only for files that could be read, so a malformed one is refused without using the allowance.
  if (importer.actorId) await requireWithinLimit("import", importer.actorId);
  const options = { sourceLang: request.source, targetLang: request.target, fileName: request.name };
  const file = read.file;
  if (request.dryRun) return report(planImport(file, await existingTerms(db()), options), request, true);
  try {
    return await changeTerms(
      async (tx, change) => {
        const plan = planImport(file, await existingTerms(tx), options);
        await applyPlan(tx, change, plan, importer, request.name);
        return report(plan, request, false);
      },
      { timeoutMs: IMPORT_TIMEOUT_MS },
    );
  } catch (e) {
    // A term or rendering of the file was created by someone else meanwhile: nothing was written.
    if (prismaCode(e) === "P2002") throw conflict("The lexicon changed while the file was imported; nothing was written. Import it again.");
    throw e;
  }
}

async function existingTerms(client: Tx | ReturnType<typeof db>): Promise<ExistingTerm[]> {
  const terms = await client.term.findMany({
    select: { id: true, slug: true, headword: true, sourceLang: true, targetLang: true, stage: true, renderings: { select: { normalizedKey: true, status: true } } },
  });
  return terms.map((t) => ({ ...t, renderings: t.renderings.map((r) => ({ key: r.normalizedKey, status: r.status })) }));
}

async function applyPlan(tx: Tx, change: ChangeOneTerm, plan: ImportPlan, importer: Importer, fileName?: string): Promise<void> {
  const via = fileName ? `import of ${fileName}` : "import";
  // Existing terms in id order (their row locks always taken in the same order), then new ones.
  const updates = plan.concepts.filter((c) => c.action === "update").sort((a, b) => (a.termId! < b.termId! ? -1 : 1));
  for (const c of updates) await addRenderings(change, c.termId!, c, importer, via, fileName);
  for (const c of plan.concepts.filter((x) => x.action === "create")) {
    const { id } = await insertTerm(tx, importer.actorId, c.term!, via);
    await addRenderings(change, id, c, importer, via, fileName);
  }
}

async function addRenderings(change: ChangeOneTerm, termId: string, c: ConceptPlan, importer: Importer, via: string, fileName?: string): Promise<void> {
  const adds = c.renderings.filter((r) => r.outcome === "add" && r.data);
  await change(termId, { renderings: adds.length > 0 }, async (tx, emit) => {
    if (adds.length === 0) return emit("term", { action: "imported" });
    const start = Date.now();
    const rows = await tx.rendering.createManyAndReturn({
      // Spaced a millisecond apart so the term lists them in the file's order.
      data: adds.map((r, i) => ({
        termId,
        text: r.data!.text,
        normalizedKey: r.data!.key,
        traditional: r.data!.traditional,
        pinyin: r.data!.pinyin,
        gloss: r.data!.gloss,
        rationale: r.data!.rationale,
        proposerId: importer.actorId,
        proposerLabel: fileName ? `Imported from ${fileName}` : "Imported",
        status: "active" as const,
        createdAt: new Date(start + i),
      })),
      select: { id: true, text: true },
    });
    await recordAudit(tx, importer.actorId, "term.import", "term", termId, null, { via, renderings: rows.map((r) => r.text) });
    emit("rendering", { action: "imported", ids: rows.map((r) => r.id) });
  });
}

function report(plan: ImportPlan, request: ImportRequest, dryRun: boolean): ImportReport {
  return {
    created: plan.created,
    updated: plan.updated,
    skipped: plan.skipped,
    errors: plan.errors,
    dryRun,
    format: request.format,
    sourceLang: plan.sourceLang,
    targetLang: plan.targetLang,
    renderingsAdded: plan.renderingsAdded,
    languageSectionsSkipped: plan.languageSectionsSkipped,
    concepts: plan.concepts.map((c) => ({
      line: c.line,
      id: c.id,
      headword: c.headword,
      slug: c.slug,
      action: c.action,
      matchedBy: c.matchedBy,
      sourceLang: c.sourceLang,
      targetLang: c.targetLang,
      ...(c.reason ? { reason: c.reason } : {}),
      skippedLanguages: c.skippedLanguages,
      renderings: c.renderings.map((r) => ({ text: r.text, line: r.line, outcome: r.outcome, ...(r.reason ? { reason: r.reason } : {}) })),
    })),
  };
}
