import { messages } from "@/server/site/locale";
import { NotFoundMessage } from "@/components/not-found-message";

export default async function NotFound() {
  const { t } = await messages();
  return <NotFoundMessage t={t} />;
}
