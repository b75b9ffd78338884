// The generated report of a dossier as a PDF download: staff and the dossier's municipality
// (another municipality 404, anonymous 401 or the login page). Every download is audited.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordAudit } from "~/features/audit/audit.server";
import { requireUser } from "~/features/auth/guards.server";
import { renderReportPdf } from "~/features/reports/pdf.server";
import { loadReportData } from "~/features/reports/report-data.server";
import { getLocale } from "~/platform/i18n/locale.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const data = await loadReportData({ user, dossierId: params.id ?? "" });
  const locale = await getLocale(request, user);
  const pdf = await renderReportPdf(data, locale);
  await recordAudit({
    userId: user.id,
    action: "DOWNLOAD",
    entityType: "ReportPdf",
    entityId: data.dossier.id,
    dossierId: data.dossier.id,
    summary: { reference: data.dossier.reference, locale, bytes: pdf.length },
  });
  // The reference is HK-yyyy-nnn: safe in a quoted file name as it is.
  const fileName = `rapport-${data.dossier.reference.replace(/[^A-Za-z0-9-]/g, "_")}.pdf`;
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Content-Length": String(pdf.length),
      "Cache-Control": "private, no-store",
    },
  });
}
