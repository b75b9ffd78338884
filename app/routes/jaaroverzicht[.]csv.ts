// One table of the annual overview as CSV (";" separated, UTF-8 with BOM), staff only.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUserWithPermission } from "~/features/auth/guards.server";
import { overviewQuery } from "~/features/reports/overview-query";
import { getAnnualOverview, overviewCsv } from "~/features/reports/overview.server";
import { getLocale } from "~/platform/i18n/locale.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "viewInternal");
  const { jaar, tabel } = overviewQuery(new URL(request.url));
  const overview = await getAnnualOverview({ user, year: jaar });
  return new Response(overviewCsv(overview, tabel, await getLocale(request, user)), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="jaaroverzicht-${jaar}-${tabel}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
