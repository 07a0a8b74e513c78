"use client";
import type { Locale, Messages } from "@/lib/i18n";
import { formatDateTime } from "@/lib/i18n/dates";
import { format, LOCALE_NAMES, LOCALES } from "@/lib/i18n";
import type { FormState } from "@/lib/form-state";
import type { ErrorTexts } from "@/lib/i18n/codes";
import type { Role } from "@/lib/permissions";
import { INVITE_DAYS_DEFAULT, INVITE_DAYS_MAX, INVITE_USES_MAX } from "@/lib/schemas/invite";
import { TextField, TextAreaField, SelectField, Submit } from "@/components/forms/field";
import { FormOutcome } from "@/components/forms/form-feedback";
import { CopyButton } from "@/components/account/copy-button";
import { useActionForm, fieldMessages, valueOf, type FormAction } from "@/components/forms/use-action-form";
import styles from "@/components/account/forms.module.css";

/** What both invitation forms share: the texts, the delegations and roles this member may invite to. */
type Common = {
  t: Messages["admin"];
  errors: ErrorTexts;
  roleNames: Messages["account"]["roles"];
  delegations: { id: string; label: string }[];
  /** The roles this facilitator or admin (or scholar) may invite. */
  roles: Role[];
  locale: Locale;
};

/** The delegation and the role of an invitation: the same fields in both forms (the email form's ids are prefixed). */
function InviteChoices({ t, errors, roleNames, delegations, roles, state, idPrefix = "" }: Common & { state: FormState<unknown>; idPrefix?: string }) {
  const errorOf = fieldMessages(state, errors);
  return (
    <>
      <SelectField
        label={t.invites.delegation}
        name="delegationId"
        id={`${idPrefix}delegationId`}
        required
        defaultValue={valueOf(state, "delegationId", delegations[0]?.id ?? "")}
        options={delegations.map((d) => ({ value: d.id, label: d.label }))}
        error={errorOf("delegationId")}
      />
      <SelectField
        label={t.invites.role}
        name="role"
        id={`${idPrefix}role`}
        defaultValue={valueOf(state, "role", "scholar")}
        options={roles.map((r) => ({ value: r, label: roleNames[r] }))}
        error={errorOf("role")}
      />
    </>
  );
}

/** How many days the invitation is valid. */
function DaysField({ t, errors, state, idPrefix = "" }: Pick<Common, "t" | "errors"> & { state: FormState<unknown>; idPrefix?: string }) {
  return (
    <TextField
      label={t.invites.days}
      name="days"
      id={`${idPrefix}days`}
      type="number"
      inputMode="numeric"
      min={1}
      max={INVITE_DAYS_MAX}
      required
      defaultValue={valueOf(state, "days", String(INVITE_DAYS_DEFAULT))}
      error={fieldMessages(state, errors)("days")}
    />
  );
}

type Created = { url: string; expiresAt: string; maxUses: number };

/** An invitation link to pass on, for a number of people: shown once. */
export function InviteForm({ action, ...common }: Common & { action: FormAction<Created> }) {
  const { t, errors, locale } = common;
  const { state, pending, formProps } = useActionForm(action);
  const created = state.status === "ok" ? state.result : undefined;
  return (
    <div className="stack">
      {created ? (
        <div className="success" role="status">
          <p>{t.invites.created}</p>
          <p className={styles.secret} data-testid="invite-url">
            {created.url}
          </p>
          <p>{format(t.invites.createdDetail, { date: formatDateTime(created.expiresAt, locale), count: created.maxUses })}</p>
          <CopyButton text={created.url} label={t.invites.copy} doneLabel={t.invites.copied} />
        </div>
      ) : null}
      <form {...formProps} method="post" noValidate className={`form ${styles.narrow}`}>
        <FormOutcome state={state} errors={errors} />
        <InviteChoices {...common} state={state} />
        <TextField
          label={t.invites.uses}
          name="maxUses"
          type="number"
          inputMode="numeric"
          min={1}
          max={INVITE_USES_MAX}
          required
          hint={t.invites.usesHint}
          defaultValue={valueOf(state, "maxUses", "1")}
          error={fieldMessages(state, errors)("maxUses")}
        />
        <DaysField t={t} errors={errors} state={state} />
        <Submit label={t.invites.create} busyLabel={t.invites.creating} pending={pending} />
      </form>
    </div>
  );
}

/** Invitations by email: addresses (one per line), a name, a personal note, delegation, role, language. */
export function EmailInviteForm({ action, ...common }: Common & { action: FormAction<{ count: number }> }) {
  const { t, errors, locale } = common;
  const { state, pending, formProps } = useActionForm(action, { resetOnSuccess: true });
  const errorOf = fieldMessages(state, errors);
  const sent = state.status === "ok" && state.result ? format(t.invites.sent, { count: state.result.count }) : undefined;
  return (
    <form {...formProps} method="post" noValidate className={`form ${styles.narrow}`}>
      <FormOutcome state={state} errors={errors} success={sent} />
      <TextAreaField label={t.invites.emails} name="emails" rows={4} required hint={t.invites.byEmailIntro} defaultValue={valueOf(state, "emails")} error={errorOf("emails")} />
      <TextField label={t.invites.inviteeName} name="name" autoComplete="off" defaultValue={valueOf(state, "name")} error={errorOf("name")} />
      <TextAreaField label={t.invites.note} name="note" rows={3} hint={t.invites.noteHint} defaultValue={valueOf(state, "note")} error={errorOf("note")} />
      <InviteChoices {...common} state={state} idPrefix="email-" />
      <SelectField
        label={t.invites.mailLanguage}
        name="locale"
        defaultValue={valueOf(state, "locale", locale)}
        options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))}
        error={errorOf("locale")}
      />
      <DaysField t={t} errors={errors} state={state} idPrefix="email-" />
      <Submit label={t.invites.send} busyLabel={t.invites.sending} pending={pending} />
    </form>
  );
}
