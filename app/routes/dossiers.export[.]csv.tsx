// CSV export of exactly the dossiers the list shows for the same query (all pages), within
// the user's scope. `;`-separated, UTF-8 with BOM, CRLF: opens cleanly in Belgian Excel.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUserWithPermission } from "~/features/auth/guards.server";
import { dossierCsv } from "~/features/dossiers/export.server";
import { parseListQuery } from "~/features/dossiers/list-query";
import { getLocale } from "~/platform/i18n/locale.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "viewDossier");
  const query = parseListQuery(new URL(request.url).searchParams);
  const locale = await getLocale(request, user);
  const csv = await dossierCsv({ user, query, locale });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="dossiers-${date}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
