"use client";

import { useEffect, useState } from "react";
import dynamic from "next/dynamic";
import { proposeAction } from "@/server/actions/proposal";
import { useMemberMessages, useTermViewer } from "@/components/member/member-provider";

// Only members who open the form load it (readers and graders do not download it).
const ProposalForm = dynamic(() => import("./proposal-form").then((m) => m.ProposalForm));

/**
 * The form folded until the member opens it (or follows a link to #propose). On the page
 * rendered on the server for a member (no JavaScript) it is open from the start.
 */
function useOpenedForm(fromServer: boolean) {
  const [open, setOpen] = useState(fromServer);
  useEffect(() => {
    const follow = () => window.location.hash === "#propose" && setOpen(true);
    follow();
    window.addEventListener("hashchange", follow);
    return () => window.removeEventListener("hashchange", follow);
  }, []);
  return [open, setOpen] as const;
}

/** The proposal form for a signed-in scholar of a delegation; `children` for everyone else. */
export function MemberProposal({ slug, targetLang, children }: { slug: string; targetLang: string; children: React.ReactNode }) {
  const t = useMemberMessages();
  const { viewer, fromServer } = useTermViewer();
  const actor = viewer?.actor;
  const [open, setOpen] = useOpenedForm(fromServer);
  if (!actor) return <>{children}</>;
  if (!actor.delegationId) return <p>{t.proposal.noDelegation}</p>;
  return (
    <>
      <p className="muted">{t.proposal.intro}</p>
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{t.proposal.openForm}</summary>
        {open ? <ProposalForm action={proposeAction.bind(null, slug)} t={t.proposal} forms={t.forms} targetLang={targetLang} records={t.records} /> : null}
      </details>
    </>
  );
}
