/**
 * ORCID sign-in: ORCID's token response carries the iD and the public name (scope /authenticate),
 * so no separate profile request is needed. Pure mapping, unit-tested.
 */
export type OrcidTokenProfile = { orcid?: unknown; name?: unknown; sub?: unknown };

/** The shape of an ORCID iD (the last character is a checksum digit or X). */
export const ORCID_ID = /^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/;

export function orcidProfile(p: OrcidTokenProfile): { id: string; name: string; email: null } {
  const id = typeof p.orcid === "string" ? p.orcid : typeof p.sub === "string" ? p.sub : "";
  if (!ORCID_ID.test(id)) throw new Error("ORCID did not return a valid iD");
  const name = typeof p.name === "string" && p.name.trim() ? p.name.trim() : id;
  return { id, name, email: null };
}

export function orcidEndpoints(sandbox: boolean) {
  const base = sandbox ? "https://sandbox.orcid.org" : "https://orcid.org";
  return {
    authorization: `${base}/oauth/authorize`,
    token: `${base}/oauth/token`,
  };
}
