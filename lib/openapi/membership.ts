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
      422: err("Invalid input; error.fields holds a message per field."),
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
    summary: "Create an invitation link (facilitators invite scholars; admins any role)",
    body: { schema: "InviteInput" },
    responses: {
      201: json("The url holds the secret and is shown only this once.", "CreatedInvite"),
      400: err("The body is not a JSON object."),
      401: err("Not signed in."),
      403: err("Not a facilitator; a facilitator inviting a facilitator or admin; or a cross-site request."),
      422: err("Invalid input; error.fields holds a message per field."),
      ...RATE_LIMITED,
      ...OVERLOADED,
    },
  },
];
