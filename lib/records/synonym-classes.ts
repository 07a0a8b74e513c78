/**
 * The synonym classes of term committees (CY/T 119-2015, as the 全国科学技术名词审定委员会
 * publishes terms): each rendering a decision names is 正名 (the standard term) or one of its
 * synonyms, and each class says how it is exported to TBX-Basic. TBX has no class of its own
 * for these: the standing goes to `administrativeStatus`, the form to `termType` (only the
 * values the TBX-Basic DCA Schematron allows: fullForm, shortForm…), and the class itself to a
 * note that our import reads back ("Synonym class: short (简称)").
 */

export const SYNONYM_CLASSES = ["standard", "alternative", "short", "full", "common", "former"] as const;
export type SynonymClass = (typeof SYNONYM_CLASSES)[number];

export const isSynonymClass = (v: unknown): v is SynonymClass => typeof v === "string" && (SYNONYM_CLASSES as readonly string[]).includes(v);

/** The committees' own names, used in both interface languages. */
export const SYNONYM_CLASS_HANZI: Record<SynonymClass, string> = {
  standard: "正名",
  alternative: "又称",
  short: "简称",
  full: "全称",
  common: "俗称",
  former: "曾称",
};

/** Where a rendering stands in a decision. */
export type DecisionPlace = "adopted" | "admitted" | "deprecated";

/**
 * The classes each place may take: the adopted form (for the whole target language or one
 * region) is the standard term, possibly a full or short form; admitted ones are synonyms in
 * use; a deprecated one has no class, or is a former name (曾称) the standard superseded.
 */
export const CLASSES_FOR: Record<DecisionPlace, readonly SynonymClass[]> = {
  adopted: ["standard", "full", "short"],
  admitted: ["alternative", "short", "full", "common"],
  deprecated: ["former"],
};

/** What a decision says when the facilitator does not choose: 正名, 又称, and no class. */
export const DEFAULT_CLASS: Record<DecisionPlace, SynonymClass | null> = { adopted: "standard", admitted: "alternative", deprecated: null };

export type TbxDesignation = { administrativeStatus?: string; termType?: string };

const STATUS_OF_PLACE: Record<DecisionPlace, string> = {
  adopted: "preferredTerm-admn-sts",
  admitted: "admittedTerm-admn-sts",
  deprecated: "deprecatedTerm-admn-sts",
};

const TERM_TYPE: Partial<Record<SynonymClass, string>> = { short: "shortForm", full: "fullForm" };

/**
 * TBX-Basic data categories of a rendering: its place in the decision in force (none for a
 * candidate) gives the administrativeStatus, a former name (曾称) is superseded rather than
 * deprecated, and a short or full form its termType.
 */
export function tbxDesignation(place: DecisionPlace | null, cls: SynonymClass | null): TbxDesignation {
  const administrativeStatus = place === null ? undefined : place === "deprecated" && cls === "former" ? "supersededTerm-admn-sts" : STATUS_OF_PLACE[place];
  const termType = cls ? TERM_TYPE[cls] : undefined;
  return { ...(administrativeStatus ? { administrativeStatus } : {}), ...(termType ? { termType } : {}) };
}

/** The note our TBX carries for a class, and its reading (from our own files). */
export const CLASS_NOTE_PREFIX = "Synonym class: ";
export const classNote = (cls: SynonymClass) => `${CLASS_NOTE_PREFIX}${cls} (${SYNONYM_CLASS_HANZI[cls]})`;
export function classFromNote(note: string): SynonymClass | undefined {
  if (!note.startsWith(CLASS_NOTE_PREFIX)) return undefined;
  const code = note.slice(CLASS_NOTE_PREFIX.length).split(/[\s(]/)[0];
  return isSynonymClass(code) ? code : undefined;
}

/**
 * A class read from a file without our note: from the TBX categories a tool wrote (a short form
 * or abbreviation is 简称, a full form 全称, a superseded term 曾称), or a class code or its
 * Hanzi as a CSV cell gives it.
 */
export function classFromFile(given: { cell?: string; termType?: string; status?: string }): SynonymClass | undefined {
  const cell = (given.cell ?? "").trim();
  if (isSynonymClass(cell.toLowerCase())) return cell.toLowerCase() as SynonymClass;
  const byHanzi = SYNONYM_CLASSES.find((c) => SYNONYM_CLASS_HANZI[c] === cell);
  if (byHanzi) return byHanzi;
  const type = (given.termType ?? "").trim();
  if (type === "shortForm" || type === "abbreviation" || type === "acronym") return "short";
  if (type === "fullForm") return "full";
  if (given.status === "superseded") return "former";
  return undefined;
}
