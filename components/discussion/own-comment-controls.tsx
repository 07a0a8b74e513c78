"use client";
import type { Messages } from "@/lib/i18n";
import type { FormState } from "@/lib/form-state";
import type { Stance } from "@/lib/schemas/comment";
import { OneButtonForm } from "@/components/forms/one-button-form";
import { CommentForm } from "./comment-form";
import styles from "./discussion.module.css";

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

/** The author's own comment: edit it in place (marked as edited), or delete it. */
export function OwnCommentControls({ commentId, comment, editAction, deleteAction, t, forms }: {
  commentId: string;
  comment: { stance: Stance; body: string };
  editAction: Action;
  deleteAction: Action;
  t: Messages["discussion"];
  forms: Messages["forms"];
}) {
  return (
    <>
      <details>
        <summary>{t.edit}</summary>
        <CommentForm formId={`edit-${commentId}`} action={editAction} t={t} forms={forms} initial={comment} mode="edit" />
      </details>
      <OneButtonForm action={deleteAction} label={t.delete} busy={t.deleting} forms={forms} buttonClassName={styles.linkButton} inline={false} />
    </>
  );
}
