"use client";
import type { Locale, Messages } from "@/lib/i18n";
import { formatDateTime } from "@/lib/i18n/dates";
import { format } from "@/lib/i18n";
import type { Role } from "@/lib/permissions";
import { INVITE_DAYS_DEFAULT, INVITE_DAYS_MAX, INVITE_USES_MAX } from "@/lib/schemas/invite";
import { TextField, SelectField, Submit, Outcome } from "@/components/account/field";
import { CopyButton } from "@/components/account/copy-button";
import { useActionForm, errorsOf, valueOf, type FormAction } from "@/components/forms/use-action-form";
import styles from "@/components/account/forms.module.css";

type Created = { url: string; expiresAt: string; maxUses: number };
type Props = {
  t: Messages["admin"];
  roleNames: Messages["account"]["roles"];
  action: FormAction<Created>;
  delegations: { id: string; label: string }[];
  /** The roles this facilitator or admin may invite. */
  roles: Role[];
  locale: Locale;
};

export function InviteForm({ t, roleNames, action, delegations, roles, locale }: Props) {
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
      <form {...formProps} method="post" className={`form ${styles.narrow}`}>
        <Outcome status={state.status} message={state.message} />
        <SelectField
          label={t.invites.delegation}
          name="delegationId"
          required
          defaultValue={valueOf(state, "delegationId", delegations[0]?.id ?? "")}
          options={delegations.map((d) => ({ value: d.id, label: d.label }))}
          errors={errorsOf(state, "delegationId")}
        />
        <SelectField
          label={t.invites.role}
          name="role"
          defaultValue={valueOf(state, "role", "scholar")}
          options={roles.map((r) => ({ value: r, label: roleNames[r] }))}
          errors={errorsOf(state, "role")}
        />
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
          errors={errorsOf(state, "maxUses")}
        />
        <TextField
          label={t.invites.days}
          name="days"
          type="number"
          inputMode="numeric"
          min={1}
          max={INVITE_DAYS_MAX}
          required
          defaultValue={valueOf(state, "days", String(INVITE_DAYS_DEFAULT))}
          errors={errorsOf(state, "days")}
        />
        <Submit label={t.invites.create} busyLabel={t.invites.creating} pending={pending} />
      </form>
    </div>
  );
}
