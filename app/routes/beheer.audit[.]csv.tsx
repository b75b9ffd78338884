// CSV export of the audit log for the same filter as /beheer/audit (all pages, newest
// first): `;`-separated, UTF-8 with BOM, CRLF. Administrators only; the export is audited.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportAuditCsv } from "~/features/audit/audit-log.server";
import { AuditFilterSchema } from "~/features/audit/filters";
import { requireUserWithPermission } from "~/features/auth/guards.server";
import { getLocale } from "~/platform/i18n/locale.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireUserWithPermission(request, "manageAccounts");
  const parsed = AuditFilterSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new Response("Bad Request", { status: 400 });
  const locale = await getLocale(request, actor);
  const csv = await exportAuditCsv({ actor, filter: parsed.data, locale });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="auditlog-${date}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
