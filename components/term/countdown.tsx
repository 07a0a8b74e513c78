"use client";

import { useEffect, useState } from "react";
import { format } from "@/lib/i18n";
import { timeLeft, timeLeftText } from "@/lib/deadline";
import { formatDateTime } from "@/lib/i18n/dates";

type Labels = { deadline: string; timeLeft: string; closed: string };

/**
 * The consultation's deadline, and in the browser how long is left (updated every half
 * minute). The page is cached and rendered without a clock: the time left appears once the
 * page runs, so the server's HTML and the browser's first render agree.
 */
export function Countdown({ deadline, locale, labels }: { deadline: string; locale: "en" | "zh"; labels: Labels }) {
  const [now, setNow] = useState<Date | null>(null);
  useEffect(() => {
    const tick = () => setNow(new Date());
    tick();
    const id = setInterval(tick, 30_000);
    return () => clearInterval(id);
  }, []);
  const at = new Date(deadline);
  const left = now ? timeLeft(at, now) : null;
  const text = left ? timeLeftText(left, locale) : null;
  return (
    <span className="deadline" data-testid="deadline">
      <time dateTime={deadline}>{format(labels.deadline, { date: formatDateTime(at, locale) })}</time>
      {left ? " · " : null}
      {left ? <strong className="countdown">{left.closed ? labels.closed : format(labels.timeLeft, { time: text ?? "" })}</strong> : null}
    </span>
  );
}
