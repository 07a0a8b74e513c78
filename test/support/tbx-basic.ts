import { elements, parseXml, textOf, type XmlElement } from "@/test/support/xml";

/**
 * Checks a document against the TBX-Basic dialect (TBX v3, DCA style) as far as our exports
 * use it: the core structure's content models (order and cardinality of the sections), the
 * data categories TBX-Basic allows with their levels and closed value lists, and IDs.
 * Written from the dialect's published definition; it is not the official RELAX NG +
 * Schematron validation (no validator is available offline), so it checks a subset: the
 * inline markup (hi, foreign, sc/ec/ph), refObjects and DCT style are refused, not validated.
 * Returns the problems found; an empty list means valid.
 */
export const TBX_NS = "urn:iso:std:iso:30042:ed-2";
const XML_LANG = "xml:lang";

const AUX = new Set(["descrip", "descripGrp", "admin", "adminGrp", "transacGrp", "note", "ref", "xref"]);
const TEXT_ONLY = new Set(["term", "termNote", "descrip", "descripNote", "admin", "adminNote", "note", "transac", "transacNote", "date", "title", "p", "ref", "xref"]);

const DESCRIP_LEVELS: Record<string, string[]> = {
  subjectField: ["conceptEntry"],
  definition: ["conceptEntry", "langSec"],
  context: ["termSec"],
};
const TERM_NOTE_VALUES: Record<string, string[] | null> = {
  administrativeStatus: ["preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts", "supersededTerm-admn-sts"],
  termType: ["fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase"],
  partOfSpeech: ["noun", "verb", "adjective", "adverb", "other"],
  grammaticalGender: ["masculine", "feminine", "neuter", "other"],
  geographicalUsage: null,
  termLocation: null,
};
const ADMIN_LEVELS: Record<string, string[] | null> = { source: null, customerSubset: ["termSec"], projectSubset: ["termSec"] };

const ATTRS: Record<string, string[]> = {
  tbx: ["type", "style", XML_LANG, "xmlns"],
  conceptEntry: ["id"],
  langSec: [XML_LANG],
  termSec: ["id"],
  term: ["id"],
  termNote: ["type", "id", XML_LANG, "target", "datatype", "module"],
  descrip: ["type", "id", XML_LANG, "target", "datatype", "module"],
  admin: ["type", "id", XML_LANG, "target", "datatype", "module"],
  transac: ["type", "id", XML_LANG, "target", "datatype", "module"],
  transacNote: ["type", "id", XML_LANG, "target", "datatype", "module"],
  note: ["id", XML_LANG],
  p: ["id", XML_LANG, "type"],
  title: ["id", XML_LANG],
  titleStmt: ["id", XML_LANG],
  sourceDesc: ["id", XML_LANG],
  xref: ["id", "target", "type", "module"],
  ref: ["id", XML_LANG, "target", "datatype", "type", "module"],
};

