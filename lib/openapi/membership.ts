import type { ApiOperation } from "@/lib/openapi/registry";
import { OVERLOADED } from "@/lib/openapi/responses";

/** The API of the member's own profile and of invitations (listed in API_OPERATIONS). */
const JSON_TYPE = "application/json";
const err = (description: string) => ({ description, content: { schema: "ApiError" as const } });
const json = (description: string) => ({ description, content: { type: JSON_TYPE, description } });

export const MEMBERSHIP_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/me",
    tag: "Account",
    auth: "member",
    summary: "The caller's own profile (session or API token)",
    responses: { 200: json("{ id, email, name, affiliation, locale, orcid, role, delegation, hasPassword }"), 401: err("Not signed in, or the token is wrong, revoked or its account disabled.") },
  },
  {
    method: "patch",
    path: "/api/me",
    tag: "Account",
    auth: "member",
    summary: "Update the caller's own profile; fields left out keep their value",
    description: "Body: { name?, affiliation?, locale?: \"en\" | \"zh\", orcid?: \"0000-0002-1825-0097\" | \"\" }. The delegation can only be changed by admins (delegationId); the role never here.",
    body: { type: JSON_TYPE, description: "{ name?, affiliation?, locale?, orcid? }" },
    responses: {
      200: json("The updated profile."),
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
    responses: { 200: json("{ invites: [{ id, delegation, role, uses, maxUses, expiresAt, createdAt, createdBy, state }] }"), 401: err("Not signed in."), 403: err("Not a facilitator.") },
  },
  {
    method: "post",
    path: "/api/invites",
    tag: "Account",
    auth: "member",
    summary: "Create an invitation link (facilitators invite scholars; admins any role)",
    body: { type: JSON_TYPE, description: "{ delegationId, role?: scholar|facilitator|admin, maxUses?: 1–500, days?: 1–90 }" },
    responses: {
      201: json("{ url, invite }: the url holds the secret and is shown only this once."),
      400: err("The body is not a JSON object."),
      401: err("Not signed in."),
      403: err("Not a facilitator; a facilitator inviting a facilitator or admin; or a cross-site request."),
      422: err("Invalid input; error.fields holds a message per field."),
      ...OVERLOADED,
    },
  },
];
