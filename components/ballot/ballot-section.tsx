import Link from "next/link";
import type { Locale, Messages } from "@/lib/i18n";
import type { Stage } from "@/lib/schemas/term";
import { MemberBallot } from "./member-ballot";
import styles from "./ballot.module.css";

type Term = {
  slug: string;
  stage: Stage;
  targetLang: string;
  renderings: { id: string; text: string }[];
};

/**
 * The ballot section. The page is the same for everyone; the viewer's ballot is filled in on
 * the client (components/member) — readers who are not signed in see how to sign in.
 */
export function BallotSection({ term, t, locale }: { term: Term; t: Messages; locale: Locale }) {
  const text = t.ballot.form;
  return (
    <section aria-labelledby="ballot-title" id="ballot">
      <h2 id="ballot-title">{text.title}</h2>
      <MemberBallot slug={term.slug} stage={term.stage} targetLang={term.targetLang} locale={locale} renderings={term.renderings.map(({ id, text }) => ({ id, text }))}>
        <p className={styles.panel}>
          <Link href={`/signin?callbackUrl=${encodeURIComponent(`/terms/${term.slug}#ballot`)}`}>{text.signIn}</Link>
          <br />
          <span className="muted">{text.signInHint}</span>
        </p>
      </MemberBallot>
    </section>
  );
}
