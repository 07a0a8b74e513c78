import type { Metadata } from "next";
import { format } from "@/lib/i18n";
import { messages } from "@/server/site/locale";
import { inspectUnsubscribe } from "@/server/notices/unsubscribe";
import { unsubscribeAction } from "@/server/actions/account/unsubscribe";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Stop these emails", referrer: "no-referrer", robots: { index: false } };

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ done?: string }> };

/** The page an email's unsubscribe link opens: one button, no sign-in (the signed link is enough). */
export default async function UnsubscribePage({ params, searchParams }: Props) {
  const [{ token }, { done }, { t }] = await Promise.all([params, searchParams, messages()]);
  const landing = await inspectUnsubscribe(decodeURIComponent(token));
  const u = t.notices.unsubscribe;
  return (
    <>
      <h1>{u.title}</h1>
      {landing.state === "invalid" ? (
        <p className="error" role="alert">
          {u.invalid}
        </p>
      ) : done || landing.off ? (
        <p className="success" role="status">
          {format(u.done, { kind: t.notices.kinds[landing.kind] })}
        </p>
      ) : (
        <form action={unsubscribeAction} method="post" className="form">
          <p>{format(u.confirm, { kind: t.notices.kinds[landing.kind], email: landing.email })}</p>
          <input type="hidden" name="token" value={decodeURIComponent(token)} />
          <button type="submit">{u.button}</button>
        </form>
      )}
      <p>
        <a href="/profile#notices">{u.profile}</a>
      </p>
    </>
  );
}
