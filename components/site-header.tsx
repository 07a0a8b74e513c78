import Link from "next/link";
import { messages } from "@/server/locale";
import { LanguageSwitch } from "@/components/language-switch";

export async function SiteHeader() {
  const { locale, t } = await messages();
  return (
    <header className="site">
      <Link className="brand" href="/">
        Gongshang<span lang="zh-Hans">共商</span>
      </Link>
      <nav aria-label={t.nav.lexicon}>
        <Link href="/">{t.nav.lexicon}</Link>
        <LanguageSwitch locale={locale} label={t.nav.language} />
      </nav>
    </header>
  );
}
