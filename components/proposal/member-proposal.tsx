"use client";

import dynamic from "next/dynamic";
import { proposeAction } from "@/server/actions/proposal";
import { useMemberMessages, useTermViewer } from "@/components/member/member-provider";

// Only members draw these: loaded when drawn, so readers do not download them.
const ProposalForm = dynamic(() => import("./proposal-form").then((m) => m.ProposalForm));

/** The proposal form for a signed-in scholar of a delegation; `children` for everyone else. */
export function MemberProposal({ slug, targetLang, children }: { slug: string; targetLang: string; children: React.ReactNode }) {
  const t = useMemberMessages();
  const actor = useTermViewer().viewer?.actor;
  if (!actor) return <>{children}</>;
  if (!actor.delegationId) return <p>{t.proposal.noDelegation}</p>;
  return (
    <>
      <p className="muted">{t.proposal.intro}</p>
      <ProposalForm action={proposeAction.bind(null, slug)} t={t.proposal} forms={t.forms} targetLang={targetLang} records={t.records} />
    </>
  );
}
