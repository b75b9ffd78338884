// Who may reach a version on the review pages. Always through the dossier
// (requireDossierAccess), so another municipality's version answers 404 before anything
// else is looked at; drafts are never under review, so they answer 404 too.
import { notFound } from "~/features/auth/guards.server";
import { isStaff } from "~/features/auth/permissions";
import type { SessionUser } from "~/features/auth/session.server";
import { requireDossierAccess } from "~/features/dossiers/access.server";
import { db } from "~/platform/db.server";

export type Actor = Pick<SessionUser, "id" | "name" | "role" | "municipalities">;

export async function requireReviewVersion(user: Actor, versionId: string) {
  const version = await db.simulationVersion.findUnique({
    where: { id: versionId },
    select: {
      id: true,
      number: true,
      status: true,
      inputs: true,
      contentHash: true,
      scenarioId: true,
      scenario: { select: { id: true, name: true, archivedAt: true, dossierId: true } },
    },
  });
  if (!version) notFound();
  const dossier = await requireDossierAccess(user, version.scenario.dossierId);
  if (version.status === "DRAFT") notFound();
  // Municipality users do not see archived scenarios anywhere (scenarios feature rule).
  if (!isStaff(user) && version.scenario.archivedAt) notFound();
  return { version, dossier };
}
