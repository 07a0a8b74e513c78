import { CANDIDATE_NOTE, type DesignationStatus, type LexiconEntry, type LexiconExport } from "@/lib/schemas/lexicon";
import { el, writeXml, type XmlNode } from "@/lib/export/xml";
import { classNote, tbxDesignation, type DecisionPlace } from "@/lib/records/synonym-classes";

/**
 * TBX-Basic, the TBX v3 dialect (ISO 30042:2019), in DCA style: one conceptEntry per term,
 * a langSec for the source language (headword, abbreviation, definition, context, note) and one
 * for the target language (its definition and note, the renderings, the target-language context
 * on the first of them). A decision in force gives each rendering it names its
 * administrativeStatus, and its synonym class a termType where TBX-Basic has one
 * (lib/records/synonym-classes.ts); renderings of a term without one are exported as
 * candidates, with a note and no status. A rendering's region is its geographicalUsage. The
 * decision's statements are notes of the concept entry, so a langSec's notes are the term's
 * own. Only data categories of TBX-Basic are used, each where the dialect allows it
 * (definition at langSec, context at termSec, subjectField at conceptEntry).
 */

export const TBX_NAMESPACE = "urn:iso:std:iso:30042:ed-2";
const SCHEMAS = "https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA";

export const ADMINISTRATIVE_STATUS: Record<Exclude<DesignationStatus, "candidate">, string> = {
  preferred: "preferredTerm-admn-sts",
  admitted: "admittedTerm-admn-sts",
  deprecated: "deprecatedTerm-admn-sts",
};

const PLACE: Record<DesignationStatus, DecisionPlace | null> = { preferred: "adopted", admitted: "admitted", deprecated: "deprecated", candidate: null };

/** xsd:ID for a term: slugs are [a-z0-9-], and an ID must not start with a digit. */
export const conceptId = (slug: string) => `c-${slug}`;

const day = (iso: string) => iso.slice(0, 10);
const note = (text: string, lang?: string) => (text.trim() ? el("note", { "xml:lang": lang }, text) : null);

function transaction(type: "origination" | "modification", at: string, by?: string): XmlNode {
  return el(
    "transacGrp",
    {},
    el("transac", { type: "transactionType" }, type),
    el("date", {}, day(at)),
    by ? el("transacNote", { type: "responsibility" }, by) : null,
  );
}

function sourceSection(e: LexiconEntry): XmlNode {
  const definition = e.definition.trim()
    ? el("descripGrp", {}, el("descrip", { type: "definition" }, e.definition), e.source.trim() ? el("admin", { type: "source" }, e.source) : null)
    : null;
  const headword = el(
    "termSec",
    {},
    el("term", {}, e.headword),
    e.abbreviation ? el("termNote", { type: "termType" }, "fullForm") : null,
    e.context.trim() ? el("descrip", { type: "context" }, e.context) : null,
  );
  const abbreviation = e.abbreviation ? el("termSec", {}, el("term", {}, e.abbreviation), el("termNote", { type: "termType" }, "abbreviation")) : null;
  return el("langSec", { "xml:lang": e.sourceLang }, definition, note(e.note), headword, abbreviation);
}

/**
 * The renderings; a term without any has no target langSec (TBX requires a term in each), so
 * its target-language definition, context and note are then not in the TBX (the CSV and JSON
 * carry them).
 */
function targetSection(e: LexiconEntry): XmlNode | null {
  if (e.renderings.length === 0) return null;
  const terms = e.renderings.map((r, i) => {
    const categories = tbxDesignation(PLACE[r.status], r.synonymClass);
    return el(
      "termSec",
      {},
      el("term", {}, r.text),
      categories.administrativeStatus ? el("termNote", { type: "administrativeStatus" }, categories.administrativeStatus) : null,
      r.region ? el("termNote", { type: "geographicalUsage" }, r.region) : null,
      categories.termType ? el("termNote", { type: "termType" }, categories.termType) : null,
      i === 0 && e.contextTarget.trim() ? el("descrip", { type: "context" }, e.contextTarget) : null,
      r.synonymClass ? note(classNote(r.synonymClass), "en") : null,
      note(r.pinyin ? `Pinyin: ${r.pinyin}` : "", "en"),
      r.traditional && r.traditional !== r.text ? note(`Traditional: ${r.traditional}`, "en") : null,
      note(r.gloss ? `Literal gloss: ${r.gloss}` : "", "en"),
      note(r.rationale ? `Rationale: ${r.rationale}` : "", "en"),
      r.status === "candidate" ? note(CANDIDATE_NOTE, "en") : null,
    );
  });
  const definition = e.definitionTarget.trim() ? el("descrip", { type: "definition" }, e.definitionTarget) : null;
  return el("langSec", { "xml:lang": e.targetLang }, definition, note(e.noteTarget), ...terms);
}

export function conceptEntry(e: LexiconEntry): XmlNode {
  return el(
    "conceptEntry",
    { id: conceptId(e.slug) },
    transaction("origination", e.createdAt),
    e.decision ? transaction("modification", e.decision.decidedAt, e.decision.decidedBy) : null,
    e.subjectField.trim() ? el("descrip", { type: "subjectField" }, e.subjectField) : null,
    note(`Stage: ${e.stage}.`, "en"),
    note(e.decision?.statementEn ?? "", "en"),
    note(e.decision?.statementZh ?? "", "zh-Hans"),
    sourceSection(e),
    targetSection(e),
  );
}

/**
 * The whole document. TBX requires at least one conceptEntry in the body; an empty lexicon is
 * the caller's case to handle (the routes answer 404).
 */
export function lexiconToTbx(lexicon: LexiconExport): string {
  if (lexicon.entries.length === 0) throw new Error("A TBX document needs at least one concept entry.");
  const tbx = el(
    "tbx",
    { type: "TBX-Basic", style: "dca", "xml:lang": "en", xmlns: TBX_NAMESPACE },
    el(
      "tbxHeader",
      {},
      el(
        "fileDesc",
        {},
        el("titleStmt", {}, el("title", {}, lexicon.title)),
        el("sourceDesc", {}, el("p", {}, `Exported from Gongshang (共商) on ${lexicon.generatedAt}.`)),
      ),
    ),
    el("text", {}, el("body", {}, ...lexicon.entries.map(conceptEntry))),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<?xml-model href="${SCHEMAS}/TBXcoreStructV03_TBX-Basic_integrated.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>`,
    `<?xml-model href="${SCHEMAS}/TBX-Basic_DCA.sch" type="application/xml" schematypens="http://purl.oclc.org/dsdl/schematron"?>`,
    writeXml(tbx),
    "",
  ].join("\n");
}
