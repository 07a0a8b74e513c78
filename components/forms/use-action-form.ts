"use client";
import { useActionState, useEffect, useRef, startTransition, type FormEvent } from "react";
import { IDLE, type FormState } from "@/lib/form-state";

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

/**
 * A form bound to a server action. Without JavaScript the form posts natively and the page is
 * rendered again with the returned state. With it, the submission runs in a transition (the
 * pending flag drives the progress text) and the fields are NOT reset by React afterwards, so
 * a refused submission keeps what the reader typed; a successful one clears the form when
 * `resetOnSuccess` is set.
 */
export function useActionForm(action: Action, { resetOnSuccess = false } = {}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (resetOnSuccess && state.status === "ok") ref.current?.reset();
  }, [state, resetOnSuccess]);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => formAction(data));
  };
  return { state, pending, formProps: { ref, action: formAction, onSubmit } };
}

/** The value to show in a field: what was typed last time if it was refused, else the default. */
export function shown(state: FormState, name: string, fallback = ""): string {
  return state.status === "error" ? (state.values?.[name] ?? fallback) : fallback;
}
