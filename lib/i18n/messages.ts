// All interface messages, assembled from one file per area of the product (lib/i18n/messages/).
// Add an area: create messages/<area>.ts exporting `en` and `zh`, and list it here.
import * as core from "./messages/core";
import * as auth from "./messages/auth";
import * as ballot from "./messages/ballot";
import * as live from "./messages/live";
import * as downloads from "./messages/exports";
import * as account from "./messages/account";
import * as admin from "./messages/admin";
import type { Widen } from "./types";

export const en = { ...core.en, auth: auth.en, ballot: ballot.en, live: live.en, exports: downloads.en, account: account.en, admin: admin.en };
export const zh: Messages = { ...core.zh, auth: auth.zh, ballot: ballot.zh, live: live.zh, exports: downloads.zh, account: account.zh, admin: admin.zh };

export type Messages = Widen<typeof en>;
