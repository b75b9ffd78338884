// Who may see or change a scenario: always through the dossier (requireDossierAccess), so
// another municipality's scenario answers 404 before anything else; then staff-only changes
// answer 403 for a municipality user of the dossier.
import { forbidden, notFound } from "~/features/auth/guards.server";
import { canUseAction, isStaff } from "~/features/auth/permissions";
import type { SessionUser } from "~/features/auth/session.server";
import { requireDossierAccess } from "~/features/dossiers/access.server";
import { isClosed, type Phase } from "~/features/dossiers/phases";
import type { Prisma } from "~/generated/prisma-sqlite/client";
import { db } from "~/platform/db.server";
import { ClosedDossierError } from "./errors";

export type Actor = Pick<SessionUser, "id" | "role" | "municipalities">;

/** The dossier, when the user may see it (404 otherwise) and, for `edit`, change simulations (403). */
export async function requireScenarioDossier(user: Actor, dossierId: string, options: { edit?: boolean } = {}) {
  const dossier = await requireDossierAccess(user, dossierId);
  if (options.edit && !canUseAction(user, "editSimulation")) forbidden();
  return dossier;
}

/** Changes are refused once the dossier is closed (rejected, completed or stopped). */
export function assertDossierOpen(dossier: { phase: Phase }) {
  if (isClosed(dossier.phase)) throw new ClosedDossierError();
}

/** May this user change the dossier's scenarios now? (For showing the buttons.) */
export function canChangeScenarios(user: Actor, dossier: { phase: Phase }) {
  return canUseAction(user, "editSimulation") && !isClosed(dossier.phase);
}

/** Scenarios the user may see: municipality users do not see archived ones. */
export function scenarioWhere(user: Actor, dossierId: string): Prisma.ScenarioWhereInput {
  return isStaff(user) ? { dossierId } : { dossierId, archivedAt: null };
}

/** Versions the user may see: municipality users never see drafts. */
export function versionWhere(user: Actor): Prisma.SimulationVersionWhereInput {
  return isStaff(user) ? {} : { status: { not: "DRAFT" } };
}

/** The dossier and the scenario, checked as above; a scenario of another dossier is 404. */
export async function requireScenarioAccess(
  user: Actor,
  dossierId: string,
  scenarioId: string,
  options: { edit?: boolean } = {},
) {
  const dossier = await requireScenarioDossier(user, dossierId, options);
  const scenario = await db.scenario.findFirst({ where: { id: scenarioId, ...scenarioWhere(user, dossierId) } });
  if (!scenario) notFound();
  return { dossier, scenario };
}
