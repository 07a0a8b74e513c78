import { redirect } from "next/navigation";
import { hasRole, type Actor, type Role } from "@/lib/permissions";
import type { Messages } from "@/lib/i18n";

/**
 * For facilitator and admin pages: anonymous readers are sent to sign in (and back); members
 * without the role get a plain refusal. The services check again on every action.
 */
export function requirePageRole(actor: Actor | null, role: Role, back: string): actor is Actor {
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(back)}`);
  return hasRole(actor, role);
}

export function Refusal({ t }: { t: Messages }) {
  return (
    <article>
      <h1>{t.forms.errors.forbidden}</h1>
      <p>
        <a href="/">{t.errors.backHome}</a>
      </p>
    </article>
  );
}
