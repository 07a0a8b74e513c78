"use client";
import type { Messages } from "@/lib/i18n";
import { format } from "@/lib/i18n";
import { TextField, Submit } from "@/components/forms/field";
import { FormOutcome } from "@/components/forms/form-feedback";
import type { ErrorTexts } from "@/lib/i18n/codes";
import { useActionForm, fieldMessages, valueOf, type FormAction } from "@/components/forms/use-action-form";
import styles from "@/components/account/forms.module.css";

type Props = {
  t: Messages["admin"];
  errors: ErrorTexts;
  action: FormAction<null>;
  /** Absent: the form adds a delegation. */
  delegation?: { id: string; name: string; nameZh: string | null };
};

/** Adds a delegation, or renames one (one small form per delegation). */
export function DelegationForm({ t, errors, action, delegation }: Props) {
  const { state, pending, formProps } = useActionForm(action);
  const errorOf = fieldMessages(state, errors);
  const prefix = delegation ? `d-${delegation.id}` : "d-new";
  const title = delegation ? format(t.delegations.renameOf, { name: delegation.name }) : t.delegations.add;
  return (
    <form {...formProps} method="post" noValidate className={`form ${styles.narrow}`} aria-label={title} key={delegation ? "rename" : state.status === "ok" ? state.at : "add"}>
      {delegation ? <input type="hidden" name="id" value={delegation.id} /> : null}
      <FormOutcome state={state} errors={errors} success={t.delegations.saved} />
      <TextField
        label={t.delegations.name}
        name="name"
        id={`${prefix}-name`}
        required
        maxLength={60}
        defaultValue={valueOf(state, "name", delegation?.name ?? "")}
        error={errorOf("name")}
      />
      <TextField
        label={t.delegations.nameZh}
        name="nameZh"
        id={`${prefix}-nameZh`}
        lang="zh-Hans"
        maxLength={60}
        defaultValue={valueOf(state, "nameZh", delegation?.nameZh ?? "")}
        error={errorOf("nameZh")}
      />
      <Submit
        label={delegation ? t.delegations.rename : t.delegations.add}
        busyLabel={delegation ? t.delegations.renaming : t.delegations.adding}
        pending={pending}
        className={delegation ? "secondary" : undefined}
      />
    </form>
  );
}
