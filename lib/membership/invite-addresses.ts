/**
 * The addresses of an emailed invitation as a facilitator types them: one per line (or separated
 * by commas or semicolons), each either `someone@example.org` or `Name <someone@example.org>`.
 * A name given with the address wins over the form's name field.
 */
export type InviteAddress = { email: string; name: string };
export const INVITE_ADDRESSES_MAX = 100;

const EMAIL = /^[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;]+$/;

export function parseInviteAddresses(text: string): { addresses: InviteAddress[]; invalid: string[] } {
  const addresses: InviteAddress[] = [];
  const invalid: string[] = [];
  const seen = new Set<string>();
  for (const raw of text.split(/[\n,;]+/)) {
    const entry = raw.trim();
    if (!entry) continue;
    const named = /^(.*?)\s*<([^<>]+)>$/.exec(entry);
    const email = (named ? named[2]! : entry).trim().toLowerCase();
    const name = named ? named[1]!.trim().replace(/^"(.*)"$/, "$1") : "";
    if (!EMAIL.test(email) || email.length > 254) {
      invalid.push(entry);
      continue;
    }
    if (seen.has(email)) continue;
    seen.add(email);
    addresses.push({ email, name });
  }
  return { addresses, invalid };
}
