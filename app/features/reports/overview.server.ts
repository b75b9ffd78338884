// The annual overview for staff: reads dossiers with their transitions, preferred scenario
// and publication, and lets overview.ts do the counting. Exports: XLSX (one sheet per
// table, exceljs) and CSV (one table per file, ";" and a UTF-8 BOM for Excel in Belgium).
import ExcelJS from "exceljs";
import { forbidden } from "~/features/auth/guards.server";
import { isStaff } from "~/features/auth/permissions";
import type { SessionUser } from "~/features/auth/session.server";
import type { Phase } from "~/features/dossiers/phases";
import { db } from "~/platform/db.server";
import { translate } from "~/platform/i18n/catalogue";
import { formatDate } from "~/platform/i18n/format";
import type { Locale } from "~/platform/i18n/locales";
import { closedAtOf, yearStart } from "./dashboard";
import { type AnnualOverview, annualOverview, type OverviewDossier } from "./overview";
import { OVERVIEW_TABLE_NAMES } from "./overview-query";

type Actor = Pick<SessionUser, "role">;

export async function getAnnualOverview({ user, year }: { user: Actor; year: number }): Promise<AnnualOverview> {
  if (!isStaff(user)) forbidden();
  // Only dossiers started by the end of the year can count in it.
  const rows = await db.dossier.findMany({
    where: { startDate: { lt: yearStart(year + 1) } },
    select: {
      id: true,
      reference: true,
      phase: true,
      startDate: true,
      completedAt: true,
      church: { select: { id: true, name: true, municipality: { select: { name: true, province: true } } } },
      transitions: { select: { toPhase: true, at: true } },
      preferredScenario: { select: { functionCategory: true } },
      publication: { select: { title: true, publishedAt: true, functionCategory: true } },
    },
  });
  const dossiers: OverviewDossier[] = rows.map((d) => ({
    id: d.id,
    reference: d.reference,
    churchId: d.church.id,
    churchName: d.church.name,
    municipality: d.church.municipality.name,
    province: d.church.municipality.province,
    phase: d.phase,
    startDate: d.startDate,
    completedAt: d.completedAt,
    closedAt: closedAtOf(d.transitions.map((t) => ({ toPhase: t.toPhase as Phase, at: t.at }))),
    transitions: d.transitions.map((t) => ({ toPhase: t.toPhase as Phase, at: t.at })),
    functionCategory: d.preferredScenario?.functionCategory ?? d.publication?.functionCategory ?? null,
    publication: d.publication ? { title: d.publication.title, publishedAt: d.publication.publishedAt } : null,
  }));
  return annualOverview(dossiers, year);
}

export const OVERVIEW_TABLES = OVERVIEW_TABLE_NAMES;
export type OverviewTable = (typeof OVERVIEW_TABLES)[number];

/** One table of the overview as a header row and data rows, in the user's language. */
export function overviewTable(o: AnnualOverview, table: OverviewTable, locale: Locale): { title: string; header: string[]; rows: (string | number)[][] } {
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, key, params);
  const dossierHeader = ["reference", "church", "municipality", "province", "phaseAtYearEnd"].map((c) => t(`reports.overview.col.${c}`));
  const dossierRow = (r: AnnualOverview["guided"][number]) => [r.reference, r.churchName, r.municipality, r.province, t(`dossiers.phase.${r.phaseAtYearEnd}`)];
  switch (table) {
    case "guided":
      return { title: t("reports.overview.guided", { year: o.year }), header: dossierHeader, rows: o.guided.map(dossierRow) };
    case "started":
      return { title: t("reports.overview.started"), header: dossierHeader, rows: o.started.map(dossierRow) };
    case "completed":
      return { title: t("reports.overview.completed"), header: dossierHeader, rows: o.completed.map(dossierRow) };
    case "published":
      return {
        title: t("reports.overview.published"),
        header: [...dossierHeader.slice(0, 4), t("reports.overview.col.title"), t("reports.overview.col.publishedAt")],
        rows: o.published.map((r) => [r.reference, r.churchName, r.municipality, r.province, r.title, formatDate(r.publishedAt)]),
      };
    case "perProvince":
      return {
        title: t("reports.overview.perProvince"),
        header: [t("reports.overview.col.province"), t("reports.overview.col.churches")],
        rows: o.perProvince.map((r) => [r.key, r.count]),
      };
    case "perFunction":
      return {
        title: t("reports.overview.perFunction"),
        header: [t("reports.overview.col.function"), t("reports.overview.col.churches")],
        rows: o.perFunction.map((r) => [t(`reports.function.${r.key}`), r.count]),
      };
  }
}

/** Text a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with a quote. */
export function safeCell(value: string | number): string | number {
  return typeof value === "string" && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvField(value: string | number): string {
  const text = String(safeCell(value));
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function overviewCsv(o: AnnualOverview, table: OverviewTable, locale: Locale): string {
  const { header, rows } = overviewTable(o, table, locale);
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvField).join(";")).join("\r\n")}\r\n`;
}

export async function overviewXlsx(o: AnnualOverview, locale: Locale): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Herbestemming";
  for (const table of OVERVIEW_TABLES) {
    const { title, header, rows } = overviewTable(o, table, locale);
    // Sheet names: at most 31 characters and none of : \ / ? * [ ].
    const sheet = workbook.addWorksheet(title.replace(/[:\\/?*[\]]/g, " ").slice(0, 31));
    sheet.addRow(header).font = { bold: true };
    for (const row of rows) sheet.addRow(row.map(safeCell));
    sheet.views = [{ state: "frozen", ySplit: 1 }];
    sheet.columns.forEach((column, i) => {
      const longest = Math.max(String(header[i] ?? "").length, ...rows.map((r) => String(r[i] ?? "").length));
      column.width = Math.min(60, Math.max(10, longest + 2));
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
