import { LEXICON_FORMAT, type LexiconExport } from "@/lib/schemas/lexicon";

/** A small lexicon for the serializers' tests: one decided term, one open, one without renderings. */
export function sampleLexicon(): LexiconExport {
  return {
    format: LEXICON_FORMAT,
    version: 1,
    title: "Cooperative Security 2.0 Lexicon",
    generatedAt: "2026-03-01T12:00:00.000Z",
    entries: [
      {
        slug: "cso",
        headword: "consociational security order",
        abbreviation: "CSO",
        definition: "A relationship of mutual accommodation among unequal groups.",
        context: "Proposed by a Canadian scholar, \"seminar\" section 2 & 4.2 <draft>.",
        source: "Seminar summary, 2013",
        subjectField: "International relations",
        sourceLang: "en",
        targetLang: "zh-Hans",
        stage: "published",
        createdAt: "2026-01-01T00:00:00.000Z",
        updatedAt: "2026-02-01T00:00:00.000Z",
        decision: {
          id: "d1",
          decidedAt: "2026-02-01T10:00:00.000Z",
          decidedBy: "Facilitator Wang",
          statementEn: "Adopted after two rounds, with both delegations' support.",
          statementZh: "经两轮评分，两国代表团均支持。",
        },
        renderings: [
          { id: "r4", text: "多元共商", traditional: "多元共商", pinyin: "duō yuán gòng shāng", gloss: "many elements consulting together", rationale: "", status: "preferred" },
          { id: "r2", text: "多元共生", traditional: "多元共生", pinyin: "duō yuán gòng shēng", gloss: "many elements living symbiotically", rationale: "", status: "admitted" },
          { id: "r3", text: "多元共进", traditional: "多元共進", pinyin: "duō yuán gòng jìn", gloss: "many elements advancing together", rationale: "", status: "deprecated" },
        ],
      },
      {
        slug: "empathy",
        headword: "empathy",
        abbreviation: null,
        definition: "",
        context: "",
        source: "",
        subjectField: "",
        sourceLang: "en",
        targetLang: "zh-Hans",
        stage: "consultation",
        createdAt: "2026-01-02T00:00:00.000Z",
        updatedAt: "2026-01-02T00:00:00.000Z",
        decision: null,
        renderings: [
          { id: "r9", text: "同理心", traditional: "同理心", pinyin: "tóng lǐ xīn", gloss: "same-reason heart", rationale: "=common usage, \"widely\" read", status: "candidate" },
        ],
      },
      {
        slug: "2nd-track",
        headword: "second-track dialogue",
        abbreviation: null,
        definition: "Talks among scholars, not officials.",
        context: "",
        source: "",
        subjectField: "",
        sourceLang: "en",
        targetLang: "zh-Hans",
        stage: "draft",
        createdAt: "2026-01-03T00:00:00.000Z",
        updatedAt: "2026-01-03T00:00:00.000Z",
        decision: null,
        renderings: [],
      },
    ],
  };
}
