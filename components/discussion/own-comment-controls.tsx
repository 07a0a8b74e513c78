"use client";
import type { Messages } from "@/lib/i18n";
import type { FormState } from "@/lib/form-state";
import type { Stance } from "@/lib/schemas/comment";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormOutcome } from "@/components/forms/form-feedback";
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
  const del = useActionForm(deleteAction);
  return (
    <>
      <details>
        <summary>{t.edit}</summary>
        <CommentForm formId={`edit-${commentId}`} action={editAction} t={t} forms={forms} initial={comment} mode="edit" />
      </details>
      <form {...del.formProps} aria-busy={del.pending}>
        <button type="submit" className={styles.linkButton} disabled={del.pending}>
          {del.pending ? t.deleting : t.delete}
        </button>
        <FormOutcome state={del.state} forms={forms} />
      </form>
    </>
  );
}
