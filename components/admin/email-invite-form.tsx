"use client";
import type { Messages, Locale } from "@/lib/i18n";
import { format, LOCALE_NAMES, LOCALES } from "@/lib/i18n";
import type { Role } from "@/lib/permissions";
import { INVITE_DAYS_DEFAULT, INVITE_DAYS_MAX } from "@/lib/schemas/invite";
import { TextField, TextAreaField, SelectField, Submit, Outcome } from "@/components/account/field";
import { useActionForm, errorsOf, valueOf, type FormAction } from "@/components/forms/use-action-form";
import styles from "@/components/account/forms.module.css";

type Props = {
  t: Messages["admin"];
  roleNames: Messages["account"]["roles"];
  action: FormAction<{ count: number }>;
  delegations: { id: string; label: string }[];
  roles: Role[];
  locale: Locale;
};

/** Invitations by email: addresses (one per line), a name, a personal note, delegation, role, language. */
export function EmailInviteForm({ t, roleNames, action, delegations, roles, locale }: Props) {
  const { state, pending, formProps } = useActionForm(action, { resetOnSuccess: true });
  const sent = state.status === "ok" && state.result ? format(t.invites.sent, { count: state.result.count }) : undefined;
  return (
    <form {...formProps} method="post" className={`form ${styles.narrow}`}>
      <Outcome status={state.status} message={state.message} success={sent} />
      <TextAreaField
        label={t.invites.emails}
        name="emails"
        rows={4}
        required
        hint={t.invites.byEmailIntro}
        defaultValue={valueOf(state, "emails")}
        errors={errorsOf(state, "emails")}
      />
      <TextField label={t.invites.inviteeName} name="name" autoComplete="off" defaultValue={valueOf(state, "name")} errors={errorsOf(state, "name")} />
      <TextAreaField label={t.invites.note} name="note" rows={3} hint={t.invites.noteHint} defaultValue={valueOf(state, "note")} errors={errorsOf(state, "note")} />
      <SelectField
        label={t.invites.delegation}
        name="delegationId"
        id="email-delegationId"
        required
        defaultValue={valueOf(state, "delegationId", delegations[0]?.id ?? "")}
        options={delegations.map((d) => ({ value: d.id, label: d.label }))}
        errors={errorsOf(state, "delegationId")}
      />
      <SelectField
        label={t.invites.role}
        name="role"
        id="email-role"
        defaultValue={valueOf(state, "role", "scholar")}
        options={roles.map((r) => ({ value: r, label: roleNames[r] }))}
        errors={errorsOf(state, "role")}
      />
      <SelectField
        label={t.invites.mailLanguage}
        name="locale"
        defaultValue={valueOf(state, "locale", locale)}
        options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))}
      />
      <TextField
        label={t.invites.days}
        name="days"
        id="email-days"
        type="number"
        inputMode="numeric"
        min={1}
        max={INVITE_DAYS_MAX}
        required
        defaultValue={valueOf(state, "days", String(INVITE_DAYS_DEFAULT))}
        errors={errorsOf(state, "days")}
      />
      <Submit label={t.invites.send} busyLabel={t.invites.sending} pending={pending} />
    </form>
  );
}
