// The dossier list as CSV, in the user's language, for exactly the filtered dossiers.
import type { SessionUser } from "~/features/auth/session.server";
import { translate } from "~/platform/i18n/catalogue";
import { formatDate } from "~/platform/i18n/format";
import type { Locale } from "~/platform/i18n/locales";
import { toCsv } from "./csv";
import { exportDossiers } from "./dossiers.server";
import type { ListQuery } from "./list-query";

const HEADER_KEYS = [
  "dossiers.list.reference",
  "dossiers.list.church",
  "dossiers.list.municipality",
  "dossiers.list.province",
  "dossiers.list.phase",
  "dossiers.field.applicantType",
  "dossiers.field.applicantName",
  "dossiers.field.lead",
  "dossiers.field.call",
  "dossiers.list.startDate",
  "dossiers.list.targetDate",
] as const;

export async function dossierCsv({ user, query, locale }: { user: Pick<SessionUser, "role" | "municipalities">; query: ListQuery; locale: Locale }) {
  const rows = await exportDossiers({ user, query });
  const t = (key: string) => translate(locale, key);
  return toCsv(
    HEADER_KEYS.map(t),
    rows.map((d) => [
      d.reference,
      d.church.name,
      d.church.municipality.name,
      d.church.municipality.province,
      t(`dossiers.phase.${d.phase}`),
      t(`dossiers.applicantType.${d.applicantType}`),
      d.applicantName,
      d.lead?.name ?? "",
      d.call ? String(d.call.number) : "",
      formatDate(d.startDate),
      d.targetDate ? formatDate(d.targetDate) : "",
    ]),
  );
}
