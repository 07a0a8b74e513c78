"use client";
import type { Messages } from "@/lib/i18n";
import { TOKEN_LABEL_MAX } from "@/lib/schemas/account";
import { TextField, Submit, Outcome } from "./field";
import { CopyButton } from "./copy-button";
import { useActionForm, errorsOf, type FormAction } from "@/components/forms/use-action-form";
import styles from "./forms.module.css";

/** Creates a personal API token and shows it once. */
export function TokenForm({ t, action }: { t: Messages["account"]; action: FormAction<{ token: string }> }) {
  const { state, pending, formProps } = useActionForm(action);
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
      <form {...formProps} method="post" className={`form ${styles.narrow}`}>
        <Outcome status={state.status} message={state.message} />
        <TextField label={t.tokens.label} name="label" id="token-label" maxLength={TOKEN_LABEL_MAX} hint={t.tokens.labelHint} errors={errorsOf(state, "label")} />
        <Submit label={t.tokens.create} busyLabel={t.tokens.creating} pending={pending} />
      </form>
    </div>
  );
}
