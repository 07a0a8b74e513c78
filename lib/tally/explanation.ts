import { GRADE_LABELS, GRADES, type Grade } from "./grades";
import type { Witness } from "./robustness";
import type { Explanation, Results } from "./schema";

/**
 * The results in plain words, one short paragraph per UI language (issue 15): the consensus
 * or its absence, who blocks the renderings ranked above it (or the leader) and why, what has
 * not been graded yet, how robust the call is, and whether the medians alone would pick
 * another leader than the Schulze ranking. Pure; delegation names are the stored ones unless
 * `names` gives the reader's (the term page passes its labels).
 */
export type DelegationNames = { en?: Record<string, string>; zh?: Record<string, string> };

type Core = Omit<Results, "explanation">;

/** Renderings ranked above the consensus named in the paragraph; the rest are counted. */
const NAMED_ABOVE = 3;
const REASON_CHARS = 80;

export function explain(results: Core, witness: Witness | null, names: DelegationNames = {}): Explanation {
  return { en: paragraph(results, witness, EN, names.en ?? {}), zh: paragraph(results, witness, ZH, names.zh ?? {}) };
}

type Words = typeof EN;

function paragraph(results: Core, witness: Witness | null, w: Words, names: Record<string, string>): string {
  const text = (id: string) => w.rendering(results.renderings[id]?.text ?? id);
  const del = (name: string) => names[name] ?? name;
  const { robustness, consensus, ranking } = results;
  if (results.voters === 0 || ranking.length === 0) return w.noBallots;

  const standing = (id: string) => {
    const r = results.renderings[id]!;
    const blocks = r.blockedBy.map((b) => w.block(del(b.delegation), w.grade(b.median), b.reasons[0] && clip(b.reasons[0].text)));
    const parts = [];
    if (blocks.length > 0) parts.push(w.blockedBy(w.list(blocks)));
    if (r.notYetGradedBy.length > 0) parts.push(w.notYetGradedBy(w.list(r.notYetGradedBy.map(del))));
    return w.list(parts);
  };

  const sentences: string[] = [];
  if (consensus !== null) {
    sentences.push(w.consensus(text(consensus)));
    const above = ranking.slice(0, ranking.indexOf(consensus));
    for (const id of above.slice(0, NAMED_ABOVE)) sentences.push(w.rankedHigher(text(id), standing(id)));
    if (above.length > NAMED_ABOVE) sentences.push(w.moreAbove(above.length - NAMED_ABOVE));
    sentences.push(robust(results, witness, w, text, del));
  } else {
    sentences.push(w.noConsensus);
    const leader = ranking[0]!;
    sentences.push(w.leader(text(leader), standing(leader)));
    const needs = Object.entries(robustness.blockMargin).map(([d, count]) =>
      results.renderings[leader]!.notYetGradedBy.includes(d) ? w.mustGrade(del(d), count) : w.mustRise(del(d), count),
    );
    if (needs.length > 0) sentences.push(w.toQualify(w.list(needs)));
    if (witness?.kind === "qualify" && witness.rendering !== leader && robustness.ballotsToChange !== null)
      sentences.push(w.nearest(text(witness.rendering), robustness.ballotsToChange));
  }
  const disagreement = medianDisagreement(results);
  if (disagreement) sentences.push(w.disagree(disagreement.leaders.map(text), w.grade(disagreement.median), text(ranking[0]!)));
  return sentences.join(w.space);
}

function robust(results: Core, witness: Witness | null, w: Words, text: (id: string) => string, del: (d: string) => string): string {
  const { blockMargin, ballotsToChange, exact, consensus } = results.robustness;
  // The delegation the witness names, else the first with the smallest margin.
  const entries = Object.entries(blockMargin);
  const weakest =
    witness?.kind === "block"
      ? entries.find(([d]) => d === witness.delegation)
      : entries.sort(([, a], [, b]) => a - b)[0];
  if (!consensus || !weakest || ballotsToChange === null) return "";
  const [delegation, margin] = weakest;
  const block = w.blockMargin(margin, del(delegation), text(consensus));
  if (witness?.kind === "overtake") {
    const raised = Object.values(witness.lift).some((count) => count > 0);
    const how = !raised ? w.overtake : witness.swaps === 0 ? w.unblock : w.unblockAndOvertake;
    return `${block}${w.but}${how(ballotsToChange, text(witness.rendering), exact)}`;
  }
  return `${block}${exact ? w.noFewer : w.upperBound}`;
}

/** The renderings with the highest overall median, when the Schulze leader is not among them. */
function medianDisagreement(results: Core): { leaders: string[]; median: Grade } | null {
  const rank = (g: Grade | null) => (g === null ? -1 : GRADES.indexOf(g));
  const top = Math.max(...results.ranking.map((id) => rank(results.renderings[id]!.median)));
  if (top < 0) return null;
  const leaders = results.ranking.filter((id) => rank(results.renderings[id]!.median) === top);
  if (leaders.includes(results.ranking[0]!)) return null;
  return { leaders, median: GRADES[top]! };
}

function clip(reason: string): string {
  const chars = [...reason.replace(/\s+/g, " ")];
  return chars.length > REASON_CHARS ? `${chars.slice(0, REASON_CHARS - 1).join("")}…` : chars.join("");
}

const ballots = (count: number) => (count === 1 ? "1 ballot" : `${count} ballots`);

