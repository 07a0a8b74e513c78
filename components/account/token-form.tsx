"use client";
import type { Messages } from "@/lib/i18n";
import { TOKEN_LABEL_MAX } from "@/lib/schemas/account";
import { TextField, Submit } from "@/components/forms/field";
import { FormOutcome } from "@/components/forms/form-feedback";
import type { ErrorTexts } from "@/lib/i18n/codes";
import { CopyButton } from "./copy-button";
import { useActionForm, fieldMessages, type FormAction } from "@/components/forms/use-action-form";
import styles from "./forms.module.css";

/** Creates a personal API token and shows it once. */
export function TokenForm({ t, errors, action }: { t: Messages["account"]; errors: ErrorTexts; action: FormAction<{ token: string }> }) {
  const { state, pending, formProps } = useActionForm(action);
  const errorOf = fieldMessages(state, errors);
  const token = state.status === "ok" ? state.result?.token : undefined;
  return (
    <div className="stack">
      {token ? (
        <div className="success" role="status">
          <p>{t.tokens.created}</p>
          <p className={styles.secret} data-testid="new-token">
            {token}
          </p>
          <CopyButton text={token} label={t.tokens.copy} doneLabel={t.tokens.copied} />
        </div>
      ) : null}
      <form {...formProps} method="post" noValidate className={`form ${styles.narrow}`}>
        <FormOutcome state={state} errors={errors} />
        <TextField label={t.tokens.label} name="label" id="token-label" maxLength={TOKEN_LABEL_MAX} hint={t.tokens.labelHint} error={errorOf("label")} />
        <Submit label={t.tokens.create} busyLabel={t.tokens.creating} pending={pending} />
      </form>
    </div>
  );
}
