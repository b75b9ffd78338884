// Belgian notation for numbers, money and dates. Money and numbers always use the Belgian
// separators (1.234.567,89 €), in Dutch and English alike, because finance officers compare
// them with their own Belgian spreadsheets; dates follow the interface language.
import type { Locale } from "./locales";

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(minimumFractionDigits: number, maximumFractionDigits: number) {
  const key = `${minimumFractionDigits}:${maximumFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat("nl-BE", { minimumFractionDigits, maximumFractionDigits });
    numberFormats.set(key, format);
  }
  return format;
}

/** 1234567.891 -> "1.234.567,89 €"; rounds to the cent for display only. */
export function formatMoney(amount: number | null | undefined): string {
  if (amount === null || amount === undefined || Number.isNaN(amount)) return "–";
  const rounded = Math.round(amount * 100) / 100;
  return `${numberFormat(2, 2).format(rounded === 0 ? 0 : rounded)} €`;
}

/** 1234.5 -> "1.234,5" (up to `maxDigits` decimals). */
export function formatNumber(value: number | null | undefined, maxDigits = 2, minDigits = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  return numberFormat(minDigits, maxDigits).format(value);
}

/** 0.74231 -> "0,7423 %". */
export function formatPercent(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  return `${numberFormat(digits, digits).format(value)} %`;
}

const dateLocales: Record<Locale, string> = { nl: "nl-BE", en: "en-BE" };

function toDate(value: Date | string | number) {
  return value instanceof Date ? value : new Date(value);
}

/** "5/3/2026" in both languages: the Belgian short date. */
export function formatDate(value: Date | string | number | null | undefined): string {
  if (value === null || value === undefined) return "–";
  const d = toDate(value);
  return `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`;
}

/** "5 mrt 2026, 11:00" / "5 Mar 2026, 11:00" in Brussels time. */
export function formatDateTime(value: Date | string | number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined) return "–";
  return new Intl.DateTimeFormat(dateLocales[locale], {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Europe/Brussels",
  }).format(toDate(value));
}

/** "yyyy-mm-dd" for <input type="date"> values. */
export function toDateInputValue(value: Date | string | null | undefined): string {
  if (!value) return "";
  return toDate(value).toISOString().slice(0, 10);
}
