import { useRouteLoaderData } from "@remix-run/react";
import { useCallback } from "react";
import { type MessageKey, type MessageParams, translate } from "./catalogue";
import { DEFAULT_LOCALE, type Locale } from "./locales";

/** The interface language, from the root loader. */
export function useLocale(): Locale {
  const data = useRouteLoaderData("root") as { locale?: Locale } | undefined;
  return data?.locale ?? DEFAULT_LOCALE;
}

/** `t("nav.dossiers")` in the current language. */
export function useT() {
  const locale = useLocale();
  return useCallback(
    (key: MessageKey | (string & {}), params?: MessageParams) => translate(locale, key, params),
    [locale],
  );
}
