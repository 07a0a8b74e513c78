"use client";

import { createContext, useActionState, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore } from "react";
import type { BallotFormState } from "@/lib/schemas/ballot-form";
import { saveBallot } from "@/server/actions/save-ballot";

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

const EMPTY: BallotFormState = { status: "idle", values: { grades: {}, reasons: {}, note: "" }, fields: {}, revision: 0 };

type ActionStore = ReturnType<typeof createActionStore>;
function createActionStore() {
  let snapshot: ActionSnapshot = { state: EMPTY, formAction: () => undefined, pending: false };
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
 * `form=`, so without JavaScript it is one plain post), and they share its action's answer
 * here, above all of them: after a failed post without JavaScript the page is rendered again
 * with what was typed, on every card. Cheap for readers: a bound action and a few states; what
 * draws the ballot loads only for members.
 */
export function BallotScope({ slug, children }: { slug: string; children: React.ReactNode }) {
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
      <BallotAction slug={slug} store={action} />
      {children}
    </BallotContext.Provider>
  );
}

/**
 * The action's state lives in a component of its own, rendered before the page it serves and
 * with no children: React renders a post's answer (without JavaScript) into the component that
 * holds the action's state, and a server render stalled when that component wrapped the whole
 * page, whose parts load lazily. It hands its state to the store the ballot's parts read,
 * during render (so that the server's render of a post shows the answer) and after (updates).
 */
function BallotAction({ slug, store }: { slug: string; store: ActionStore }) {
  const bound = useMemo(() => saveBallot.bind(null, slug), [slug]);
  const [state, formAction, pending] = useActionState(bound, EMPTY);
  store.set({ state, formAction, pending });
  useEffect(() => store.emit(), [store, state, formAction, pending]);
  return null;
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
