"use client";
import { useActionState, useEffect, useRef, startTransition, type FormEvent } from "react";
import { IDLE, type FormState } from "@/lib/form-state";
import { codeText } from "@/lib/i18n/codes";

export type FormAction<R = Record<string, string>> = (previous: FormState<R>, form: FormData) => Promise<FormState<R>>;

type Options = {
  /** Clear the fields after a successful submission. */
  resetOnSuccess?: boolean;
  /** Sees the data before it is sent (a form that signs in afterwards keeps the password it needs, in memory only). */
  beforeSend?: (data: FormData) => void;
};

/**
 * A form bound to a server action. Without JavaScript the form posts natively and the page is
 * rendered again with the returned state. With it, the submission runs in a transition (the
 * pending flag drives the progress text) and the fields are NOT reset by React afterwards, so
 * a refused submission keeps what the reader typed.
 */
export function useActionForm<R = Record<string, string>>(action: FormAction<R>, { resetOnSuccess = false, beforeSend }: Options = {}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (resetOnSuccess && state.status === "ok") ref.current?.reset();
  }, [state, resetOnSuccess]);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    // With the button that submitted it (name=value), as a native submission would send.
    const data = new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter);
    beforeSend?.(data);
    startTransition(() => formAction(data));
  };
  return { state, pending, formProps: { ref, action: formAction, onSubmit } };
}

/**
 * The message of each refused field in the reader's language, from the codes of the last
 * submission: `const errorOf = fieldMessages(state, texts)`, then `error={errorOf("name")}`.
 */
export function fieldMessages(state: FormState<unknown>, texts: Record<string, string>): (name: string) => string | undefined {
  return (name) => {
    const codes = state.status === "error" ? state.fields?.[name] : undefined;
    return codes?.length ? codes.map((c) => codeText(texts, c)).join(" ") : undefined;
  };
}

/** What to show in a field: what was typed when it was refused, else the stored value. */
export function valueOf(state: FormState<unknown>, name: string, stored = ""): string {
  return state.status === "error" ? (state.values?.[name] ?? stored) : stored;
}
