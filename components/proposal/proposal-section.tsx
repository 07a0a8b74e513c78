import Link from "next/link";
import type { Messages } from "@/lib/i18n";
import type { Stage } from "@/lib/schemas/term";
import { PROPOSALS_OPEN } from "@/lib/term-stages";
import { MemberProposal } from "./member-proposal";

type Term = { slug: string; stage: Stage; targetLang: string };

/** "Propose a rendering" while proposals are open: the form for scholars (filled in on the client), a sign-in link for others. */
export function ProposalSection({ term, t }: { term: Term; t: Messages }) {
  if (!PROPOSALS_OPEN.includes(term.stage)) return null;
  const text = t.proposal;
  return (
    <section aria-labelledby="propose-title" id="propose">
      <h2 id="propose-title">{text.title}</h2>
      <MemberProposal slug={term.slug} targetLang={term.targetLang}>
        <p>
          <Link href={`/signin?callbackUrl=${encodeURIComponent(`/terms/${term.slug}#propose`)}`}>{text.signIn}</Link>
        </p>
      </MemberProposal>
    </section>
  );
}
