import Link from "next/link";
import { notFound } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { messages } from "@/server/site/locale";
import { currentActor } from "@/server/auth/request";
import { getTermForEdit } from "@/server/terms/admin";
import { editTermAction } from "@/server/actions/facilitation";
import { TermForm } from "@/components/facilitation/term-form";
import { Refusal, requirePageRole } from "@/components/facilitation/access";

export const dynamic = "force-dynamic";

export default async function EditTermPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const [{ t }, actor] = await Promise.all([messages(), currentActor()]);
  if (!requirePageRole(actor, "facilitator", `/terms/${slug}/edit`)) return <Refusal t={t} />;
  const term = await getTermForEdit(actor, slug).catch((e) => {
    if (isAppError(e) && e.code === "not_found") notFound();
    throw e;
  });
  return (
    <article>
      <h1>{t.facilitation.term.editTitle}</h1>
      <p>
        <Link href={`/terms/${slug}`}>{t.facilitation.term.back}</Link>
      </p>
      <TermForm action={editTermAction.bind(null, slug)} initial={{ ...term, abbreviation: term.abbreviation ?? "" }} mode="edit" t={t.facilitation} forms={t.forms} />
    </article>
  );
}
