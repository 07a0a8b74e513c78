import { termViewerSchema } from "@/lib/schemas/term-viewer";
import { z } from "@/lib/zod";
import { ballotInputSchema, ballotViewSchema } from "@/lib/schemas/ballot";
import { lexiconExportSchema } from "@/lib/schemas/lexicon";
import { termDetailSchema, termListSchema } from "@/lib/schemas/term";
import { ballotExportSchema, resultsSchema } from "@/lib/tally";
import { STATUS_OF } from "@/lib/errors";
import { LOCALES } from "@/lib/i18n";
import { TERM_EVENT_TYPES } from "@/lib/live";
import { editRenderingSchema, proposeRenderingSchema } from "@/lib/schemas/rendering";
import { editCommentSchema, newCommentSchema } from "@/lib/schemas/comment";
import { createTermSchema, editTermSchema, moveStageSchema } from "@/lib/schemas/term-input";
import { hideInputSchema, mergeInputSchema } from "@/lib/schemas/moderation";
import { decisionViewSchema, recordDecisionSchema } from "@/lib/schemas/decision";
import { renderingSchema, termRecordSchema } from "@/lib/schemas/term";
import { commentViewSchema } from "@/lib/schemas/comment";
import { mergeResultSchema } from "@/lib/schemas/moderation";
import { decisionDetailSchema, decisionListSchema } from "@/lib/schemas/decision";
import { profileSchema, profileUpdateSchema } from "@/lib/schemas/account";
import { passwordChangedSchema, resetAcceptedSchema, resetConfirmSchema, resetRequestSchema, unsubscribedSchema } from "@/lib/schemas/password-reset";
import { inviteCreatedSchema, inviteListSchema, inviteRequestSchema } from "@/lib/schemas/invite";
import { auditPageSchema } from "@/lib/schemas/audit";
import { importRefusalSchema, importReportSchema } from "@/lib/schemas/lexicon-import";

/**
 * The named schemas of the API description (components.schemas), each the zod schema the code
 * itself validates with. `io: "input"` describes what a client sends (before defaults and
 * transforms), `output` what the server returns.
 */

/** The one error shape of the API (server/http/api-route.ts). */
export const apiErrorSchema = z.object({
  error: z
    .object({
      code: z.enum([...(Object.keys(STATUS_OF) as [string, ...string[]]), "internal"]),
      message: z.string().describe("A readable sentence (English)."),
      fields: z
        .record(
          z.string(),
          z.object({
            code: z.string().describe('A stable code to switch on ("reason_required", "email_taken", …).'),
            message: z.string().describe("The code's text in English."),
          }),
        )
        .optional()
        .describe("The refused fields, keyed by input path (\"reasons.r1\", \"email\")."),
    })
    .catchall(z.unknown()),
});

export const healthSchema = z.object({
  status: z.enum(["ok", "unavailable"]),
  database: z.object({ ok: z.boolean(), provider: z.enum(["sqlite", "postgresql"]) }),
});

export const localeFormSchema = z.object({ locale: z.enum(LOCALES) });

export const termEventSchema = z
  .string()
  .describe(
    `A text/event-stream. Events: ready (on connect), ${TERM_EVENT_TYPES.join(", ")}; each has an id (resume with Last-Event-ID) and a JSON data line saying what changed.`,
  );

/** This document itself (GET /api/openapi.json): its outline; the OpenAPI 3.1 specification has the rest. */
export const openApiDocumentSchema = z
  .object({
    openapi: z.literal("3.1.0"),
    info: z.object({ title: z.string(), version: z.string() }).catchall(z.unknown()),
    jsonSchemaDialect: z.string(),
    paths: z.record(z.string(), z.record(z.string(), z.object({}).catchall(z.unknown()))),
    components: z.object({ schemas: z.record(z.string(), z.unknown()) }).catchall(z.unknown()),
  })
  .catchall(z.unknown());

/** NextAuth.js's own JSON answers (session, csrf, providers, …): objects whose shape NextAuth.js documents. */
export const nextAuthJsonSchema = z.object({}).catchall(z.unknown()).describe("See https://next-auth.js.org/getting-started/rest-api");

export const SCHEMAS = {
  ApiError: { schema: apiErrorSchema, io: "output" },
  Health: { schema: healthSchema, io: "output" },
  TermList: { schema: termListSchema, io: "output" },
  TermDetail: { schema: termDetailSchema, io: "output" },
  BallotInput: { schema: ballotInputSchema, io: "input" },
  BallotView: { schema: ballotViewSchema, io: "output" },
  TermViewer: { schema: termViewerSchema, io: "output" },
  BallotExport: { schema: ballotExportSchema, io: "output" },
  Results: { schema: resultsSchema, io: "output" },
  LexiconExport: { schema: lexiconExportSchema, io: "output" },
  LocaleForm: { schema: localeFormSchema, io: "input" },
  TermEvents: { schema: termEventSchema, io: "output" },
  ProposeRendering: { schema: proposeRenderingSchema, io: "input" },
  EditRendering: { schema: editRenderingSchema, io: "input" },
  Rendering: { schema: renderingSchema, io: "output" },
  NewComment: { schema: newCommentSchema, io: "input" },
  EditComment: { schema: editCommentSchema, io: "input" },
  CreateTerm: { schema: createTermSchema, io: "input" },
  EditTerm: { schema: editTermSchema, io: "input" },
  MoveStage: { schema: moveStageSchema, io: "input" },
  MergeInput: { schema: mergeInputSchema, io: "input" },
  HideInput: { schema: hideInputSchema, io: "input" },
  RecordDecision: { schema: recordDecisionSchema, io: "input" },
  Decision: { schema: decisionViewSchema, io: "output" },
  DecisionList: { schema: decisionListSchema, io: "output" },
  DecisionDetail: { schema: decisionDetailSchema, io: "output" },
  TermRecord: { schema: termRecordSchema, io: "output" },
  Comment: { schema: commentViewSchema, io: "output" },
  MergeResult: { schema: mergeResultSchema, io: "output" },
  Profile: { schema: profileSchema, io: "output" },
  ProfileUpdate: { schema: profileUpdateSchema, io: "input" },
  InviteList: { schema: inviteListSchema, io: "output" },
  InviteInput: { schema: inviteRequestSchema, io: "input" },
  ResetRequest: { schema: resetRequestSchema, io: "input" },
  ResetAccepted: { schema: resetAcceptedSchema, io: "output" },
  ResetConfirm: { schema: resetConfirmSchema, io: "input" },
  PasswordChanged: { schema: passwordChangedSchema, io: "output" },
  Unsubscribed: { schema: unsubscribedSchema, io: "output" },
  CreatedInvite: { schema: inviteCreatedSchema, io: "output" },
  AuditPage: { schema: auditPageSchema, io: "output" },
  OpenApiDocument: { schema: openApiDocumentSchema, io: "output" },
  NextAuthJson: { schema: nextAuthJsonSchema, io: "output" },
  ImportReport: { schema: importReportSchema, io: "output" },
  ImportRefusal: { schema: importRefusalSchema, io: "output" },
} as const satisfies Record<string, { schema: z.ZodType; io: "input" | "output" }>;

export type SchemaName = keyof typeof SCHEMAS;
