"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { useState } from "react";
import { hasRole } from "@/lib/permissions";
import type { Stance } from "@/lib/schemas/comment";
import { addCommentAction, deleteCommentAction, editCommentAction } from "@/server/actions/discussion";
import { hideCommentAction } from "@/server/actions/facilitation";
import { useMemberMessages, useTermViewer } from "@/components/member/member-provider";
import styles from "./discussion.module.css";

// Only members draw these: loaded when drawn, so readers do not download them.
const HideForm = dynamic(() => import("@/components/facilitation/hide-form").then((m) => m.HideForm));
const CommentForm = dynamic(() => import("./comment-form").then((m) => m.CommentForm));
const OwnCommentControls = dynamic(() => import("./own-comment-controls").then((m) => m.OwnCommentControls));

type Comment = { id: string; stance: Stance; body: string };

/**
 * A folded form: its code loads when it is first opened. On the page rendered on the server
 * for a member (no JavaScript needed) the form is in the HTML from the start.
 */
function Folded({ summary, children }: { summary: string; children: () => React.ReactNode }) {
  const { fromServer } = useTermViewer();
  const [opened, setOpened] = useState(fromServer);
  return (
    <details onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>{summary}</summary>
      {opened ? children() : null}
    </details>
  );
}

/**
 * Under a comment, what the viewer may do with it: edit or delete their own, reply (to a thread
 * while the discussion is open), hide (facilitators). Drawn on the client from the viewer's parts.
 */
export function CommentActions({ slug, renderingId, comment, reply, open }: { slug: string; renderingId: string; comment: Comment; reply: boolean; open: boolean }) {
  const t = useMemberMessages();
  const viewer = useTermViewer().viewer;
  const actor = viewer?.actor ?? null;
  if (!actor) return null;
  const text = t.discussion;
  const mine = viewer!.own.comments.includes(comment.id);
  return (
    <div className={styles.actions}>
      {mine && open ? (
        <OwnCommentControls
          commentId={comment.id}
          comment={{ stance: comment.stance, body: comment.body }}
          editAction={editCommentAction.bind(null, slug, comment.id)}
          deleteAction={deleteCommentAction.bind(null, slug, comment.id)}
          t={text}
          forms={t.forms}
        />
      ) : null}
      {!reply && open ? (
        <Folded summary={text.replyOpen}>
          {() => <CommentForm formId={`reply-${comment.id}`} action={addCommentAction.bind(null, slug, renderingId)} t={text} forms={t.forms} parentId={comment.id} mode="reply" />}
        </Folded>
      ) : null}
      {hasRole(actor, "facilitator") ? (
        <Folded summary={t.facilitation.hide.submit}>
          {() => <HideForm formId={`hide-${comment.id}`} action={hideCommentAction.bind(null, slug, comment.id)} t={t.facilitation} forms={t.forms} />}
        </Folded>
      ) : null}
    </div>
  );
}

/** The form to add an argument to a rendering, or a way to sign in. */
export function AddComment({ slug, renderingId }: { slug: string; renderingId: string }) {
  const t = useMemberMessages();
  const actor = useTermViewer().viewer?.actor;
  const text = t.discussion;
  if (!actor)
    return (
      <p>
        <Link href={`/signin?callbackUrl=${encodeURIComponent(`/terms/${slug}#r-${renderingId}`)}`}>{text.signIn}</Link>
      </p>
    );
  return (
    <Folded summary={text.add}>
      {() => <CommentForm formId={`c-${renderingId}`} action={addCommentAction.bind(null, slug, renderingId)} t={text} forms={t.forms} />}
    </Folded>
  );
}
