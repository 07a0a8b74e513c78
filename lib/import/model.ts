/**
 * What an imported glossary says, whatever its format (TBX-Basic v3 or v2, our CSV): concepts,
 * each with its language sections and their designations (terms), every part with the line it
 * starts on, so the preview and every error can point into the file.
 */

/** A problem in the file: 1-based line (and column when known). */
export type ImportProblem = { line: number; column?: number; message: string };

/** TBX administrativeStatus, by its short name. */
export const FILE_STATUSES = ["preferred", "admitted", "deprecated", "superseded", "candidate"] as const;
export type FileStatus = (typeof FILE_STATUSES)[number];

export type ImportedDesignation = {
  text: string;
  line: number;
  status?: FileStatus;
  /** TBX termType (fullForm, abbreviation, acronym, shortForm, variant, phrase). */
  termType?: string;
  pinyin?: string;
  traditional?: string;
  gloss?: string;
  rationale?: string;
  context?: string;
  /** Usage region (TBX geographicalUsage, CSV region), when it is one of ours. */
  region?: string;
  /** Synonym class (our note, else from termType/status, CSV synonym_class). */
  synonymClass?: string;
  /** Other notes on the designation, as written. */
  notes: string[];
};

export type ImportedLanguageSection = {
  lang: string;
  line: number;
  definition?: string;
  source?: string;
  /** The language section's own note (the term's note in that language). */
  note?: string;
  /** The term's context in that language, where a file gives it per language (our CSV). */
  context?: string;
  terms: ImportedDesignation[];
};

export type ImportedConcept = {
  line: number;
  /** The concept's id in the file (ours are `c-<slug>`). */
  id?: string;
  subjectField?: string;
  /** A definition given at the concept level rather than per language. */
  definition?: string;
  source?: string;
  /** The source and target language the file states for this concept (our CSV does). */
  languages?: { source: string; target?: string };
  sections: ImportedLanguageSection[];
};

export type ImportedFile = {
  format: "tbx" | "csv";
  /** The document's language (TBX root xml:lang), a hint for the source language. */
  mainLang?: string;
  concepts: ImportedConcept[];
};

export type FileRead = { file: ImportedFile; problems: [] } | { file: null; problems: ImportProblem[] };

/** Largest file read (bytes), and most concepts in one file: one import is one transaction. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_CONCEPTS = 2000;

/** Whitespace collapsed and trimmed: how names and texts in a file are compared and kept. */
export const clean = (s: string | undefined): string => (s ?? "").normalize("NFC").replace(/\s+/gu, " ").trim();

/** Longer text (definitions, notes): line ends normalized, trimmed, otherwise as written. */
export const block = (s: string | undefined): string => (s ?? "").normalize("NFC").replace(/\r\n?/g, "\n").trim();
