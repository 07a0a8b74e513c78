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
import { auditActor, OPERATOR, type Tx } from "@/server/site/audit";
import { requireWithinLimit } from "@/server/site/rate-limit";
import { insertTerms } from "@/server/terms/admin";
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
      async (tx, change, created) => {
        const plan = planImport(file, await existingTerms(tx), options);
        await applyPlan(tx, change, created, plan, importer, request.name);
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

async function applyPlan(tx: Tx, change: ChangeOneTerm, created: (ids: string[]) => void, plan: ImportPlan, importer: Importer, fileName?: string): Promise<void> {
  const via = fileName ? `import of ${fileName}` : "import";
  // Existing terms through the one path of a change (row lock, tally versions, maintained tally,
  // events), in id order so their row locks are always taken in the same order.
  const updates = plan.concepts.filter((c) => c.action === "update").sort((a, b) => (a.termId! < b.termId! ? -1 : 1));
  for (const c of updates) {
    await change(c.termId!, { renderings: true }, async (tx, emit) => {
      const ids = await insertRenderings(tx, [{ termId: c.termId!, plan: c }], importer, via, fileName);
      emit("rendering", { action: "imported", ids });
    });
  }
  // New terms in bulk: created in this transaction, they have no ballots, tally or readers yet
  // (their renderings version and maintained tally both start at 0), so they need no lock or
  // rebuild; their rows, audit entries and events are written a few statements for all.
  const creates = plan.concepts.filter((x) => x.action === "create");
  const terms = await insertTerms(tx, importer.actorId, creates.map((c) => c.term!), via);
  const bySlug = new Map(terms.map((t) => [t.slug, t.id]));
  await insertRenderings(tx, creates.map((c) => ({ termId: bySlug.get(c.slug!)!, plan: c })), importer, via, fileName);
  if (terms.length > 0) {
    await tx.termEvent.createMany({ data: terms.map((t) => ({ termId: t.id, type: "term", payload: { action: "imported" } })) });
    created(terms.map((t) => t.id));
  }
}

/** The renderings to add of each term, with one audit entry per term; the ids written. */
async function insertRenderings(tx: Tx, items: { termId: string; plan: ConceptPlan }[], importer: Importer, via: string, fileName?: string): Promise<string[]> {
  const start = Date.now();
  const data = items.flatMap(({ termId, plan }) =>
    plan.renderings
      .filter((r) => r.outcome === "add" && r.data)
      .map((r, i) => ({
        termId,
        text: r.data!.text,
        normalizedKey: r.data!.key,
        traditional: r.data!.traditional,
        pinyin: r.data!.pinyin,
        gloss: r.data!.gloss,
        rationale: r.data!.rationale,
        region: r.data!.region,
        synonymClass: r.data!.synonymClass,
        proposerId: importer.actorId,
        proposerLabel: fileName ? `Imported from ${fileName}` : "Imported",
        status: "active" as const,
        // Spaced a millisecond apart so the term lists them in the file's order.
        createdAt: new Date(start + i),
      })),
  );
  if (data.length === 0) return [];
  const rows = await tx.rendering.createManyAndReturn({ data, select: { id: true, termId: true, text: true } });
  const byTerm = new Map<string, string[]>();
  for (const r of rows) byTerm.set(r.termId, [...(byTerm.get(r.termId) ?? []), r.text]);
  await tx.auditEntry.createMany({
    data: [...byTerm].map(([termId, texts]) => ({ ...auditActor(importer.actorId ?? OPERATOR), action: "term.import", entityType: "term", entityId: termId, after: { via, renderings: texts } })),
  });
  return rows.map((r) => r.id);
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
