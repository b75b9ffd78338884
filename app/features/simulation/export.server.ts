// Exports of one version (XLSX and CSV): the same access as the version page (staff; the
// dossier's municipality only for submitted or decided versions), and a file name that says
// what it is.
import { recordAudit } from "~/features/audit/audit.server";
import type { Actor } from "~/features/scenarios/access.server";
import { translate } from "~/platform/i18n/catalogue";
import type { Locale } from "~/platform/i18n/locales";
import { CSV_COLUMNS, yearTableCsv } from "./csv";
import { simulate } from "./engine";
import { getVersion } from "./versions.server";
import { simulationWorkbook } from "./xlsx.server";

type Where = { user: Actor; dossierId: string; scenarioId: string; versionId: string };

function fileName(reference: string, scenario: string, number: number, ext: string) {
  const slug = scenario
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40);
  return `${reference}-${slug || "scenario"}-v${number}.${ext}`;
}

function attachment(name: string) {
  return `attachment; filename="${name}"`;
}

export async function exportXlsx(where: Where): Promise<Response> {
  const { dossier, scenario, version, input } = await getVersion(where);
  const result = simulate(input);
  const buffer = await simulationWorkbook(input, result, { title: `${dossier.reference} ${scenario.name} v${version.number}` });
  await recordAudit({ userId: where.user.id, action: "DOWNLOAD", entityType: "SimulationVersion", entityId: version.id, dossierId: dossier.id, summary: { format: "xlsx" } });
  return new Response(new Uint8Array(buffer), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": attachment(fileName(dossier.reference, scenario.name, version.number, "xlsx")),
      "Cache-Control": "private, no-store",
    },
  });
}

export async function exportCsv(where: Where, locale: Locale): Promise<Response> {
  const { dossier, scenario, version, input } = await getVersion(where);
  const headers = Object.fromEntries(CSV_COLUMNS.map((c) => [c, translate(locale, `simulation.column.${c}`)])) as Record<(typeof CSV_COLUMNS)[number], string>;
  const body = yearTableCsv(simulate(input), headers);
  await recordAudit({ userId: where.user.id, action: "DOWNLOAD", entityType: "SimulationVersion", entityId: version.id, dossierId: dossier.id, summary: { format: "csv" } });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachment(fileName(dossier.reference, scenario.name, version.number, "csv")),
      "Cache-Control": "private, no-store",
    },
  });
}
