"use client";
import { useState } from "react";

/** Copies a one-time secret (token, invitation link); the text stays selectable for browsers without clipboard access. */
export function CopyButton({ text, label, doneLabel }: { text: string; label: string; doneLabel: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="secondary"
      onClick={() => navigator.clipboard?.writeText(text).then(() => setCopied(true), () => setCopied(false))}
    >
      <span aria-live="polite">{copied ? doneLabel : label}</span>
    </button>
  );
}
