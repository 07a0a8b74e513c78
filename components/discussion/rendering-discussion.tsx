import { format, type Locale, type Messages } from "@/lib/i18n";
import { STANCES, type Stance } from "@/lib/schemas/comment";
import type { Stage } from "@/lib/schemas/term";
import { COMMENTS_OPEN } from "@/lib/term-stages";
import type { CommentView } from "@/server/deliberation/comments";
import { discussionOf } from "@/server/terms/page";
import { CommentBody } from "./comment-body";
import { AddComment, CommentActions } from "./member-comment-parts";
import styles from "./discussion.module.css";
import { formatDate } from "@/lib/i18n/dates";
import { byline } from "@/lib/i18n/byline";

type Term = { id: string; slug: string; stage: Stage; targetLang: string };
type Ctx = { term: Term; t: Messages; locale: Locale; open: boolean };

/**
 * A rendering's arguments, grouped for / against / questions, each thread with its replies; the
 * same for every reader (hidden comments are listed for admins in the facilitator panel). What
 * the viewer may do with them is drawn on the client (member-comment-parts.tsx).
 */
export async function RenderingDiscussion({ term, renderingId, t, locale }: { term: Term; renderingId: string; t: Messages; locale: Locale }) {
  const discussion = await discussionOf(term.id);
  const threads = discussion.byRendering[renderingId] ?? [];
  const counts = discussion.counts[renderingId] ?? { for: 0, against: 0, question: 0 };
  const text = t.discussion;
  const ctx: Ctx = { term, t, locale, open: COMMENTS_OPEN.includes(term.stage) };
  const headingId = `args-${renderingId}`;
  return (
    <section className={styles.discussion} aria-labelledby={headingId}>
      <h4 id={headingId}>{text.title}</h4>
      <p className={styles.summary}>{format(text.summary, counts)}</p>
      {threads.length === 0 ? <p className="muted">{text.none}</p> : null}
      <div className={styles.columns}>
        {STANCES.map((stance) => {
          const group = threads.filter((c) => c.stance === stance);
          if (group.length === 0) return null;
          return (
            <div key={stance} className={styles.group} data-stance={stance}>
              <h5>{text.groups[stance]}</h5>
              <ul className={styles.list}>
                {group.map((c) => (
                  <li key={c.id}>
                    <Comment c={c} ctx={ctx} renderingId={renderingId} />
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </div>
      {ctx.open ? <AddComment slug={term.slug} renderingId={renderingId} /> : null}
    </section>
  );
}

function Comment({ c, ctx, renderingId, reply = false }: { c: CommentView; ctx: Ctx; renderingId: string; reply?: boolean }) {
  const { t, locale, term, open } = ctx;
  const text = t.discussion;
  const date = formatDate(c.createdAt, locale);
  return (
    <article className={styles.comment} data-stance={c.stance} data-hidden={c.hidden || undefined} id={`c-${c.id}`}>
      {c.deleted ? (
        <p className="muted">{text.deleted}</p>
      ) : (
        <>
          <p className={styles.meta}>
            <span className={styles.stance}>{text.stance[c.stance as Stance]}</span> · {byline(c.author, locale)} · <time dateTime={c.createdAt}>{date}</time>
            {c.editedAt ? ` · ${text.edited}` : ""}
          </p>
          {c.hidden ? <p className="muted">{text.hidden}</p> : null}
          {c.movedFrom ? <p className={styles.meta}>{format(text.movedFrom, { text: c.movedFrom.text })}</p> : null}
          <CommentBody body={c.body} />
          <CommentActions slug={term.slug} renderingId={renderingId} comment={{ id: c.id, stance: c.stance as Stance, body: c.body }} reply={reply} open={open} />
        </>
      )}
      {c.replies.length > 0 ? (
        <ul className={styles.replies}>
          {c.replies.map((r) => (
            <li key={r.id}>
              <Comment c={r} ctx={ctx} renderingId={renderingId} reply />
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}
