"use client";
import type { Messages } from "@/lib/i18n";
import { NOTICE_KINDS, type NoticeKind } from "@/lib/notices/kinds";
import { Submit } from "@/components/forms/field";
import { FormOutcome } from "@/components/forms/form-feedback";
import type { ErrorTexts } from "@/lib/i18n/codes";
import { useActionForm, type FormAction } from "@/components/forms/use-action-form";
import styles from "./forms.module.css";

type Props = { t: Messages["notices"]; errors: ErrorTexts; action: FormAction<null>; settings: Record<NoticeKind, boolean> };

/** One checkbox per kind of notice email; the app's own notifications are not affected. */
export function NoticeSettingsForm({ t, errors, action, settings }: Props) {
  const { state, pending, formProps } = useActionForm(action);
  const checked = (k: NoticeKind) => (state.status === "error" ? state.values?.[`email.${k}`] === "on" : settings[k]);
  return (
    <form {...formProps} method="post" noValidate className={`form ${styles.narrow}`}>
      <FormOutcome state={state} errors={errors} success={t.saved} />
      <fieldset className="stack">
        <legend className="muted">{t.settingsIntro}</legend>
        {NOTICE_KINDS.map((k) => (
          <div key={k} className={styles.check}>
            <input type="checkbox" id={`email-${k}`} name={`email.${k}`} defaultChecked={checked(k)} />
            <label htmlFor={`email-${k}`}>{t.kinds[k]}</label>
          </div>
        ))}
      </fieldset>
      <Submit label={t.save} busyLabel={t.saving} pending={pending} />
    </form>
  );
}