const EN = {
  space: " ",
  but: "; but ",
  rendering: (t: string) => t,
  grade: (g: Grade) => GRADE_LABELS[g].en.toLowerCase(),
  list: (items: string[]) =>
    items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`,
  noBallots: "Nobody has graded these renderings yet, so there is no consensus.",
  consensus: (t: string) => `The consensus is ${t}: the highest-ranked rendering that every delegation finds acceptable or better.`,
  rankedHigher: (t: string, why: string) => `${t} is ranked higher but ${why}.`,
  moreAbove: (count: number) => `${count} more renderings ranked higher are blocked or not yet graded too.`,
  blockedBy: (blocks: string) => `blocked by ${blocks}`,
  block: (d: string, median: string, reason: string | undefined) =>
    reason ? `${d} (median ${median}; “${reason}”)` : `${d} (median ${median})`,
  notYetGradedBy: (ds: string) => `not yet graded by ${ds}`,
  blockMargin: (count: number, d: string, t: string) =>
    `${ballots(count)} of the ${d} delegation would have to change for ${t} to stop being acceptable to it`,
  noFewer: ", and no change of fewer ballots would alter the consensus.",
  upperBound: "; a change of fewer ballots could perhaps alter the consensus through the Schulze ranking (that many is an upper bound).",
  overtake: (count: number, t: string, exact: boolean) =>
    `${exact ? "" : "at most "}${ballots(count)} changed could let ${t}, also acceptable to every delegation, overtake it in the Schulze ranking.`,
  unblock: (count: number, t: string, exact: boolean) =>
    `${exact ? "" : "at most "}${ballots(count)} changed could make ${t}, which beats it in the Schulze ranking, acceptable to every delegation.`,
  unblockAndOvertake: (count: number, t: string, exact: boolean) =>
    `${exact ? "" : "at most "}${ballots(count)} changed could make ${t} acceptable to every delegation and let it overtake it in the Schulze ranking.`,
  noConsensus: "There is no consensus yet: no rendering is acceptable to every delegation that has voted.",
  leader: (t: string, why: string) => `The leader, ${t}, is ${why}.`,
  mustRise: (d: string, count: number) => `${ballots(count)} of the ${d} delegation would have to rise to acceptable`,
  mustGrade: (d: string, count: number) => `${count === 1 ? "a voter" : `${count} voters`} of the ${d} delegation would have to grade it`,
  toQualify: (needs: string) => `For it to qualify, ${needs}.`,
  nearest: (t: string, count: number) => `Nearest to a consensus is ${t}: ${ballots(count)} changed would make it acceptable to every delegation.`,
  disagree: (leaders: string[], median: string, first: string) =>
    `By median grade alone ${EN.list(leaders)} would lead (median ${median}); the Schulze ranking puts ${first} first, because more voters prefer it in pairwise comparisons.`,
};

const ZH: Words = {
  space: "",
  but: "；但",
  rendering: (t) => `“${t}”`,
  grade: (g) => GRADE_LABELS[g].zh,
  list: (items) => (items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join("、")}和${items[items.length - 1]}`),
  noBallots: "尚无人为这些译名评分，因此没有共识。",
  consensus: (t) => `共识是${t}：每个代表团都认为可接受或更好的译名中排名最高的一个。`,
  rankedHigher: (t, why) => `${t}排名更高，但${why}。`,
  moreAbove: (count) => `另有 ${count} 个排名更高的译名同样被否决或尚未评分。`,
  blockedBy: (blocks) => `被${blocks}否决`,
  block: (d, median, reason) => (reason ? `${d}（中位评分：${median}；“${reason}”）` : `${d}（中位评分：${median}）`),
  notYetGradedBy: (ds) => `${ds}尚未评分`,
  blockMargin: (count, d, t) => `${d}代表团须有 ${count} 张选票改变，${t}才会不再为其所接受`,
  noFewer: "；改变更少的选票不会改变共识。",
  upperBound: "；改变更少的选票也许会通过舒尔策排名改变共识（这个数目是上限）。",
  overtake: (count, t, exact) => `只需改变${exact ? "" : "至多"} ${count} 张选票，同样为各方接受的${t}就可能在舒尔策排名中超过它。`,
  unblock: (count, t, exact) => `只需改变${exact ? "" : "至多"} ${count} 张选票，在舒尔策排名中胜过它的${t}就可能为各方所接受。`,
  unblockAndOvertake: (count, t, exact) => `只需改变${exact ? "" : "至多"} ${count} 张选票，${t}就可能为各方所接受，并在舒尔策排名中超过它。`,
  noConsensus: "尚未达成共识：没有一个译名能被每个已投票的代表团接受。",
  leader: (t, why) => `排名第一的是${t}，${why}。`,
  mustRise: (d, count) => `${d}代表团须有 ${count} 张选票提高到“可接受”`,
  mustGrade: (d, count) => `${d}代表团须有 ${count} 人为它评分`,
  toQualify: (needs) => `要让它为各方所接受，${needs}。`,
  nearest: (t, count) => `最接近共识的是${t}：改变 ${count} 张选票即可让各方都接受它。`,
  disagree: (leaders, median, first) =>
    `若只看中位评分，领先的是${ZH.list(leaders)}（中位评分：${median}）；舒尔策排名把${first}排在第一，因为在两两比较中更多投票人更偏好它。`,
};
