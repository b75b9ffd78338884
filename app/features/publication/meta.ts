// Meta tags in the interface language: route meta functions read the locale from the root
// loader's data, which they receive in `matches`. Pure.
import { translate } from "~/platform/i18n/catalogue";
import { DEFAULT_LOCALE, type Locale } from "~/platform/i18n/locales";

type Match = { id: string; data: unknown } | undefined;

export function metaLocale(matches: readonly Match[]): Locale {
  const root = matches.find((m) => m?.id === "root");
  return ((root?.data as { locale?: Locale } | undefined)?.locale ?? DEFAULT_LOCALE) as Locale;
}

export function metaText(matches: readonly Match[], key: string, params?: Record<string, string | number>) {
  return translate(metaLocale(matches), key, params);
}
