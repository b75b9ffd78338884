// The annual overview as an Excel workbook, one sheet per table (staff only).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUserWithPermission } from "~/features/auth/guards.server";
import { overviewQuery } from "~/features/reports/overview-query";
import { getAnnualOverview, overviewXlsx } from "~/features/reports/overview.server";
import { getLocale } from "~/platform/i18n/locale.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "viewInternal");
  const { jaar } = overviewQuery(new URL(request.url));
  const overview = await getAnnualOverview({ user, year: jaar });
  const body = await overviewXlsx(overview, await getLocale(request, user));
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="jaaroverzicht-${jaar}.xlsx"`,
      "Cache-Control": "private, no-store",
    },
  });
}
