// All interface messages, assembled from one file per area of the product (lib/i18n/messages/).
// Add an area: create messages/<area>.ts exporting `en` and `zh`, and list it here.
import * as core from "./messages/core";
import * as auth from "./messages/auth";
import * as ballot from "./messages/ballot";
import * as live from "./messages/live";
import * as downloads from "./messages/exports";
import * as proposal from "./messages/proposal";
import * as discussion from "./messages/discussion";
import * as facilitation from "./messages/facilitation";
import * as forms from "./messages/forms";
import * as account from "./messages/account";
import * as admin from "./messages/admin";
import * as imports from "./messages/imports";
import * as record from "./messages/record";
import * as reset from "./messages/reset";
import * as notices from "./messages/notices";
import * as audit from "./messages/audit";
import * as records from "./messages/records";
import * as codes from "./messages/codes";
import type { Widen } from "./types";

export const en = { ...core.en, auth: auth.en, ballot: ballot.en, live: live.en, exports: downloads.en, proposal: proposal.en, discussion: discussion.en, facilitation: facilitation.en, forms: forms.en, account: account.en, admin: admin.en, imports: imports.en, decisionRecord: record.en, reset: reset.en, notices: notices.en, audit: audit.en, records: records.en, codes: codes.en };
export const zh: Messages = { ...core.zh, auth: auth.zh, ballot: ballot.zh, live: live.zh, exports: downloads.zh, proposal: proposal.zh, discussion: discussion.zh, facilitation: facilitation.zh, forms: forms.zh, account: account.zh, admin: admin.zh, imports: imports.zh, decisionRecord: record.zh, reset: reset.zh, notices: notices.zh, audit: audit.zh, records: records.zh, codes: codes.zh };

export type Messages = Widen<typeof en>;
