import type { Metadata } from "next";
import { GRADES, GRADE_LABELS } from "@/lib/tally";
import { messages } from "@/server/site/locale";
import { readerGate } from "@/server/membership/access";
import { currentActor } from "@/server/auth/request";
import { hasRole } from "@/lib/permissions";
import { Bilingual } from "@/components/bilingual";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await messages();
  return { title: t.ballot.method.title };
}

const SECTIONS = ["grades", "profile", "pairwise", "schulze", "ranking", "consensus", "robustness", "recount"] as const;

/** "How results are computed", in the reader's language: the method of lib/tally in plain words. */
export default async function MethodPage() {
  await readerGate("/method");
  const [{ t, locale }, actor] = await Promise.all([messages(), currentActor()]);
  const m = t.ballot.method;
  // The command-line recount is for those who run the project (this page is rendered per request).
  const cli = hasRole(actor, "facilitator");
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
                  <Bilingual label={GRADE_LABELS[g]} first={locale} />
                </li>
              ))}
            </ol>
          ) : null}
          {key === "recount" ? (
            <p>
              <code>{m.exportLink}</code>
            </p>
          ) : null}
          {key === "recount" && cli ? <p data-testid="recount-cli">{m.recountCli}</p> : null}
        </section>
      ))}
    </article>
  );
}
