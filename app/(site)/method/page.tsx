import type { Metadata } from "next";
import { GRADES, GRADE_LABELS } from "@/lib/tally";
import { messages } from "@/server/site/locale";
import { readerGate } from "@/server/membership/access";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await messages();
  return { title: t.ballot.method.title };
}

const SECTIONS = ["grades", "profile", "pairwise", "schulze", "ranking", "consensus", "robustness", "recount"] as const;

/** "How results are computed", in the reader's language: the method of lib/tally in plain words. */
export default async function MethodPage() {
  await readerGate("/method");
  const { t } = await messages();
  const m = t.ballot.method;
  return (
    <article>
      <h1>{m.title}</h1>
      <p>{m.intro}</p>
      {SECTIONS.map((key) => (
        <section key={key} aria-labelledby={`method-${key}`}>
          <h2 id={`method-${key}`}>{m[`${key}Title`]}</h2>
          <p>{m[key]}</p>
          {key === "grades" ? (
            <ol reversed>
              {[...GRADES].reverse().map((g) => (
                <li key={g}>
                  {GRADE_LABELS[g].en} <span lang="zh-Hans">{GRADE_LABELS[g].zh}</span>
                </li>
              ))}
            </ol>
          ) : null}
          {key === "recount" ? (
            <p>
              <code>{m.exportLink}</code>
            </p>
          ) : null}
        </section>
      ))}
    </article>
  );
}
