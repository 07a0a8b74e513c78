import { messages } from "@/server/site/locale";

export default async function CheckEmailPage() {
  const { t } = await messages();
  return (
    <>
      <h1>{t.auth.checkEmailTitle}</h1>
      <p role="status">{t.auth.checkEmail}</p>
    </>
  );
}
