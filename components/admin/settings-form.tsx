"use client";
import type { Messages } from "@/lib/i18n";
import type { SiteSettings } from "@/lib/schemas/site-admin";
import { SelectField, Submit } from "@/components/forms/field";
import { FormOutcome } from "@/components/forms/form-feedback";
import type { ErrorTexts } from "@/lib/i18n/codes";
import { useActionForm, fieldMessages, type FormAction } from "@/components/forms/use-action-form";
import styles from "@/components/account/forms.module.css";

type Props = { t: Messages["admin"]; errors: ErrorTexts; action: FormAction<null>; settings: SiteSettings; delegations: { id: string; label: string }[] };

export function SettingsForm({ t, errors, action, settings, delegations }: Props) {
  const { state, pending, formProps } = useActionForm(action);
  const errorOf = fieldMessages(state, errors);
  // After a refused save, show what was ticked; else what is stored.
  const ticked = (name: "membersOnly" | "openSignUp" | "scholarsInvite") => (state.status === "error" ? state.values?.[name] === "on" : settings[name]);
  const chosen = state.status === "error" ? (state.values?.signUpDelegationId ?? "") : (settings.signUpDelegationId ?? "");
  return (
    <form {...formProps} method="post" noValidate className={`form ${styles.narrow}`}>
      <FormOutcome state={state} errors={errors} success={t.settings.saved} />
      <Check name="membersOnly" label={t.settings.membersOnly} hint={t.settings.membersOnlyHint} checked={ticked("membersOnly")} />
      <Check name="openSignUp" label={t.settings.openSignUp} hint={t.settings.openSignUpHint} checked={ticked("openSignUp")} />
      <SelectField
        label={t.settings.signUpDelegation}
        name="signUpDelegationId"
        defaultValue={chosen}
        options={[{ value: "", label: t.settings.noDelegation }, ...delegations.map((d) => ({ value: d.id, label: d.label }))]}
        error={errorOf("signUpDelegationId")}
      />
      <Check name="scholarsInvite" label={t.settings.scholarsInvite} hint={t.settings.scholarsInviteHint} checked={ticked("scholarsInvite")} />
      <Submit label={t.settings.save} busyLabel={t.settings.saving} pending={pending} />
    </form>
  );
}

/** A checkbox named by its label alone; the hint describes it. */
function Check({ name, label, hint, checked }: { name: string; label: string; hint: string; checked: boolean }) {
  return (
    <div className={styles.check}>
      <input type="checkbox" id={name} name={name} defaultChecked={checked} aria-describedby={`${name}-hint`} />
      <span>
        <label htmlFor={name}>{label}</label>
        <small id={`${name}-hint`} className={styles.hint}>
          {hint}
        </small>
      </span>
    </div>
  );
}
