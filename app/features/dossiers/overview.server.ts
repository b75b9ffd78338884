import type { SessionUser } from "~/features/auth/session.server";
import { db } from "~/platform/db.server";
import { dossierScope } from "./access.server";
import { PHASES, type Phase } from "./phases";

/** Number of dossiers per phase, in the phases' own order, for the user's scope. */
export async function phaseCounts(user: Pick<SessionUser, "role" | "municipalities">) {
  const groups = await db.dossier.groupBy({ by: ["phase"], where: dossierScope(user), _count: { _all: true } });
  const byPhase = new Map(groups.map((g) => [g.phase as Phase, g._count._all]));
  return PHASES.map((phase) => ({ phase, count: byPhase.get(phase) ?? 0 }));
}
