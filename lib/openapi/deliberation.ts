import type { ApiOperation } from "@/lib/openapi/registry";
import { OVERLOADED, RATE_LIMITED, READ_GATE, err } from "@/lib/openapi/responses";
import type { SchemaName } from "@/lib/openapi/schemas";

/**
 * The API of proposals, discussion and facilitation (listed in API_OPERATIONS). Inputs are the
 * zod schemas the services parse with; refused fields come back as message codes
 * (error.fields), the same codes the forms translate.
 */
const json = (description: string, schema: SchemaName) => ({ description, content: { schema } });
const WRITE_ERRORS = {
  400: err("The body is not a JSON object."),
  401: err("Not signed in."),
  ...OVERLOADED,
};
const FACILITATOR = { 403: err("Only facilitators (or admins) may do this; or a cross-site request.") };
const INVALID = { 422: err("Invalid input; error.fields holds a code and an English message per field.") };

export const DELIBERATION_OPERATIONS: ApiOperation[] = [
  {
    method: "post",
    path: "/api/terms",
    tag: "Facilitation",
    auth: "member",
    summary: "Create a term (facilitators); it starts as a draft",
    body: { schema: "CreateTerm" },
    responses: { 201: json("The term's fields.", "TermRecord"), ...WRITE_ERRORS, ...FACILITATOR, 409: err("The slug is taken."), ...INVALID },
  },
  {
    method: "patch",
    path: "/api/terms/{slug}",
    tag: "Facilitation",
    auth: "member",
    summary: "Edit a term's fields (facilitators; any subset, the slug stays)",
    body: { schema: "EditTerm" },
    responses: { 200: json("The term's fields.", "TermRecord"), ...WRITE_ERRORS, ...FACILITATOR, 404: err("No such term."), ...INVALID },
  },
  {
    method: "post",
    path: "/api/terms/{slug}/stage",
    tag: "Facilitation",
    auth: "member",
    summary: "Move a term to another stage, with an optional consultation deadline (facilitators)",
    description:
      "draft→consultation, consultation→provisional, provisional→consultation, published→consultation (reopen; earlier decisions stay), consultation→draft while nobody has voted. Publishing happens by recording a decision. When a deadline passes, the term moves to provisional on the next access. A step back (to draft, or to consultation from provisional or published, which reopens the vote) needs `confirmBack: true`; without it the answer is 422 with `error.reason` `confirm_required` (and `error.fields.confirmBack`).",
    body: { schema: "MoveStage" },
    responses: {
      200: json("The term's fields.", "TermRecord"),
      ...WRITE_ERRORS,
      ...FACILITATOR,
      404: err("No such term."),
      409: err("Ballots exist (back to draft), or the stage changed meanwhile."),
      422: err("Invalid input (error.fields holds message codes per field), or a step back without confirmBack (error.reason confirm_required)."),
    },
  },
  {
    method: "post",
    path: "/api/terms/{slug}/renderings",
    tag: "Proposals",
    auth: "member",
    summary: "Propose a rendering (scholars of a delegation, during consultation)",
    description: "Pinyin is derived with tone marks when left out. region (CN, TW, HK, MO, SG) and synonymClass (the proposer's suggestion) are optional; other values are refused with region_invalid / synonym_class_invalid. A duplicate (same normalized key: NFKC, separators and spaces removed, traditional folded to simplified) is a 409 with existingId.",
    body: { schema: "ProposeRendering" },
    responses: {
      201: { description: "The rendering, with its pinyin.", content: { schema: "Rendering" } },
      ...WRITE_ERRORS,
      403: err("Not in consultation (stage_closed), no delegation, or a cross-site request."),
      404: err("No such term."),
      409: err("A duplicate: error.existingId (and error.existing) name the rendering to grade instead."),
      ...INVALID,
      ...RATE_LIMITED,
    },
  },
  {
    method: "patch",
    path: "/api/renderings/{id}",
    tag: "Proposals",
    auth: "member",
    summary: "Edit the gloss, rationale or pinyin of one's own rendering (during consultation)",
    body: { schema: "EditRendering" },
    responses: { 200: { description: "The rendering.", content: { schema: "Rendering" } }, ...WRITE_ERRORS, 403: err("Not the proposer, or not in consultation."), 404: err("No such rendering."), 409: err("No longer active."), ...INVALID },
  },
  {
    method: "delete",
    path: "/api/renderings/{id}",
    tag: "Proposals",
    auth: "member",
    summary: "Withdraw one's own rendering while no other scholar has graded it",
    responses: { 200: { description: "The withdrawn rendering.", content: { schema: "Rendering" } }, 401: err("Not signed in."), ...OVERLOADED, 403: err("Not the proposer, or not in consultation."), 404: err("No such rendering."), 409: err("Graded by others (reason graded_by_others), or no longer active.") },
  },
  {
    method: "post",
    path: "/api/renderings/{id}/comments",
    tag: "Discussion",
    auth: "member",
    summary: "Comment on a rendering: for, against or a question; parentId makes it a reply (one level deep)",
    body: { schema: "NewComment" },
    responses: { 201: json("The comment.", "Comment"), ...WRITE_ERRORS, 403: err("Discussion closed at this stage, or a cross-site request."), 404: err("No such rendering or parent comment."), ...INVALID, ...RATE_LIMITED },
  },
  {
    method: "patch",
    path: "/api/comments/{id}",
    tag: "Discussion",
    auth: "member",
    summary: "Edit one's own comment (marked as edited)",
    body: { schema: "EditComment" },
    responses: { 200: json("The comment.", "Comment"), ...WRITE_ERRORS, 403: err("Not the author, or discussion closed."), 404: err("No such comment."), ...INVALID },
  },
  {
    method: "delete",
    path: "/api/comments/{id}",
    tag: "Discussion",
    auth: "member",
    summary: "Delete one's own comment",
    responses: { 204: { description: "Deleted." }, 401: err("Not signed in."), ...OVERLOADED, 403: err("Not the author."), 404: err("No such comment.") },
  },
  {
    method: "post",
    path: "/api/renderings/{id}/merge",
    tag: "Facilitation",
    auth: "member",
    summary: "Merge a duplicate rendering into another (facilitators): grades move, the higher grade stays; comments move with a note",
    body: { schema: "MergeInput" },
    responses: { 201: json("What the merge did.", "MergeResult"), ...WRITE_ERRORS, ...FACILITATOR, 404: err("No such rendering."), 409: err("Not active."), ...INVALID },
  },
  {
    method: "post",
    path: "/api/merges/{id}/undo",
    tag: "Facilitation",
    auth: "member",
    summary: "Undo a merge (admins)",
    responses: { 200: json("What the undo restored.", "MergeResult"), 401: err("Not signed in."), ...OVERLOADED, 403: err("Only admins."), 404: err("No such merge."), 409: err("Undone already, or changed since.") },
  },
  ...(["renderings", "comments"] as const).flatMap((kind): ApiOperation[] => [
    {
      method: "post",
      path: `/api/${kind}/{id}/hide`,
      tag: "Facilitation",
      auth: "member",
      summary: `Hide an abusive ${kind.slice(0, -1)} (facilitators); its author is told`,
      body: { schema: "HideInput" },
      responses: { 204: { description: "Hidden." }, ...WRITE_ERRORS, ...FACILITATOR, 404: err("Not found."), 409: err("Hidden already.") },
    },
    {
      method: "delete",
      path: `/api/${kind}/{id}/hide`,
      tag: "Facilitation",
      auth: "member",
      summary: `Restore a hidden ${kind.slice(0, -1)} (admins)`,
      responses: { 204: { description: "Restored." }, 401: err("Not signed in."), ...OVERLOADED, 403: err("Only admins."), 404: err("Not found."), 409: err("Not hidden.") },
    },
  ]),
  {
    method: "post",
    path: "/api/terms/{slug}/decision",
    tag: "Decisions",
    auth: "member",
    summary: "Record the decision on a provisional term, which publishes it (facilitators)",
    description:
      "The adopted rendering (正名), adopted regional variants (regionalIds: renderings with a region, at most one per region), admitted and deprecated ones, the synonym class of each (synonymClasses: rendering id → standard, alternative, short, full, common, former; defaults 正名 / 又称 / none), and the statements. Errors are codes per field: regional_needs_region, region_adopted_twice, class_not_for_place, class_for_unlisted, …",
    body: { schema: "RecordDecision" },
    responses: { 201: { description: "The decision.", content: { schema: "Decision" } }, ...WRITE_ERRORS, 403: err("Only facilitators, or the term is not provisional (stage_closed)."), 404: err("No such term."), 409: err("The term changed meanwhile."), ...INVALID },
  },
  {
    method: "get",
    path: "/api/terms/{slug}/decisions",
    tag: "Decisions",
    auth: "public",
    summary: "Every decision of the term, newest first (superseded ones marked)",
    responses: { 200: json("The decisions.", "DecisionList"), ...READ_GATE, 404: err("No such term.") },
  },
  {
    method: "get",
    path: "/api/terms/{slug}/decisions/{id}",
    tag: "Decisions",
    auth: "public",
    summary: "One decision with the frozen snapshot of the results it rests on, and ballotsDigest",
    responses: { 200: json("The decision and its snapshot.", "DecisionDetail"), ...READ_GATE, 404: err("No such decision.") },
  },
  {
    method: "get",
    path: "/api/terms/{slug}/decisions/{id}/ballots",
    tag: "Decisions",
    auth: "public",
    summary:
      "The anonymized ballot export the decision froze, as its RFC 8785 canonical JSON: its SHA-256 is the decision's ballotsDigest, and `npm run tally` recounts it to the snapshot's results",
    responses: {
      200: { description: "The frozen export (the format of GET /api/terms/{slug}/ballots).", content: { schema: "BallotExport" } },
      404: err("No such decision, or one recorded before decisions were sealed."),
    },
  },
  {
    method: "get",
    path: "/api/audit",
    tag: "Facilitation",
    auth: "member",
    summary: "The audit log (admins): who, what, when, before and after; newest first",
    query: [
      { name: "before", description: "Entries older than this id (the `next` of the previous page).", schema: { type: "string" } },
      { name: "limit", description: "Page size, up to 200 (default 50).", schema: { type: "string" } },
    ],
    responses: { 200: json("A page of entries.", "AuditPage"), 401: err("Not signed in."), 403: err("Only admins.") },
  },
];
