import "server-only";
import { cookies, headers } from "next/headers";
import { DEFAULT_LOCALE, MESSAGES, isLocale, localeFromAcceptLanguage, type Locale } from "@/lib/i18n";

export const LOCALE_COOKIE = "locale";

/** The reader's language: the switcher's cookie, else Accept-Language, else English. */
export async function currentLocale(): Promise<Locale> {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(fromCookie)) return fromCookie;
  return localeFromAcceptLanguage((await headers()).get("accept-language")) ?? DEFAULT_LOCALE;
}

export async function messages() {
  const locale = await currentLocale();
  return { locale, t: MESSAGES[locale] };
}
