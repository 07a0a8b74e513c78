import Link from "next/link";
import { messages } from "@/server/site/locale";
import { currentActor } from "@/server/auth/request";
import { ImportForm } from "@/components/facilitation/import-form";
import { Refusal, requirePageRole } from "@/components/facilitation/access";
import { errorTexts } from "@/lib/i18n/codes";

export const dynamic = "force-dynamic";
export const metadata = { title: "Import a glossary" };

/** Facilitators bring a glossary in: preview, then import (server/imports/lexicon.ts). */
export default async function ImportPage() {
  const [{ t }, actor] = await Promise.all([messages(), currentActor()]);
  if (!requirePageRole(actor, "facilitator", "/facilitate/import")) return <Refusal t={t} />;
  return (
    <article>
      <h1>{t.imports.title}</h1>
      <p>{t.imports.intro}</p>
      <ImportForm t={t.imports} errors={errorTexts(t)} />
      <p>
        <Link href="/">{t.imports.toLexicon}</Link>
      </p>
    </article>
  );
}
