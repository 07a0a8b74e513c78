"use client";

import Link from "next/link";
import { format } from "@/lib/i18n";
import { hasRole } from "@/lib/permissions";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { useViewerState } from "./viewer-store";

export type MenuUser = { name: string; unread: number; needsGrade: number; staff: boolean };
export type MenuLabels = { signedInAs: string; notifications: string; needsGrade: string; needsGradeCount: string; admin: string; signOut: string; signIn: string };

/** The header's part for the one reading: their name, notifications and tools, or "Sign in". */
export function UserMenu({ user, labels }: { user: MenuUser | null; labels: MenuLabels }) {
  if (!user) return <Link href="/signin">{labels.signIn}</Link>;
  return (
    <span className="user-menu">
      <Link href="/profile" title={format(labels.signedInAs, { name: user.name })}>
        {user.name}
      </Link>
      {user.needsGrade > 0 ? (
        <Link href="/?needs=grade" title={format(labels.needsGradeCount, { count: user.needsGrade })}>
          {labels.needsGrade}
          <span className="badge">{user.needsGrade}</span>
        </Link>
      ) : null}
      <Link href="/notifications">
        {labels.notifications}
        {user.unread > 0 ? <span className="badge">{user.unread}</span> : null}
      </Link>
      {user.staff ? <Link href="/admin">{labels.admin}</Link> : null}
      <SignOutButton label={labels.signOut} />
    </span>
  );
}

/** On the shared cached pages: the menu of whoever the page's private read says is looking. */
export function ViewerUserMenu({ labels }: { labels: MenuLabels }) {
  const viewer = useViewerState().viewer;
  const actor = viewer?.actor;
  return <UserMenu user={actor ? { name: actor.name, unread: viewer.unread, needsGrade: viewer.needsGrade, staff: hasRole(actor, "facilitator") } : null} labels={labels} />;
}
