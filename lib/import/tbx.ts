import { block, clean, IMPORT_MAX_CONCEPTS, type FileRead, type FileStatus, type ImportedConcept, type ImportedDesignation, type ImportedLanguageSection, type ImportProblem } from "@/lib/import/model";
import { childElements, firstChild, parseXmlTree, textOf, type XmlNode } from "@/lib/import/xml-tree";
import { classFromFile, classFromNote } from "@/lib/records/synonym-classes";
import { regionFromFile } from "@/lib/records/regions";

/**
 * Reads a TBX-Basic glossary: TBX v3 (ISO 30042:2019, `<tbx type="TBX-Basic" style="dca">`,
 * conceptEntry / langSec / termSec, as we and current tools export it) and TBX v2 (ISO
 * 30042:2008, `<martif type="TBX-Basic">`, termEntry / langSet / tig or ntig, as MultiTerm and
 * many older tools export it). Data categories are read wherever TBX allows them (directly or
 * in their *Grp); unknown ones are ignored. The file must be well-formed and have TBX's
 * structure (a body of concept entries, each language section with a language and terms, each
 * term section with one term); otherwise it is refused with line-numbered problems.
 */

const NAMESPACES = new Set(["", "urn:iso:std:iso:30042:ed-2", "urn:iso:std:iso:30042:ed:3.0"]);
/** TBX-Min is a subset of TBX-Basic; "TBX" is the v2 default dialect (TBX-Default) that tools name so. */
const V3_TYPES = new Set(["TBX-Basic", "TBX-Min"]);
const V2_TYPES = new Set(["TBX-Basic", "TBX-Min", "TBX", "TBX-Default"]);

const STATUS: Record<string, FileStatus> = {
  preferredterm: "preferred",
  preferred: "preferred",
  admittedterm: "admitted",
  admitted: "admitted",
  deprecatedterm: "deprecated",
  deprecated: "deprecated",
  supersededterm: "superseded",
  superseded: "superseded",
};
const statusOf = (value: string): FileStatus | undefined => STATUS[clean(value).toLowerCase().replace(/-admn-sts$/, "")];

/** Our own export's notes on a rendering (lib/export/tbx.ts) go back to their fields. */
const NOTE_FIELDS = [
  ["Pinyin: ", "pinyin"],
  ["Traditional: ", "traditional"],
  ["Literal gloss: ", "gloss"],
  ["Rationale: ", "rationale"],
] as const;
const CANDIDATE_NOTE_START = "Candidate rendering:";

/** Elements of this data category, directly under `n` or inside their group (descripGrp…). */
function category(n: XmlNode, element: "descrip" | "admin" | "termNote" | "note", type?: string): XmlNode[] {
  const direct = childElements(n, element);
  const grouped = childElements(n, `${element}Grp`).flatMap((g) => childElements(g, element));
  return [...direct, ...grouped].filter((e) => type === undefined || e.attrs.type === type);
}
const first = (nodes: XmlNode[]) => (nodes[0] ? block(textOf(nodes[0])) : undefined) || undefined;

function designation(termSec: XmlNode, termHolder: XmlNode, problems: ImportProblem[]): ImportedDesignation | null {
  const terms = childElements(termHolder, "term");
  if (terms.length !== 1) {
    problems.push({ line: termSec.line, message: `<${termSec.local}> must contain exactly one <term> (it has ${terms.length}).` });
    return null;
  }
  const term = terms[0]!;
  const text = clean(textOf(term));
  if (!text) {
    problems.push({ line: term.line, message: "<term> is empty." });
    return null;
  }
  const d: ImportedDesignation = { text, line: term.line, notes: [] };
  // termNotes sit in the termSec (v3), the tig (v2) or the ntig's termGrp (v2).
  const notesAt = [termHolder, ...(termHolder === termSec ? [] : [termSec])];
  for (const holder of notesAt) {
    for (const tn of category(holder, "termNote")) {
      const value = clean(textOf(tn));
      if (tn.attrs.type === "administrativeStatus") d.status = statusOf(value) ?? d.status;
      if (tn.attrs.type === "termType" && value) d.termType = value;
      if (tn.attrs.type === "geographicalUsage") d.region = regionFromFile(value) ?? d.region;
    }
  }
  d.context = first(category(termSec, "descrip", "context"));
  for (const n of category(termSec, "note")) {
    const note = block(textOf(n));
    if (!note || note.startsWith(CANDIDATE_NOTE_START)) continue;
    const field = NOTE_FIELDS.find(([prefix]) => note.startsWith(prefix));
    const cls = classFromNote(note);
    if (field) d[field[1]] = note.slice(field[0].length).trim();
    else if (cls) d.synonymClass = cls;
    else d.notes.push(note);
  }
  d.synonymClass ??= classFromFile({ termType: d.termType, status: d.status });
  return d;
}

