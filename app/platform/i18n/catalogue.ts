// All message catalogues merged: the shell's and each feature's. Every visible string comes
// from here; tests/unit/i18n checks that Dutch and English have the same keys.
import { messages as audit } from "~/features/audit/messages";
import { messages as auth } from "~/features/auth/messages";
import { messages as calls } from "~/features/calls/messages";
import { messages as churches } from "~/features/churches/messages";
import { messages as documents } from "~/features/documents/messages";
import { messages as dossiers } from "~/features/dossiers/messages";
import { messages as notifications } from "~/features/notifications/messages";
import { messages as publication } from "~/features/publication/messages";
import { messages as reports } from "~/features/reports/messages";
import { messages as review } from "~/features/review/messages";
import { messages as scenarios } from "~/features/scenarios/messages";
import { messages as simulation } from "~/features/simulation/messages";
import { messages as users } from "~/features/users/messages";
import type { Locale } from "./locales";
import { messages as security } from "../security/messages";
import { messages as shell } from "./messages";

const sources = [
  shell,
  auth,
  users,
  audit,
  churches,
  calls,
  dossiers,
  documents,
  scenarios,
  simulation,
  review,
  reports,
  publication,
  notifications,
  security,
] as const;

type Merge<T extends readonly { nl: object }[]> = T extends readonly [infer H, ...infer R]
  ? (H extends { nl: infer M } ? M : never) & (R extends readonly { nl: object }[] ? Merge<R> : unknown)
  : unknown;

export type MessageKey = keyof Merge<typeof sources>;
export type MessageParams = Record<string, string | number>;

function merge(locale: Locale): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const source of sources) Object.assign(merged, source[locale]);
  return merged;
}

export const catalogues: Record<Locale, Record<string, string>> = { nl: merge("nl"), en: merge("en") };

/** Looks a key up and fills `{name}` placeholders. Unknown keys show as themselves. */
export function translate(locale: Locale, key: string, params?: MessageParams): string {
  const template = catalogues[locale][key] ?? catalogues.nl[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

export function hasMessage(key: string): boolean {
  return key in catalogues.nl;
}
