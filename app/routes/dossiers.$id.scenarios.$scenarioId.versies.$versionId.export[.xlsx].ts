// Download of a version as an Excel workbook with formulas (resource route).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/features/auth/guards.server";
import { param } from "~/features/scenarios/route-helpers.server";
import { exportXlsx } from "~/features/simulation/export.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return exportXlsx({ user, dossierId: param(params, "id"), scenarioId: param(params, "scenarioId"), versionId: param(params, "versionId") });
}
