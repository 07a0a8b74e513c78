import Link from "next/link";
import { redirect } from "next/navigation";
import { messages } from "@/server/site/locale";
import { currentActor } from "@/server/auth/request";
import { listNotifications } from "@/server/site/notifications";
import { formatDateTime } from "@/lib/i18n/dates";

export const dynamic = "force-dynamic";
export const metadata = { title: "Notifications" };

/** What members are told (e.g. that a facilitator hid their comment), newest first. */
export default async function NotificationsPage() {
  const [{ t, locale }, actor] = await Promise.all([messages(), currentActor()]);
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent("/notifications")}`);
  const list = await listNotifications(actor);
  const n = t.facilitation.notifications;
  return (
    <article>
      <h1>{n.title}</h1>
      {list.length === 0 ? (
        <p>{n.empty}</p>
      ) : (
        <ul>
          {list.map((x) => (
            <li key={x.id}>
              <time dateTime={x.createdAt} className="muted">
                {formatDateTime(x.createdAt, locale)}
              </time>{" "}
              {x.href ? <Link href={x.href}>{x.message}</Link> : x.message}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
