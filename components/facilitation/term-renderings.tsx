"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";

type Named = { id: string; text: string };

const Renderings = createContext<readonly Named[]>([]);

/**
 * The term's renderings by id and text, sent once for the page: the controls under each card
 * (merge into another one) take the others from here, instead of every card carrying the list
 * of all the others (n² entries in the page's payload: 17 KiB at 20 renderings).
 */
export function TermRenderings({ renderings, children }: { renderings: readonly Named[]; children: ReactNode }) {
  return <Renderings.Provider value={renderings}>{children}</Renderings.Provider>;
}

/** Every rendering of the term but `id`, in the page's order. */
export function useOtherRenderings(id: string): Named[] {
  const all = useContext(Renderings);
  return useMemo(() => all.filter((o) => o.id !== id), [all, id]);
}
