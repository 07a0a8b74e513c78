"use client";

import { useEffect, useRef, useState } from "react";
import { format } from "@/lib/i18n";

type Preview = typeof import("@/lib/rendering/pinyin");
let loading: Promise<Preview> | undefined;

/**
 * Under the proposal form's pinyin field: the pinyin the rendering will be stored with, as the
 * scholar types (the server's own function, lib/rendering/pinyin.ts). Its character tables
 * load on the first keystroke in the form, so readers and members who do not propose never
 * download them. Reads the form's `text` and `pinyin` fields itself.
 */
export function PinyinPreview({ label }: { label: string }) {
  const here = useRef<HTMLParagraphElement>(null);
  const [pinyin, setPinyin] = useState("");
  useEffect(() => {
    const form = here.current?.closest("form");
    if (!form) return;
    let current = true;
    const update = () => {
      const value = (name: string) => {
        const field = form.elements.namedItem(name);
        return field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement ? field.value : "";
      };
      loading ??= import("@/lib/rendering/pinyin");
      void loading.then(
        (m) => current && setPinyin(m.pinyinPreview(value("text"), value("pinyin"))),
        () => undefined,
      );
    };
    const clear = () => setPinyin("");
    form.addEventListener("input", update);
    form.addEventListener("reset", clear);
    return () => {
      current = false;
      form.removeEventListener("input", update);
      form.removeEventListener("reset", clear);
    };
  }, []);
  return (
    <p ref={here} className="muted" aria-live="polite" data-testid="pinyin-preview">
      {pinyin ? (
        <>
          {format(label, { pinyin: "" })}
          <span className="pinyin" lang="zh-Latn-pinyin">{pinyin}</span>
        </>
      ) : null}
    </p>
  );
}
