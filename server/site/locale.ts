import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { DEFAULT_LOCALE, MESSAGES, isLocale, localeFromAcceptLanguage, type Locale } from "@/lib/i18n";
import type { Actor } from "@/lib/permissions";
import { db } from "@/server/db/client";
import { currentActor } from "@/server/auth/request";
import { LOCALE_COOKIE } from "@/lib/reader-route";

export { LOCALE_COOKIE } from "@/lib/reader-route";

/** The signed-in scholar's profile language, looked up once per request. */
const profileLocale = cache(async (): Promise<Locale | null> => (await currentActor())?.locale ?? null);

/**
 * The reader's language: the switcher's choice on this browser (cookie), else the signed-in
 * scholar's profile, else Accept-Language, else English. Signed in, the switcher writes both
 * (app/api/locale), so the profile and this browser agree; a scholar on a new browser gets
 * their profile's language without choosing again.
 */
export async function currentLocale(): Promise<Locale> {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(fromCookie)) return fromCookie;
  const fromProfile = await profileLocale();
  if (fromProfile) return fromProfile;
  return localeFromAcceptLanguage((await headers()).get("accept-language")) ?? DEFAULT_LOCALE;
}

export async function messages() {
  const locale = await currentLocale();
  return { locale, t: MESSAGES[locale] };
}

/** The switcher, signed in: the choice becomes the scholar's own profile language. */
export async function saveProfileLocale(actor: Actor, locale: Locale): Promise<void> {
  if (actor.locale === locale) return;
  await db().user.update({ where: { id: actor.id }, data: { locale } });
}
