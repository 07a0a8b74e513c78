import { ABBREVIATION_MAX, createTermSchema, slugFromHeadword, type CreateTerm } from "@/lib/schemas/term-input";
import type { Stage } from "@/lib/schemas/term";
import type { FileStatus, ImportedConcept, ImportedDesignation, ImportedFile, ImportedLanguageSection, ImportProblem } from "@/lib/import/model";
import { isRegion } from "@/lib/records/regions";
import { isSynonymClass } from "@/lib/records/synonym-classes";
import { checkRendering, fitGloss, fitRationale, sameLanguage, tidyTag, type CheckedRendering } from "@/lib/import/rendering";

/**
 * What an import would change, computed from the file and the terms that exist (pure: the
 * service runs it for the preview, and again inside the import's transaction before writing).
 *
 * - A concept matches a term by its id (`c-<slug>`, as we export it), else by headword and
 *   source language. A matched term gains only the renderings it lacks (by duplicate key),
 *   and only while it is a draft or in consultation: a provisional or published term's
 *   candidates are closed, so its missing renderings are skipped with that reason. Nothing is
 *   deleted; ballots, decisions and the term's own fields are never touched.
 * - An unmatched concept becomes a new draft term, with the renderings of its target-language
 *   section as candidates.
 * - The language pair: a matched term's own; for a new term the file's (CSV rows state it),
 *   else the one asked for, else the document's language (or English) as source and the most
 *   frequent other language as target. Language sections of other languages are skipped and
 *   counted.
 */

export type ExistingRendering = { key: string; status: string };
export type ExistingTerm = { id: string; slug: string; headword: string; sourceLang: string; targetLang: string; stage: Stage; renderings: ExistingRendering[] };

export type ImportOptions = { sourceLang?: string; targetLang?: string; fileName?: string };

export type RenderingOutcome = "add" | "exists" | "closed" | "invalid";
export type PlannedRendering = {
  text: string;
  line: number;
  outcome: RenderingOutcome;
  reason?: string;
  /** What will be written, for `add`. */
  data?: CheckedRendering & { gloss: string; rationale: string; region: string; synonymClass: string };
};

export type ConceptAction = "create" | "update" | "unchanged" | "invalid";
export type ConceptPlan = {
  line: number;
  id: string | null;
  headword: string;
  slug: string | null;
  action: ConceptAction;
  /** The existing term it matched (update, unchanged). */
  termId: string | null;
  matchedBy: "id" | "headword" | null;
  sourceLang: string;
  targetLang: string;
  /** The new term's fields (create). */
  term: (CreateTerm & { slug: string }) | null;
  renderings: PlannedRendering[];
  skippedLanguages: string[];
  reason?: string;
};

export type ImportPlan = {
  sourceLang: string;
  targetLang: string;
  concepts: ConceptPlan[];
  created: number;
  updated: number;
  skipped: number;
  renderingsAdded: number;
  languageSectionsSkipped: number;
  errors: ImportProblem[];
};

const OPEN_STAGES: readonly Stage[] = ["draft", "consultation"];
const SHORT_TYPES = new Set(["abbreviation", "acronym", "shortForm"]);
const headKey = (s: string) => s.normalize("NFKC").toLowerCase().replace(/\s+/gu, " ").trim();

/** The document's language pair for new terms (see the module comment). */
export function languagePair(file: ImportedFile, options: ImportOptions): { sourceLang: string; targetLang: string } {
  const langs = file.concepts.flatMap((c) => c.sections.map((s) => s.lang)).filter(Boolean);
  const stated = file.concepts.find((c) => c.languages)?.languages;
  const sourceLang =
    options.sourceLang ||
    stated?.source ||
    [file.mainLang, "en"].find((l) => l && langs.some((x) => sameLanguage(x, l))) ||
    mostFrequent(langs) ||
    "en";
  const others = langs.filter((l) => !sameLanguage(l, sourceLang));
  const targetLang = options.targetLang || stated?.target || mostFrequent(others) || "zh-Hans";
  return { sourceLang: tidyTag(sourceLang), targetLang: tidyTag(targetLang) };
}

function mostFrequent(xs: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best: string | undefined;
  for (const [x, n] of counts) if (best === undefined || n > counts.get(best)!) best = x;
  return best;
}


/** The headword: a preferred full term of the source section, else its first term that is not a short form. */
function pickHeadword(sec: ImportedLanguageSection): { head: ImportedDesignation; abbreviation?: string } {
  const full = sec.terms.filter((t) => !SHORT_TYPES.has(t.termType ?? ""));
  const head = full.find((t) => t.status === "preferred") ?? full[0] ?? sec.terms[0]!;
  const short = sec.terms.find((t) => t !== head && SHORT_TYPES.has(t.termType ?? ""));
  return { head, abbreviation: short && short.text.length <= ABBREVIATION_MAX ? short.text : undefined };
}

