"use client";
import type { Messages } from "@/lib/i18n";
import { LOCALES, LOCALE_NAMES } from "@/lib/i18n";
import type { Profile } from "@/server/membership/profile";
import { TextField, SelectField, Submit } from "@/components/forms/field";
import { FormOutcome } from "@/components/forms/form-feedback";
import type { ErrorTexts } from "@/lib/i18n/codes";
import { useActionForm, fieldMessages, valueOf, type FormAction } from "@/components/forms/use-action-form";
import { NameFields } from "./account-fields";
import styles from "./forms.module.css";

type Props = {
  t: Messages["account"];
  action: FormAction<null>;
  profile: Profile;
  /** Admins may move themselves to another delegation; for everyone else it is read-only. */
  delegations: { id: string; label: string }[] | null;
  delegationLabel: string;
  errors: ErrorTexts;
};

export function ProfileForm({ t, errors, action, profile, delegations, delegationLabel }: Props) {
  const { state, pending, formProps } = useActionForm(action);
  const errorOf = fieldMessages(state, errors);
  return (
    <form {...formProps} method="post" noValidate className={`form ${styles.narrow}`}>
      <FormOutcome state={state} errors={errors} success={t.profile.saved} />
      <div className={styles.field}>
        <span>
          <strong>{t.email}</strong>
        </span>
        <p className={styles.readOnly}>{profile.email}</p>
      </div>
      <NameFields t={t} errorOf={errorOf} values={{ name: valueOf(state, "name", profile.name), affiliation: valueOf(state, "affiliation", profile.affiliation ?? "") }} />
      {delegations ? (
        <SelectField
          label={t.delegation}
          name="delegationId"
          defaultValue={valueOf(state, "delegationId", profile.delegation?.id ?? "")}
          options={delegations.map((d) => ({ value: d.id, label: d.label }))}
          error={errorOf("delegationId")}
        />
      ) : (
        <div className={styles.field}>
          <strong>{t.delegation}</strong>
          <p className={styles.readOnly}>
            {delegationLabel} <small className={styles.hint}>({t.profile.delegationReadOnly})</small>
          </p>
        </div>
      )}
      <div className={styles.field}>
        <strong>{t.role}</strong>
        <p className={styles.readOnly}>
          {t.roles[profile.role]} <small className={styles.hint}>({t.profile.roleReadOnly})</small>
        </p>
      </div>
      <SelectField
        label={t.language}
        name="locale"
        defaultValue={valueOf(state, "locale", profile.locale)}
        options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))}
        error={errorOf("locale")}
      />
      <TextField
        label={`${t.profile.orcid} (${t.optional})`}
        name="orcid"
        inputMode="text"
        pattern="\d{4}-\d{4}-\d{4}-\d{3}[\dXx]"
        hint={t.profile.orcidHint}
        defaultValue={valueOf(state, "orcid", profile.orcid ?? "")}
        error={errorOf("orcid")}
      />
      <Submit label={t.profile.save} busyLabel={t.profile.saving} pending={pending} />
    </form>
  );
}
