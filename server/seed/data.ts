/**
 * The initial data set: facts from the 2013 Sino-Canadian seminar summary
 * (shared/context/seminar-summary.txt). Kept as plain data so tests can check it.
 */
export const SEED_SOURCE =
  "“Cooperative Security 2.0 in Asia-Pacific”: summary of the seminar (Zhou Yiqi, Zheng Yingqin, Ji Yixin, 2013-11-12)";

export const SEED_DELEGATIONS = [
  { name: "China", nameZh: "中国", sortOrder: 1 },
  { name: "Canada", nameZh: "加拿大", sortOrder: 2 },
] as const;

export type SeedTerm = {
  slug: string;
  headword: string;
  abbreviation?: string;
  definition: string;
  /** The definition in the target language (Chinese), written for it, not machine-translated. */
  definitionTarget?: string;
  context: string;
  subjectField: string;
  stage: "draft" | "consultation";
  renderings: { text: string; pinyin: string; gloss: string; rationale: string }[];
};

const FIELD = "International relations; Asia-Pacific security";
const OFFERED =
  "Offered by Chinese scholars at the seminar (section 4.2), in answer to the Canadian request for a Chinese counterpart that keeps the concept's realism, pluralism and shared leadership.";

export const SEED_TERMS: SeedTerm[] = [
  {
    slug: "cso",
    headword: "consociational security order",
    abbreviation: "CSO",
    definition:
      "A relationship of mutual accommodation among unequal and culturally diverse groups that preserves each group’s relative autonomy and prevents the hegemony of any particular group.",
    definitionTarget: "实力不对等、文化多样的各群体之间相互包容的关系：既保持各群体的相对自主，又防止任何特定群体称霸。",
    context:
      "Proposed by a Canadian scholar (seminar section 2). Its four conditions: economic interdependence, equilibrium, institutions under shared leadership, and elite restraint. In section 4.2 the Canadian side asked for a Chinese counterpart stressing its realistic side, pluralism and the spirit of shared leadership; both sides agreed to keep a channel open to find the most appropriate translation.",
    subjectField: FIELD,
    stage: "consultation",
    renderings: [
      { text: "多元共存", pinyin: "duō yuán gòng cún", gloss: "many elements coexisting", rationale: OFFERED },
      { text: "多元共生", pinyin: "duō yuán gòng shēng", gloss: "many elements living symbiotically", rationale: OFFERED },
      { text: "多元共进", pinyin: "duō yuán gòng jìn", gloss: "many elements advancing together", rationale: OFFERED },
      { text: "多元共商", pinyin: "duō yuán gòng shāng", gloss: "many elements consulting together", rationale: OFFERED },
      {
        text: "多元•合作•共生",
        pinyin: "duō yuán · hé zuò · gòng shēng",
        gloss: "pluralism, cooperation, symbiosis",
        rationale: OFFERED,
      },
    ],
  },
  {
    slug: "opportunity-management",
    headword: "opportunity management",
    definition:
      "Like crisis management, but seeking cooperation: managing situations where players share mutual benefits yet are not necessarily cooperative on a given issue.",
    context: "Named among the Cooperative Security 2.0 Lexicon concepts (sections 3, 4.2 and 4.3).",
    subjectField: FIELD,
    stage: "draft",
    renderings: [],
  },
  {
    slug: "new-model-of-major-country-relationship",
    headword: "new model of major-country relationship",
    definition: "The relationship China's leadership seeks to develop with the major countries (section 1).",
    context:
      "A Canadian scholar raised the question of how to translate the term (section 1); the Canadian side names it “new model of great power relationship” among the lexicon concepts (section 4.2).",
    subjectField: FIELD,
    stage: "draft",
    renderings: [],
  },
  {
    slug: "empathy",
    headword: "empathy",
    definition: "The capacity to see the world from another’s perspective.",
    context:
      "A Canadian scholar links confidence, trust and empathy: confidence is a permissive condition for empathy, and empathy a necessary but not sufficient condition for trust (section 3).",
    subjectField: FIELD,
    stage: "draft",
    renderings: [],
  },
  {
    slug: "trust-building",
    headword: "trust building",
    abbreviation: "TBM (trust building mechanism)",
    definition: "Building at least a degree of trust between states, notably through trust building mechanisms (TBMs).",
    context: "Discussed in sections 1 and 3 as the way to bridge threat perception gaps.",
    subjectField: FIELD,
    stage: "draft",
    renderings: [],
  },
  {
    slug: "bottom-line-thinking",
    headword: "bottom-line thinking",
    definition: "Policy planning that fixes the limits which must not be crossed.",
    context: "Named as the fourth feature of China's new foreign policy (section 1).",
    subjectField: FIELD,
    stage: "draft",
    renderings: [],
  },
  {
    slug: "relative-security",
    headword: "relative security",
    definition: "Security sought as a matter of degree, as opposed to absolute security.",
    context: "A scholar called relative security a more realistic concept than absolute security (section 4.1).",
    subjectField: FIELD,
    stage: "draft",
    renderings: [],
  },
  {
    slug: "cooperative-security",
    headword: "cooperative security",
    definition: "Security pursued through cooperation and coordination among states rather than against one another.",
    context: "The seminar's theme; the Chinese side considers how to upgrade the concept to a new level (section 4.3).",
    subjectField: FIELD,
    stage: "draft",
    renderings: [],
  },
];
