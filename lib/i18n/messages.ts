// All interface messages, assembled from one file per area of the product (lib/i18n/messages/).
// Add an area: create messages/<area>.ts exporting `en` and `zh`, and list it here.
import * as core from "./messages/core";
import type { Widen } from "./types";

export const en = { ...core.en };
export const zh: Messages = { ...core.zh };

export type Messages = Widen<typeof en>;