export function checkTbxBasic(source: string): string[] {
  const problems: string[] = [];
  const { root } = parseXml(source);
  const ids = new Set<string>();
  const say = (path: string, msg: string) => problems.push(`${path}: ${msg}`);

  /** Children must match the sequence: each step is [names, min, max]. */
  const sequence = (e: XmlElement, path: string, steps: [string[], number, number][]) => {
    const kids = elements(e);
    let k = 0;
    for (const [names, min, max] of steps) {
      let n = 0;
      while (k < kids.length && names.includes(kids[k]!.local) && n < max) {
        k++;
        n++;
      }
      if (n < min) say(path, `expected ${names.join(" or ")} (at least ${min}), found ${kids[k]?.local ?? "nothing"}`);
    }
    for (; k < kids.length; k++) say(path, `<${kids[k]!.local}> not allowed here`);
  };

  const visit = (e: XmlElement, parent: string, path: string) => {
    const here = `${path}/${e.local}`;
    if (e.ns !== TBX_NS) say(here, `element not in the TBX namespace (${e.ns})`);
    const allowed = ATTRS[e.local] ?? ["id"];
    for (const a of Object.keys(e.attrs)) if (!allowed.includes(a)) say(here, `attribute ${a} not allowed`);
    if (e.attrs.id !== undefined) {
      if (!/^[A-Za-z_][\w.-]*$/.test(e.attrs.id)) say(here, `id "${e.attrs.id}" is not an NCName`);
      if (ids.has(e.attrs.id)) say(here, `id "${e.attrs.id}" repeated`);
      ids.add(e.attrs.id);
    }
    if (TEXT_ONLY.has(e.local)) {
      if (elements(e).length) say(here, "inline markup is not expected in our exports");
    } else if (e.children.some((c) => typeof c === "string" && c.trim())) {
      say(here, "text not allowed in element-only content");
    }
    const type = e.attrs.type ?? "";
    const value = textOf(e);
    switch (e.local) {
      case "tbx":
        if (e.attrs.type !== "TBX-Basic") say(here, 'type must be "TBX-Basic"');
        if (e.attrs.style !== "dca") say(here, 'style must be "dca"');
        if (!e.attrs[XML_LANG]) say(here, "xml:lang is required");
        sequence(e, here, [[["tbxHeader"], 1, 1], [["text"], 1, 1]]);
        break;
      case "tbxHeader":
        sequence(e, here, [[["fileDesc"], 1, 1], [["encodingDesc"], 0, 1], [["revisionDesc"], 0, 1]]);
        break;
      case "fileDesc":
        sequence(e, here, [[["titleStmt"], 0, 1], [["publicationStmt"], 0, 1], [["sourceDesc"], 1, Infinity]]);
        break;
      case "titleStmt":
        sequence(e, here, [[["title"], 1, 1], [["note"], 0, Infinity]]);
        break;
      case "sourceDesc":
      case "publicationStmt":
      case "encodingDesc":
        sequence(e, here, [[["p"], 1, Infinity]]);
        break;
      case "text":
        sequence(e, here, [[["body"], 1, 1], [["back"], 0, 1]]);
        break;
      case "body":
        sequence(e, here, [[["conceptEntry"], 1, Infinity]]);
        break;
      case "conceptEntry":
        sequence(e, here, [[[...AUX], 0, Infinity], [["langSec"], 1, Infinity]]);
        break;
      case "langSec":
        if (!e.attrs[XML_LANG]) say(here, "xml:lang is required");
        sequence(e, here, [[[...AUX], 0, Infinity], [["termSec"], 1, Infinity]]);
        break;
      case "termSec":
        sequence(e, here, [[["term"], 1, 1], [["termNote", "termNoteGrp"], 0, Infinity], [[...AUX], 0, Infinity]]);
        break;
      case "term":
        if (!value.trim()) say(here, "empty term");
        break;
      case "termNote": {
        if (!(type in TERM_NOTE_VALUES)) say(here, `termNote type "${type}" is not a TBX-Basic data category`);
        const values = TERM_NOTE_VALUES[type];
        if (values && !values.includes(value)) say(here, `${type} "${value}" is not a permitted value`);
        if (parent !== "termSec") say(here, "termNote only at termSec level");
        break;
      }
      case "descrip": {
        const level = parent === "descripGrp" ? path.split("/").at(-2)! : parent;
        if (!(type in DESCRIP_LEVELS)) say(here, `descrip type "${type}" is not a TBX-Basic data category`);
        else if (!DESCRIP_LEVELS[type]!.includes(level)) say(here, `${type} not allowed at ${level} level`);
        break;
      }
      case "descripGrp":
        sequence(e, here, [[["descrip"], 1, 1], [["descripNote", "admin", "adminGrp", "transacGrp", "note", "ref", "xref"], 0, Infinity]]);
        break;
      case "admin": {
        const level = parent === "descripGrp" || parent === "adminGrp" ? path.split("/").at(-2)! : parent;
        if (!(type in ADMIN_LEVELS)) say(here, `admin type "${type}" is not a TBX-Basic data category`);
        else if (ADMIN_LEVELS[type] && !ADMIN_LEVELS[type]!.includes(level)) say(here, `${type} not allowed at ${level} level`);
        break;
      }
      case "transacGrp":
        sequence(e, here, [[["transac"], 1, 1], [["transacNote", "date", "note", "ref", "xref"], 0, Infinity]]);
        break;
      case "transac":
        if (type !== "transactionType") say(here, 'transac type must be "transactionType"');
        if (!["origination", "modification"].includes(value)) say(here, `transactionType "${value}" is not permitted`);
        break;
      case "transacNote":
        if (type !== "responsibility") say(here, 'transacNote type must be "responsibility"');
        break;
      case "date":
        if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) say(here, `"${value}" is not an xsd:date`);
        break;
      case "note":
      case "p":
      case "title":
        break;
      default:
        say(here, `<${e.local}> is not used by our exports (not checked)`);
    }
    for (const c of elements(e)) visit(c, e.local, here);
  };
  if (root.local !== "tbx") say("/", `root must be <tbx>, not <${root.local}>`);
  visit(root, "", "");
  return problems;
}
