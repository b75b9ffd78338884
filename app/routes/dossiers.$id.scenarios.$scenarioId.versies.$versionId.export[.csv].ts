// Download of a version's yearly table as CSV (resource route).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/features/auth/guards.server";
import { param } from "~/features/scenarios/route-helpers.server";
import { exportCsv } from "~/features/simulation/export.server";
import { getLocale } from "~/platform/i18n/locale.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const where = { user, dossierId: param(params, "id"), scenarioId: param(params, "scenarioId"), versionId: param(params, "versionId") };
  return exportCsv(where, await getLocale(request, user));
}