const STATUS_WORDS: Record<FileStatus, string> = {
  preferred: "preferred term (preferredTerm-admn-sts)",
  admitted: "admitted term (admittedTerm-admn-sts)",
  deprecated: "deprecated term (deprecatedTerm-admn-sts)",
  superseded: "superseded term (supersededTerm-admn-sts)",
  candidate: "candidate",
};

/** A new rendering's rationale: the file's rationale, else its notes, context and status, said as such. */
function rationaleOf(d: ImportedDesignation, fileName?: string): string {
  if (d.rationale) return fitRationale(d.rationale);
  const parts = [...d.notes];
  if (d.context) parts.push(`Context: ${d.context}`);
  if (d.status && d.status !== "candidate") parts.push(`In the imported file: ${STATUS_WORDS[d.status]}.`);
  if (parts.length === 0) parts.push(fileName ? `Imported from ${fileName}.` : "Imported.");
  return fitRationale(parts.join("\n"));
}

export function planImport(file: ImportedFile, existing: ExistingTerm[], options: ImportOptions = {}): ImportPlan {
  const pair = languagePair(file, options);
  const bySlug = new Map(existing.map((t) => [t.slug, t]));
  const byHead = new Map<string, ExistingTerm[]>();
  for (const t of existing) byHead.set(headKey(t.headword), [...(byHead.get(headKey(t.headword)) ?? []), t]);
  const slugs = new Set(existing.map((t) => t.slug));
  /** Keys known per term, existing and planned (a file may name a rendering twice). */
  const keys = new Map<string, Map<string, string>>(existing.map((t) => [t.id, new Map(t.renderings.map((r) => [r.key, r.status]))]));
  /** Terms this import creates, by planned slug, so later concepts of the file can match them. */
  const planned = new Map<string, ConceptPlan>();
  const plannedByHead = new Map<string, ConceptPlan[]>();
  const errors: ImportProblem[] = [];
  const concepts: ConceptPlan[] = [];

  for (const c of file.concepts) {
    const plan = planConcept(c);
    concepts.push(plan);
  }

  function planConcept(c: ImportedConcept): ConceptPlan {
    const sourceWanted = c.languages?.source ?? pair.sourceLang;
    const idSlug = c.id?.startsWith("c-") ? c.id.slice(2) : undefined;
    const sourceSec = c.sections.find((s) => s.terms.length > 0 && sameLanguage(s.lang, sourceWanted));
    const picked = sourceSec ? pickHeadword(sourceSec) : undefined;

    let term: ExistingTerm | undefined = idSlug ? bySlug.get(idSlug) : undefined;
    let matchedBy: ConceptPlan["matchedBy"] = term ? "id" : null;
    let createdEarlier: ConceptPlan | undefined = idSlug ? planned.get(idSlug) : undefined;
    if (!term && !createdEarlier && picked) {
      term = (byHead.get(headKey(picked.head.text)) ?? []).find((t) => sameLanguage(t.sourceLang, sourceWanted));
      matchedBy = term ? "headword" : null;
      createdEarlier ??= (plannedByHead.get(headKey(picked.head.text)) ?? []).find((p) => sameLanguage(p.sourceLang, sourceWanted));
    }
    const sourceLang = term?.sourceLang ?? createdEarlier?.sourceLang ?? tidyTag(sourceSec?.lang || sourceWanted);
    // A new concept's target: the one asked for, else the concept's own (stated, or its only other
    // language section, as our export writes a concept), else the file's most frequent.
    const others = c.sections.filter((s) => s.lang && !sameLanguage(s.lang, sourceLang));
    const own = c.languages?.target || (others.length === 1 || new Set(others.map((s) => s.lang.toLowerCase())).size === 1 ? others[0]?.lang : undefined);
    const targetLang = term?.targetLang ?? createdEarlier?.targetLang ?? tidyTag(options.targetLang || own || pair.targetLang);
    const base: ConceptPlan = {
      line: c.line,
      id: c.id ?? null,
      headword: term?.headword ?? picked?.head.text ?? "",
      slug: term?.slug ?? createdEarlier?.slug ?? null,
      action: "unchanged",
      termId: term?.id ?? null,
      matchedBy,
      sourceLang,
      targetLang,
      term: null,
      renderings: [],
      skippedLanguages: [],
    };

    const isTarget = (s: ImportedLanguageSection) => (s.lang === "" && !!c.languages) || sameLanguage(s.lang, targetLang);
    const isSource = (s: ImportedLanguageSection) => sameLanguage(s.lang, sourceLang);
    // A CSV concept's target section has the row's target language, or none when the column is empty.
    base.skippedLanguages = c.sections.filter((s) => !isSource(s) && !isTarget(s)).map((s) => s.lang);
    const designations = c.sections.filter((s) => isTarget(s) && !isSource(s)).flatMap((s) => s.terms);

    if (!term && !createdEarlier) {
      if (!picked) {
        const reason = `no term in the source language (${sourceWanted})`;
        errors.push({ line: c.line, message: `Concept${c.id ? ` ${c.id}` : ""}: ${reason}; it was not imported.` });
        return { ...base, action: "invalid", reason };
      }
      // The target language's definition, note and context: its section's, the context on its
      // first designation that has one (TBX allows context only on a term).
      const targetSec = c.sections.find((s) => isTarget(s) && !isSource(s));
      const parsed = createTermSchema.safeParse({
        headword: picked.head.text,
        abbreviation: picked.abbreviation,
        definition: sourceSec?.definition ?? c.definition ?? "",
        context: picked.head.context ?? sourceSec?.context ?? "",
        note: sourceSec?.note ?? "",
        definitionTarget: targetSec?.definition ?? "",
        contextTarget: targetSec?.context ?? targetSec?.terms.find((t) => t.context)?.context ?? "",
        noteTarget: targetSec?.note ?? "",
        source: sourceSec?.source ?? c.source ?? "",
        subjectField: c.subjectField ?? "",
        sourceLang,
        targetLang,
      });
      if (!parsed.success) {
        const reason = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
        errors.push({ line: c.line, message: `Concept “${picked.head.text}”: ${reason}; it was not imported.` });
        return { ...base, action: "invalid", reason };
      }
      const slug = uniqueSlug(idSlug && !slugs.has(idSlug) && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(idSlug) && idSlug.length <= 80 ? idSlug : slugFromHeadword(picked.head.text) || "term");
      slugs.add(slug);
      const plan: ConceptPlan = { ...base, action: "create", slug, term: { ...parsed.data, slug } };
      planned.set(slug, plan);
      plannedByHead.set(headKey(plan.headword), [...(plannedByHead.get(headKey(plan.headword)) ?? []), plan]);
      keys.set(`new:${slug}`, new Map());
      plan.renderings = designations.map((d) => renderingPlan(d, `new:${slug}`, targetLang, true));
      return plan;
    }

    const keyOf = term ? term.id : `new:${createdEarlier!.slug}`;
    const open = term ? OPEN_STAGES.includes(term.stage) : true;
    base.renderings = designations.map((d) => renderingPlan(d, keyOf, targetLang, open, term?.stage));
    if (createdEarlier) {
      // A second entry for a term this file creates: its renderings join that term.
      createdEarlier.renderings.push(...base.renderings.filter((r) => r.outcome === "add" || r.outcome === "invalid"));
      return { ...base, action: "unchanged", reason: `another entry of this file (line ${createdEarlier.line}) creates the term` };
    }
    if (base.renderings.some((r) => r.outcome === "add")) base.action = "update";
    return base;
  }

  function renderingPlan(d: ImportedDesignation, termKey: string, lang: string, open: boolean, stage?: Stage): PlannedRendering {
    const verdict = checkRendering(d.text, lang, { pinyin: d.pinyin });
    if (!verdict.ok) {
      errors.push({ line: d.line, message: `“${d.text}”: ${verdict.message}; it was not imported.` });
      return { text: d.text, line: d.line, outcome: "invalid", reason: verdict.message };
    }
    const known = keys.get(termKey)!;
    const status = known.get(verdict.rendering.key);
    if (status !== undefined) {
      return { text: d.text, line: d.line, outcome: "exists", reason: status === "active" ? "already a rendering of the term" : `already a rendering of the term (${status})` };
    }
    if (!open) return { text: d.text, line: d.line, outcome: "closed", reason: `the term is ${stage}: its candidates are closed` };
    known.set(verdict.rendering.key, "active");
    return {
      text: verdict.rendering.text,
      line: d.line,
      outcome: "add",
      data: {
        ...verdict.rendering,
        gloss: fitGloss(d.gloss ?? ""),
        rationale: rationaleOf(d, options.fileName),
        region: isRegion(d.region) ? d.region : "",
        synonymClass: isSynonymClass(d.synonymClass) ? d.synonymClass : "",
      },
    };
  }

  function uniqueSlug(wanted: string): string {
    if (!slugs.has(wanted)) return wanted;
    for (let n = 2; ; n++) {
      const s = `${wanted.slice(0, 75)}-${n}`;
      if (!slugs.has(s)) return s;
    }
  }

  const created = concepts.filter((c) => c.action === "create").length;
  const updated = concepts.filter((c) => c.action === "update").length;
  return {
    ...pair,
    concepts,
    created,
    updated,
    skipped: concepts.length - created - updated,
    renderingsAdded: concepts.reduce((n, c) => n + (c.action === "create" || c.action === "update" ? c.renderings.filter((r) => r.outcome === "add").length : 0), 0),
    languageSectionsSkipped: concepts.reduce((n, c) => n + c.skippedLanguages.length, 0),
    errors,
  };
}
