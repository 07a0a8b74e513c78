import "server-only";
import path from "node:path";
import PDFDocument from "pdfkit";
import { MESSAGES, format } from "@/lib/i18n";
import { GRADE_LABELS, type Grade } from "@/lib/tally";
import { sealedRecordFacts, type RecordRendering } from "@/lib/decision-record/facts";
import { robustnessSentences } from "@/lib/decision-record/robustness-text";
import { getSealedDecision } from "@/server/decisions/service";
import { formatDateTime } from "@/lib/i18n/dates";
import type { DecisionRenderingRef } from "@/lib/schemas/decision";

/**
 * The printable bilingual record of a decision (GET /terms/{slug}/decisions/{id}/record.pdf):
 * A4, generated here with pdfkit, with Noto Sans Hans (SIL OFL, from @embedpdf/fonts-sc)
 * embedded as a subset of the glyphs used, so the Hanzi print and copy as text anywhere.
 * Everything comes from the frozen decision: its snapshot and its sealed ballots.
 */

const FONT_DIR = path.join(process.cwd(), "node_modules", "@embedpdf", "fonts-sc", "fonts");
// One weight: each font costs a parse of its ~8 MB file per document (measured: a second
// weight adds about half again to the generation time); headings differ by size.
const REGULAR = path.join(FONT_DIR, "NotoSansHans-Regular.otf");

const en = MESSAGES.en;
const zh = MESSAGES.zh;
/** "English / 中文" for a label that exists in both dictionaries. */
const both = (pick: (m: typeof en) => string) => `${pick(en)} / ${pick(zh)}`;
const grade = (g: Grade | null) => (g ? `${GRADE_LABELS[g].en} ${GRADE_LABELS[g].zh}` : "—");
/** The record is bilingual: the date as each language writes it. */
const utc = (iso: string) => `${formatDateTime(iso, "en")} / ${formatDateTime(iso, "zh")}`;

export type RecordPdf = { bytes: Buffer; filename: string };

