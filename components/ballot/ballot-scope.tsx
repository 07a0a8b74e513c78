"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore } from "react";
import type { BallotFormState } from "@/lib/schemas/ballot-form";

/** The form every part of the ballot belongs to: grade rows on the cards post with it (`form=`). */
export const BALLOT_FORM_ID = "ballot-form";

/** The ballot action's state: its last answer, how to call it, whether it runs. */
type ActionSnapshot = { state: BallotFormState; formAction: (form: FormData) => void; pending: boolean };

type Scope = ActionSnapshot & {
  /** Errors found in the browser before posting (null: none, show the server's). */
  clientFields: Record<string, string[]> | null;
  setClientFields: (fields: Record<string, string[]> | null) => void;
  /** The grades as chosen on the page now (rendering id → grade, "" for no opinion), once one changed. */
  draft: Record<string, string> | null;
  dirty: boolean;
  /** A grade was chosen on a card. */
  choose: (renderingId: string, grade: string) => void;
  /** Something else of the ballot changed (a reason, the note). */
  touch: () => void;
  /** The ballot was sent: what is on the page is what is being saved. */
  sent: () => void;
};

type Context = Omit<Scope, keyof ActionSnapshot> & { action: ActionStore };
const BallotContext = createContext<Context | null>(null);

export const EMPTY_BALLOT_STATE: BallotFormState = { status: "idle", values: { grades: {}, reasons: {}, note: "" }, fields: {}, revision: 0 };

type ActionStore = ReturnType<typeof createActionStore>;
function createActionStore() {
  let snapshot: ActionSnapshot = { state: EMPTY_BALLOT_STATE, formAction: () => undefined, pending: false };
  const listeners = new Set<() => void>();
  return {
    get: () => snapshot,
    set(next: ActionSnapshot) {
      if (next.state !== snapshot.state || next.formAction !== snapshot.formAction || next.pending !== snapshot.pending) snapshot = next;
    },
    emit: () => listeners.forEach((l) => l()),
    subscribe(l: () => void) {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
  };
}

/**
 * One ballot, drawn in several places: a grade row on each rendering's card, the note and the
 * errors in the ballot section, the summary with Save. They are one form (the rows name it with
 * `form=`), and they share the draft and the action's answer here, above all of them. Cheap for
 * readers: a few states; what draws the ballot loads only for members.
 */
export function BallotScope({ children }: { children: React.ReactNode }) {
  const [action] = useState(createActionStore);
  const [clientFields, setClientFields] = useState<Record<string, string[]> | null>(null);
  const [draft, setDraft] = useState<Record<string, string> | null>(null);
  const [dirty, setDirty] = useState(false);
  const choose = useCallback((id: string, grade: string) => {
    setDraft((now) => ({ ...now, [id]: grade }));
    setDirty(true);
  }, []);
  const touch = useCallback(() => setDirty(true), []);
  const sent = useCallback(() => setDirty(false), []);
  const value = useMemo(
    () => ({ action, clientFields, setClientFields, draft, dirty, choose, touch, sent }),
    [action, clientFields, draft, dirty, choose, touch, sent],
  );
  return (
    <BallotContext.Provider value={value}>
      {children}
    </BallotContext.Provider>
  );
}

/**
 * The ballot form holds its action's state (React renders a post's answer, without JavaScript,
 * into the component that holds it) and hands it to the other parts through this store:
 * during render, so that whatever renders after the form on the server shows the answer, and
 * after each change, for the parts already drawn.
 */
export function usePublishBallotAction(snapshot: ActionSnapshot): void {
  const ctx = useContext(BallotContext);
  if (!ctx) throw new Error("BallotScope is missing around the ballot form");
  const { action: store } = ctx;
  store.set(snapshot);
  const { state, formAction, pending } = snapshot;
  useEffect(() => store.emit(), [store, state, formAction, pending]);
}

export function useBallotScope(): Scope {
  const ctx = useContext(BallotContext);
  if (!ctx) throw new Error("BallotScope is missing around this part of the ballot");
  const { action, ...rest } = ctx;
  return { ...rest, ...useSyncExternalStore(action.subscribe, action.get, action.get) };
}

/**
 * The values the ballot shows: after a save, what the action answered (stored, or typed when it
 * failed); before, the viewer's stored ballot.
 */
export function shownValues(state: BallotFormState, stored: BallotFormState["values"] | null): BallotFormState["values"] {
  return state.status === "idle" && stored ? stored : state.values;
}
