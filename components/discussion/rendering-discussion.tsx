import Link from "next/link";
import { format, type Locale, type Messages } from "@/lib/i18n";
import { canAdminister, canFacilitate, type Actor } from "@/lib/permissions";
import { STANCES, type Stance } from "@/lib/schemas/comment";
import type { Stage } from "@/lib/schemas/term";
import { COMMENTS_OPEN } from "@/lib/term-stages";
import type { CommentView } from "@/server/deliberation/comments";
import { addCommentAction, deleteCommentAction, editCommentAction } from "@/server/actions/discussion";
import { hideCommentAction, unhideCommentAction } from "@/server/actions/facilitation";
import { discussionOf, viewer } from "@/server/terms/page";
import { CommentBody } from "./comment-body";
import { CommentForm } from "./comment-form";
import { OwnCommentControls } from "./own-comment-controls";
import { HideForm } from "@/components/facilitation/hide-form";
import { ActionButton } from "@/components/facilitation/action-button";
import styles from "./discussion.module.css";

type Term = { id: string; slug: string; stage: Stage; targetLang: string };
type Ctx = { term: Term; t: Messages; locale: Locale; actor: Actor | null; open: boolean };

/** A rendering's arguments, grouped for / against / questions, each thread with its replies. */
export async function RenderingDiscussion({ term, renderingId, t, locale }: { term: Term; renderingId: string; t: Messages; locale: Locale }) {
  const [actor, discussion] = await Promise.all([viewer(), discussionOf(term.id)]);
  const threads = discussion.byRendering[renderingId] ?? [];
  const counts = discussion.counts[renderingId] ?? { for: 0, against: 0, question: 0 };
  const text = t.discussion;
  const ctx: Ctx = { term, t, locale, actor, open: COMMENTS_OPEN.includes(term.stage) };
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
      {ctx.open && actor ? (
        <details>
          <summary>{text.add}</summary>
          <CommentForm formId={`c-${renderingId}`} action={addCommentAction.bind(null, term.slug, renderingId)} t={text} forms={t.forms} />
        </details>
      ) : ctx.open ? (
        <p>
          <Link href={`/signin?callbackUrl=${encodeURIComponent(`/terms/${term.slug}#r-${renderingId}`)}`}>{text.signIn}</Link>
        </p>
      ) : null}
    </section>
  );
}

function Comment({ c, ctx, renderingId, reply = false }: { c: CommentView; ctx: Ctx; renderingId: string; reply?: boolean }) {
  const { t, locale, actor, term, open } = ctx;
  const text = t.discussion;
  const date = new Date(c.createdAt).toLocaleDateString(locale === "zh" ? "zh-CN" : "en-GB", { timeZone: "UTC" });
  return (
    <article className={styles.comment} data-stance={c.stance} data-hidden={c.hidden || undefined} id={`c-${c.id}`}>
      {c.deleted ? (
        <p className="muted">{text.deleted}</p>
      ) : (
        <>
          <p className={styles.meta}>
            <span className={styles.stance}>{text.stance[c.stance as Stance]}</span> · {c.author.name}
            {c.author.delegation ? ` (${c.author.delegation})` : ""} · <time dateTime={c.createdAt}>{date}</time>
            {c.editedAt ? ` · ${text.edited}` : ""}
          </p>
          {c.hidden ? <p className="muted">{text.hidden}</p> : null}
          {c.movedFrom ? <p className={styles.meta}>{format(text.movedFrom, { text: c.movedFrom.text })}</p> : null}
          <CommentBody body={c.body} />
          <div className={styles.actions}>
            {c.mine && open ? (
              <OwnCommentControls
                commentId={c.id}
                comment={{ stance: c.stance, body: c.body }}
                editAction={editCommentAction.bind(null, term.slug, c.id)}
                deleteAction={deleteCommentAction.bind(null, term.slug, c.id)}
                t={text}
                forms={t.forms}
              />
            ) : null}
            {!reply && open && actor ? (
              <details>
                <summary>{text.replyOpen}</summary>
                <CommentForm formId={`reply-${c.id}`} action={addCommentAction.bind(null, term.slug, renderingId)} t={text} forms={t.forms} parentId={c.id} mode="reply" />
              </details>
            ) : null}
            {canFacilitate(actor) && !c.hidden ? (
              <details>
                <summary>{t.facilitation.hide.submit}</summary>
                <HideForm formId={`hide-${c.id}`} action={hideCommentAction.bind(null, term.slug, c.id)} t={t.facilitation} forms={t.forms} />
              </details>
            ) : null}
            {canAdminister(actor) && c.hidden ? (
              <ActionButton action={unhideCommentAction.bind(null, term.slug, c.id)} label={t.facilitation.hide.unhide} busy="…" forms={t.forms} />
            ) : null}
          </div>
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
