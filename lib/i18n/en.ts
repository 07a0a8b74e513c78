/** English interface messages. zh.ts must have exactly the same keys (the type enforces it; a test checks it too). */
export const en = {
  app: { name: "Gongshang", tagline: "Choosing translation terms together", skip: "Skip to content" },
  nav: { lexicon: "Lexicon", method: "How results are computed", signIn: "Sign in", signOut: "Sign out", profile: "Profile", language: "Language" },
  stage: { draft: "Draft", consultation: "Consultation", provisional: "Provisional", published: "Published" },
  stageHint: {
    draft: "Being prepared by the facilitators.",
    consultation: "Open for proposals, grades and comments.",
    provisional: "Grading closed; the result is announced and objections are still heard.",
    published: "Decision recorded.",
  },
  lexicon: {
    title: "Lexicon",
    intro: "Concepts of the Cooperative Security 2.0 Lexicon and their candidate Chinese renderings. Scholars of both delegations grade the candidates; a rendering reaches consensus only when every delegation finds it acceptable.",
    term: "Term",
    stage: "Stage",
    renderings: "Renderings",
    ballots: "Ballots",
    leader: "Leading",
    consensus: "Consensus",
    none: "—",
    empty: "No terms yet.",
  },
  term: {
    abbreviation: "Abbreviation",
    definition: "Definition",
    context: "Context",
    source: "Source",
    subjectField: "Subject field",
    languages: "Languages",
    candidates: "Candidate renderings",
    noCandidates: "No renderings have been proposed yet.",
    pinyin: "Pinyin",
    gloss: "Literal gloss",
    rationale: "Rationale",
    proposedBy: "Proposed by",
    traditional: "Traditional",
    ballots: "{count} ballots",
    deadline: "Consultation closes {date}",
  },
  errors: {
    notFoundTitle: "Not found",
    notFound: "There is no such page. The term may have been renamed.",
    backHome: "Back to the lexicon",
    generic: "Something went wrong on our side. Please try again in a moment.",
  },
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof en>;
