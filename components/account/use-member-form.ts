"use client";
import { startTransition, useActionState, type FormEvent } from "react";
import { IDLE, type FormState } from "@/lib/form-state";

export type FormAction<R> = (previous: FormState<R>, form: FormData) => Promise<FormState<R>>;

/**
 * A form bound to a server action. Without JavaScript the form posts natively and the page
 * comes back with the returned state. With it, the submission runs in a transition (the
 * pending flag drives the progress text) and React does not reset the fields afterwards, so a
 * refused submission keeps what was typed. `beforeSend` sees the data first (a form that signs
 * in afterwards keeps the password it needs, in memory only).
 */
export function useMemberForm<R>(action: FormAction<R>, beforeSend?: (data: FormData) => void) {
  const [state, dispatch, pending] = useActionState(action, IDLE);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    beforeSend?.(data);
    startTransition(() => dispatch(data));
  };
  return { state, pending, formProps: { action: dispatch, onSubmit } };
}

/** The messages of one field from the last submission. */
export function errorsOf(state: FormState<unknown>, name: string): string[] | undefined {
  return state.status === "error" ? state.fields?.[name] : undefined;
}

/** What to show in a field: what was typed when it was refused, else the stored value. */
export function valueOf(state: FormState<unknown>, name: string, stored = ""): string {
  return state.status === "error" ? (state.values?.[name] ?? stored) : stored;
}
