import { createCookie } from "@remix-run/node";
import { DEFAULT_LOCALE, isLocale, type Locale, localeFromAcceptLanguage } from "./locales";

/** The chosen language, kept for a year; not secret, so unsigned. */
export const localeCookie = createCookie("hb_lang", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

/** Stored choice (cookie), else the account's preference, else Accept-Language, else Dutch. */
export async function getLocale(request: Request, user?: { locale: string | null } | null): Promise<Locale> {
  const fromCookie: unknown = await localeCookie.parse(request.headers.get("Cookie"));
  if (isLocale(fromCookie)) return fromCookie;
  if (user && isLocale(user.locale)) return user.locale;
  return localeFromAcceptLanguage(request.headers.get("Accept-Language")) ?? DEFAULT_LOCALE;
}
