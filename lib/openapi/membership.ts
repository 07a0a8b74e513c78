import type { ApiOperation } from "@/lib/openapi/registry";
import { OVERLOADED, RATE_LIMITED, err } from "@/lib/openapi/responses";
import type { SchemaName } from "@/lib/openapi/schemas";

/** The API of the member's own profile and of invitations (listed in API_OPERATIONS). */
const json = (description: string, schema: SchemaName) => ({ description, content: { schema } });

export const MEMBERSHIP_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/me",
    tag: "Account",
    auth: "member",
    summary: "The caller's own profile (session or API token)",
    responses: { 200: json("The profile.", "Profile"), 401: err("Not signed in, or the token is wrong, revoked or its account disabled.") },
  },
  {
    method: "patch",
    path: "/api/me",
    tag: "Account",
    auth: "member",
    summary: "Update the caller's own profile; fields left out keep their value",
    description: "The delegation can only be changed by admins (delegationId); the role never here. An empty orcid removes it.",
    body: { schema: "ProfileUpdate" },
    responses: {
      200: json("The updated profile.", "Profile"),
      400: err("The body is not a JSON object."),
      401: err("Not signed in."),
      403: err("A delegation change by a non-admin, or a cross-site request."),
      409: err("The ORCID iD belongs to another account."),
      422: err("Invalid input; error.fields holds a code and an English message per field."),
      ...OVERLOADED,
    },
  },
  {
    method: "get",
    path: "/api/invites",
    tag: "Account",
    auth: "member",
    summary: "Invitations, newest first (facilitators and admins); the links themselves are never listed",
    responses: { 200: json("The invitations.", "InviteList"), 401: err("Not signed in."), 403: err("Not a facilitator.") },
  },
  {
    method: "post",
    path: "/api/invites",
    tag: "Account",
    auth: "member",
    summary: "Create an invitation link, or email invitations (facilitators invite scholars; admins any role; scholars their own delegation when the site allows it)",
    description:
      "With `emails` (one or many addresses, \"Name <a@b.org>\" allowed) each address gets its own single-use link by email, with the `name` and personal `note`, in `locale`; the answer then lists the invitations and holds no link.",
    body: { schema: "InviteInput" },
    responses: {
      201: json("{ url, invite }: the url holds the secret and is shown only this once; with emails: { invites }.", "CreatedInvite"),
      400: err("The body is not a JSON object."),
      401: err("Not signed in."),
      403: err("Not a facilitator; a facilitator inviting a facilitator or admin; or a cross-site request."),
      422: err("Invalid input; error.fields holds a code and an English message per field."),
      ...RATE_LIMITED,
      ...OVERLOADED,
    },
  },
  {
    method: "post",
    path: "/api/auth/password-reset",
    tag: "Account",
    auth: "public",
    summary: "Ask for a password-reset link by email",
    description: "Body { email }. The answer is the same 202 whether or not the address belongs to a member; a member gets an email in their language with a link that works once, for one hour. Limited per address and per client.",
    body: { schema: "ResetRequest" },
    responses: {
      202: json("Accepted, whoever the address belongs to.", "ResetAccepted"),
      400: err("The body is not a JSON object."),
      422: err("Not an email address."),
      429: err("Too many requests for this address or from this client; Retry-After says when to try again."),
      ...OVERLOADED,
    },
  },
  {
    method: "post",
    path: "/api/auth/password-reset/confirm",
    tag: "Account",
    auth: "public",
    summary: "Set a new password with a reset link's token; ends every session of the account",
    body: { schema: "ResetConfirm" },
    responses: {
      200: json("The password was changed.", "PasswordChanged"),
      400: err("The body is not a JSON object."),
      404: err("The token is not valid (error.reason reset_unknown)."),
      409: err("The link was already used (reset_used) or has expired (reset_expired)."),
      422: err("The password is too short or too long."),
      ...OVERLOADED,
    },
  },
  {
    method: "post",
    path: "/api/unsubscribe/{token}",
    tag: "Account",
    auth: "public",
    summary: "One-click unsubscribe (RFC 8058) from one kind of notification email",
    description: "The List-Unsubscribe address of every notification email. The signed token names the member and the kind; no session is needed.",
    responses: { 200: json("Unsubscribed from that kind of email.", "Unsubscribed"), 404: err("The link is not valid."), ...OVERLOADED },
  },
];
