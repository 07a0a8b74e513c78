import { format } from "@/lib/i18n";
import type { ListedReason } from "@/lib/tally";

/** A reject reason as quoted beside the results, with how many voters gave it when more than one. */
export function ReasonQuote({ reason, votersText }: { reason: ListedReason; votersText: string }) {
  return (
    <>
      <q dir="auto">{reason.text}</q>
      {reason.voters > 1 ? <span className="muted">{` ${format(votersText, { count: reason.voters })}`}</span> : null}
    </>
  );
}