export async function decisionRecordPdf(slug: string, id: string, siteUrl: string): Promise<RecordPdf> {
  const { decision, snapshot, term, frozen } = await getSealedDecision(slug, id);
  const results = snapshot.results;
  const { facts, textOf } = sealedRecordFacts({ decision, snapshot, frozen });

  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    font: REGULAR,
    info: { Title: `${term.headword} — ${decision.adopted.text}`, Subject: "Gongshang 共商 decision record", Creator: "Gongshang 共商" },
    lang: "en",
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });

  const h1 = (s: string) => doc.font(REGULAR).fontSize(19).text(s).moveDown(0.4);
  const h2 = (s: string) => doc.moveDown(0.6).font(REGULAR).fontSize(13).fillColor("#8a1c1c").text(s).fillColor("black").moveDown(0.2);
  const p = (s: string, size = 10.5) => doc.font(REGULAR).fontSize(size).text(s, { paragraphGap: 3 });
  const muted = (s: string) => doc.font(REGULAR).fontSize(9).fillColor("#555555").text(s, { paragraphGap: 2 }).fillColor("black");
  const field = (label: string, value: string) => {
    doc.font(REGULAR).fontSize(10.5).text(`${label}: `, { continued: true });
    doc.font(REGULAR).text(value, { paragraphGap: 3 });
  };
  // The synonym class and region of each form (issue 14), in both languages.
  const about = (r: DecisionRenderingRef) =>
    [r.synonymClass ? zh.records.classes[r.synonymClass] : "", r.region ? `${en.records.regions[r.region]}` : ""].filter(Boolean).join(", ");
  const renderingLine = (r: DecisionRenderingRef) => `${r.text}  ${r.pinyin}${about(r) ? `  (${about(r)})` : ""}`.trim();

  h1(`${both((m) => m.decisionRecord.record.heading)}`);
  field(both((m) => m.decisionRecord.record.headword), term.headword);
  doc.moveDown(0.3);
  doc.font(REGULAR).fontSize(10.5).text(both((m) => m.facilitation.decision.adopted));
  doc.font(REGULAR).fontSize(22).text(decision.adopted.text, { continued: true }).font(REGULAR).fontSize(12).text(`   ${decision.adopted.pinyin}`);
  if (about(decision.adopted)) muted(about(decision.adopted));
  doc.moveDown(0.2);
  for (const [label, list] of [
    ...(decision.regional.length > 0 ? ([[both((m) => m.records.regional), decision.regional]] as const) : []),
    [both((m) => m.facilitation.decision.admitted), decision.admitted],
    [both((m) => m.facilitation.decision.deprecated), decision.deprecated],
  ] as const) {
    field(label, list.length === 0 ? `${en.facilitation.decision.none} / ${zh.facilitation.decision.none}` : list.map(renderingLine).join("；  "));
  }
  field(both((m) => m.decisionRecord.record.decidedBy), decision.decidedBy);
  field(both((m) => m.decisionRecord.record.decidedAt), utc(decision.decidedAt));
  if (decision.supersededAt) field("Superseded / 已被取代", utc(decision.supersededAt));

  h2(en.decisionRecord.record.statementEn);
  p(decision.statementEn);
  h2(zh.decisionRecord.record.statementZh);
  p(decision.statementZh);

  h2(both((m) => m.decisionRecord.record.voters));
  p(format(en.decisionRecord.record.votersTotal, { count: facts.voters }) + " / " + format(zh.decisionRecord.record.votersTotal, { count: facts.voters }));
  if (facts.votersByDelegation) p(Object.entries(facts.votersByDelegation).map(([d, n]) => `${d}: ${n}`).join("    "));

  if (results.explanation) {
    h2(both((m) => m.decisionRecord.record.explanation));
    p(results.explanation.en);
    p(results.explanation.zh);
  }
  const robustEn = robustnessSentences(results, textOf, en.decisionRecord.robustness);
  if (robustEn.length > 0) {
    h2(both((m) => m.decisionRecord.record.robustness));
    for (const line of robustEn) p(line);
    for (const line of robustnessSentences(results, textOf, zh.decisionRecord.robustness)) p(line);
  }

  h2(both((m) => m.decisionRecord.record.medians));
  for (const r of facts.renderings) renderingEntry(r);

  if (facts.pairs.length > 0) {
    h2(both((m) => m.decisionRecord.record.pairwise));
    muted(`${en.decisionRecord.record.pairwiseHint} ${zh.decisionRecord.record.pairwiseHint}`);
    for (const pair of facts.pairs) p(`${textOf(pair.x)} > ${textOf(pair.y)}: ${pair.xy} – ${pair.yx}`, 10);
  }

  h2(both((m) => m.decisionRecord.seal.digest));
  if (decision.ballotsDigest) {
    p(decision.ballotsDigest, 10);
    const url = `${siteUrl}/api/terms/${slug}/decisions/${id}/ballots`;
    muted(`${en.decisionRecord.seal.download}: ${url}`);
    muted("npm run tally -- --digest ballots.json    ·    npm run tally -- ballots.json");
    muted(`${en.decisionRecord.seal.ownBallot} ${zh.decisionRecord.seal.ownBallot}`);
  } else {
    p(`${en.decisionRecord.seal.none} ${zh.decisionRecord.seal.none}`);
  }
  doc.end();
  await done;
  return { bytes: Buffer.concat(chunks), filename: `gongshang-${slug}-decision-${decision.decidedAt.slice(0, 10)}.pdf` };

  function renderingEntry(r: RecordRendering) {
    const role = r.role ? `  [${en.facilitation.decision[r.role]} · ${zh.facilitation.decision[r.role]}]` : "";
    doc.moveDown(0.2);
    doc.font(REGULAR).fontSize(11).text(`${r.rank ?? "–"}. ${r.text}`, { continued: true }).font(REGULAR).fontSize(10).text(`  ${r.pinyin}${role}`);
    if (r.rank === null) return;
    const medians = [`${en.decisionRecord.record.overall} ${zh.decisionRecord.record.overall}: ${grade(r.median)}`]
      .concat(facts.delegations.map((d) => `${d}: ${grade(r.medianByDelegation[d] ?? null)}`))
      .join("    ");
    p(medians, 9.5);
    for (const b of r.blocks) {
      const what =
        b.median === null
          ? `${format(en.decisionRecord.record.notGradedBy, { delegation: b.delegation })} / ${format(zh.decisionRecord.record.notGradedBy, { delegation: b.delegation })}`
          : `${format(en.decisionRecord.record.blockedBy, { delegation: b.delegation, median: GRADE_LABELS[b.median].en })} / ${format(zh.decisionRecord.record.blockedBy, { delegation: b.delegation, median: GRADE_LABELS[b.median].zh })}`;
      p(`  ${what}`, 9.5);
      for (const reason of b.reasons) {
        const voters = reason.voters > 1 ? ` ${format(en.decisionRecord.record.reasonVoters, { count: reason.voters })} / ${format(zh.decisionRecord.record.reasonVoters, { count: reason.voters })}` : "";
        p(`    “${reason.text}”${voters}`, 9.5);
      }
    }
  }
}
