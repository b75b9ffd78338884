// Who sees which dossiers, in one place. Every query about dossiers (and what hangs under
// them) goes through dossierScope / getDossierOrThrow, so a municipality user can never
// reach another municipality's data by guessing an id.
import { notFound } from "~/features/auth/guards.server";
import { type Action, can, canUseAction, scopeOf } from "~/features/auth/permissions";
import type { SessionUser } from "~/features/auth/session.server";
import type { Prisma } from "~/generated/prisma-sqlite/client";
import { db } from "~/platform/db.server";

type Actor = Pick<SessionUser, "role" | "municipalities">;

/** The Prisma filter of the dossiers this user may see for an action. */
export function dossierScope(user: Actor, action: Action = "viewDossier"): Prisma.DossierWhereInput {
  const scope = scopeOf(user.role, action);
  if (scope === "any") return {};
  if (scope === "own") return { church: { nisCode: { in: [...user.municipalities] } } };
  return { id: { in: [] } };
}

/** The dossier's id and municipality, or a 404 when it does not exist or is not the user's. */
export async function requireDossierAccess(user: Actor, dossierId: string, action: Action = "viewDossier") {
  const dossier = await db.dossier.findUnique({
    where: { id: dossierId },
    select: { id: true, reference: true, phase: true, church: { select: { nisCode: true } } },
  });
  if (!dossier) notFound();
  if (!canUseAction(user, action)) {
    throw new Response("Forbidden", { status: 403 });
  }
  if (!can(user, action, { nisCode: dossier.church.nisCode })) notFound();
  return { id: dossier.id, reference: dossier.reference, phase: dossier.phase, nisCode: dossier.church.nisCode };
}
