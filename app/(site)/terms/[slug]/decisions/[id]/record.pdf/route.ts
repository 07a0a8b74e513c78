import { apiRoute } from "@/server/http/api-route";
import { decisionRecordPdf } from "@/server/decisions/record-pdf";
import { readerGate } from "@/server/membership/access";
import { siteUrl } from "@/server/site/url";

export const dynamic = "force-dynamic";

/** The printable bilingual record of a decision (A4 PDF, CJK font embedded as a subset). */
export const GET = apiRoute<{ slug: string; id: string }>(async (req, { params }) => {
  await readerGate(req);
  const { slug, id } = await params;
  const pdf = await decisionRecordPdf(slug, id, siteUrl());
  return new Response(new Uint8Array(pdf.bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${pdf.filename}"`,
      "Cache-Control": "private, no-cache",
    },
  });
});