function languageSection(sec: XmlNode, v2: boolean, problems: ImportProblem[]): ImportedLanguageSection | null {
  const lang = clean(sec.attrs["xml:lang"]);
  if (!lang) {
    problems.push({ line: sec.line, message: `<${sec.local}> has no xml:lang attribute.` });
    return null;
  }
  const termSecs = v2 ? childElements(sec, "tig", "ntig") : childElements(sec, "termSec");
  if (termSecs.length === 0) {
    problems.push({ line: sec.line, message: `<${sec.local} xml:lang="${lang}"> has no ${v2 ? "<tig> or <ntig>" : "<termSec>"}.` });
    return null;
  }
  const terms = termSecs.flatMap((ts) => {
    const holder = ts.local === "ntig" ? firstChild(ts, "termGrp") : ts;
    if (!holder) {
      problems.push({ line: ts.line, message: "<ntig> has no <termGrp>." });
      return [];
    }
    return designation(ts, holder, problems) ?? [];
  });
  return {
    lang,
    line: sec.line,
    definition: first(category(sec, "descrip", "definition")),
    note: childElements(sec, "note").map((n) => block(textOf(n))).filter(Boolean).join("\n\n") || undefined,
    source: first([...childElements(sec, "admin"), ...childElements(sec, "descripGrp").flatMap((g) => childElements(g, "admin"))].filter((a) => a.attrs.type === "source")),
    terms,
  };
}

function concept(entry: XmlNode, v2: boolean, problems: ImportProblem[]): ImportedConcept | null {
  const secs = childElements(entry, v2 ? "langSet" : "langSec");
  if (secs.length === 0) {
    problems.push({ line: entry.line, message: `<${entry.local}> has no ${v2 ? "<langSet>" : "<langSec>"}.` });
    return null;
  }
  const sections = secs.flatMap((s) => languageSection(s, v2, problems) ?? []);
  return {
    line: entry.line,
    id: clean(entry.attrs.id) || undefined,
    subjectField: first(category(entry, "descrip", "subjectField")),
    definition: first(category(entry, "descrip", "definition")),
    source: first(category(entry, "admin", "source")),
    sections,
  };
}

export function readTbx(source: string): FileRead {
  const parsed = parseXmlTree(source);
  if (!parsed.root) return { file: null, problems: parsed.problems };
  const root = parsed.root;
  const problems: ImportProblem[] = [];
  const refuse = (message: string, line = root.line): FileRead => ({ file: null, problems: [{ line, message }] });

  const v2 = root.local === "martif";
  if (root.local !== "tbx" && !v2) return refuse(`This is not a TBX file: its root element is <${root.local}>, not <tbx> (TBX v3) or <martif> (TBX v2).`);
  if (!NAMESPACES.has(root.ns)) return refuse(`<${root.local}> is in the namespace "${root.ns}", not TBX's (urn:iso:std:iso:30042:ed-2).`);
  const type = clean(root.attrs.type);
  if (v2 ? type && !V2_TYPES.has(type) : !V3_TYPES.has(type)) {
    return refuse(`This is ${type ? `a "${type}" file` : "a TBX file without a type"}; only TBX-Basic (type="TBX-Basic", or its subset TBX-Min) is read.`);
  }
  if (!v2 && root.attrs.style && root.attrs.style !== "dca") return refuse(`Only the DCA style of TBX-Basic is read (style="dca"); this file is style="${root.attrs.style}".`);

  const text = firstChild(root, "text");
  const body = text && firstChild(text, "body");
  if (!body) return refuse(`<${root.local}> has no <text><body>.`, text?.line ?? root.line);
  const entries = childElements(body, v2 ? "termEntry" : "conceptEntry");
  if (entries.length === 0) return refuse(`The body has no ${v2 ? "<termEntry>" : "<conceptEntry>"}.`, body.line);
  if (entries.length > IMPORT_MAX_CONCEPTS) return refuse(`The file has ${entries.length} concept entries; at most ${IMPORT_MAX_CONCEPTS} are read at once (split the file).`, body.line);

  const concepts = entries.flatMap((e) => concept(e, v2, problems) ?? []);
  if (problems.length > 0) return { file: null, problems: problems.slice(0, 50) };
  return { file: { format: "tbx", mainLang: clean(root.attrs["xml:lang"]) || undefined, concepts }, problems: [] };
}
