import Link from "next/link";
import type { Messages } from "@/lib/i18n";
import type { Stage } from "@/lib/schemas/term";
import { PROPOSALS_OPEN } from "@/lib/term-stages";
import { proposeAction } from "@/server/actions/proposal";
import { viewer } from "@/server/terms/page";
import { ProposalForm } from "./proposal-form";

type Term = { slug: string; stage: Stage; targetLang: string };

/** "Propose a rendering": the form for a signed-in scholar of a delegation while the term is in consultation. */
export async function ProposalSection({ term, t }: { term: Term; t: Messages }) {
  if (!PROPOSALS_OPEN.includes(term.stage)) return null;
  const actor = await viewer();
  const text = t.proposal;
  return (
    <section aria-labelledby="propose-title" id="propose">
      <h2 id="propose-title">{text.title}</h2>
      {!actor ? (
        <p>
          <Link href={`/signin?callbackUrl=${encodeURIComponent(`/terms/${term.slug}#propose`)}`}>{text.signIn}</Link>
        </p>
      ) : !actor.delegationId ? (
        <p>{text.noDelegation}</p>
      ) : (
        <>
          <p className="muted">{text.intro}</p>
          <ProposalForm action={proposeAction.bind(null, term.slug)} t={text} forms={t.forms} targetLang={term.targetLang} />
        </>
      )}
    </section>
  );
}
