import Link from "next/link";
import { messages } from "@/server/locale";

export default async function NotFound() {
  const { t } = await messages();
  return (
    <>
      <h1>{t.errors.notFoundTitle}</h1>
      <p>{t.errors.notFound}</p>
      <p>
        <Link href="/">{t.errors.backHome}</Link>
      </p>
    </>
  );
}
