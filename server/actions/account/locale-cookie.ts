import "server-only";
import { cookies } from "next/headers";
import { isLocale } from "@/lib/i18n";
import { LOCALE_COOKIE } from "@/server/site/locale";

/** The member's preferred language becomes the interface language of this browser. */
export async function rememberLocale(locale: string | undefined): Promise<void> {
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
}
