import Link from "next/link";
import { format, type Messages } from "@/lib/i18n";
import type { Stage } from "@/lib/schemas/term";
import { viewer } from "@/server/terms/page";
import { getBallot } from "@/server/ballots/service";
import { saveBallot } from "@/server/actions/save-ballot";
import { BallotForm } from "./ballot-form";
import styles from "./ballot.module.css";

type Term = {
  slug: string;
  stage: Stage;
  targetLang: string;
  renderings: { id: string; text: string; pinyin: string }[];
};

/** The reader's own ballot: the form while the term is open, else why there is none. */
export async function BallotSection({ term, t }: { term: Term; t: Messages }) {
  const text = t.ballot.form;
  const actor = await viewer();
  return (
    <section aria-labelledby="ballot-title" id="ballot">
      <h2 id="ballot-title">{text.title}</h2>
      {await body()}
    </section>
  );

  /** Where the voter finds their own ballot in the anonymized export (issue 15). */
  function InExport({ voter }: { voter: string }) {
    return (
      <p data-testid="ballot-pseudonym">
        {format(text.inExport, { voter: "" })}
        <code>{voter}</code> (<a href={`/api/terms/${term.slug}/ballots`}>{text.exportLink}</a>).{" "}
        <span className="muted">{text.inExportHint}</span>
      </p>
    );
  }

  async function body() {
    const ballot = actor ? await getBallot(actor, term.slug) : null;
    if (term.stage !== "consultation")
      return (
        <>
          <p className={styles.panel}>
            {term.stage === "draft" ? text.notOpenYet : text.closed}{" "}
            {ballot && ballot.revision > 0 ? format(text.keptBallot, { revision: ballot.revision }) : null}
          </p>
          {ballot && ballot.revision > 0 ? <InExport voter={ballot.voter} /> : null}
        </>
      );
    if (!actor || !ballot)
      return (
        <p className={styles.panel}>
          <Link href={`/signin?callbackUrl=${encodeURIComponent(`/terms/${term.slug}#ballot`)}`}>{text.signIn}</Link>
          <br />
          <span className="muted">{text.signInHint}</span>
        </p>
      );
    if (!actor.delegationId) return <p className={styles.panel}>{text.noDelegation}</p>;
    if (term.renderings.length === 0) return null;
    return (
      <>
        <p className="muted">{text.intro}</p>
        <p>{ballot.revision > 0 ? format(text.lastSaved, { revision: ballot.revision }) : text.notCast}</p>
        {ballot.revision > 0 ? <InExport voter={ballot.voter} /> : null}
        <BallotForm
          action={saveBallot.bind(null, term.slug)}
          renderings={term.renderings.map(({ id, text, pinyin }) => ({ id, text, pinyin }))}
          initial={{
            status: "idle",
            values: { grades: ballot.grades, reasons: ballot.reasons, note: ballot.note },
            fields: {},
            revision: ballot.revision,
          }}
          text={text}
          targetLang={term.targetLang}
        />
      </>
    );
  }
}
