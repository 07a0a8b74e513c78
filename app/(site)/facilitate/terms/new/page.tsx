import { messages } from "@/server/site/locale";
import { currentActor } from "@/server/auth/request";
import { createTermAction } from "@/server/actions/facilitation";
import { TermForm } from "@/components/facilitation/term-form";
import { Refusal, requirePageRole } from "@/components/facilitation/access";

export const dynamic = "force-dynamic";
export const metadata = { title: "New term" };

const EMPTY = { slug: "", headword: "", abbreviation: "", definition: "", context: "", source: "", subjectField: "", sourceLang: "en", targetLang: "zh-Hans" };

export default async function NewTermPage() {
  const [{ t }, actor] = await Promise.all([messages(), currentActor()]);
  if (!requirePageRole(actor, "facilitator", "/facilitate/terms/new")) return <Refusal t={t} />;
  return (
    <article>
      <h1>{t.facilitation.term.newTitle}</h1>
      <TermForm action={createTermAction} initial={EMPTY} mode="create" t={t.facilitation} forms={t.forms} />
    </article>
  );
}
