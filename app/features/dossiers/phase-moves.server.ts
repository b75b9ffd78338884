// Moving a dossier between phases. The rules are in ./phases.ts; this module gathers the
// facts from the database, checks again at the moment of the move (the form is never
// trusted) and records the move with who, when, from, to and why.
import { recordAudit } from "~/features/audit/audit.server";
import type { SessionUser } from "~/features/auth/session.server";
import type { Prisma } from "~/generated/prisma-sqlite/client";
import { db } from "~/platform/db.server";
import { requireDossierAccess } from "./access.server";
import { requireDossierEditAccess } from "./dossiers.server";
import { allowedTransitions, checkTransition, type Phase, type RefusalReason, type TransitionContext } from "./phases";

type Client = Prisma.TransactionClient | typeof db;
type Actor = Pick<SessionUser, "id" | "role" | "municipalities">;

/** The facts about a dossier that phase moves depend on, read now. */
export async function transitionContext(dossierId: string, client: Client = db): Promise<Omit<TransitionContext, "reason">> {
  const version = (status: "SUBMITTED" | "APPROVED") =>
    client.simulationVersion.findFirst({ where: { status, scenario: { dossierId } }, select: { id: true } });
  // One after the other: inside a transaction they share one connection, which takes one
  // query at a time (pg warns about overlapping ones and will refuse them in pg 9).
  const dossier = await client.dossier.findUniqueOrThrow({ where: { id: dossierId }, select: { phaseBeforeHold: true, preferredScenarioId: true } });
  const scenario = await client.scenario.findFirst({ where: { dossierId }, select: { id: true } });
  const submitted = await version("SUBMITTED");
  const approved = await version("APPROVED");
  const report = await client.finalReport.findUnique({ where: { dossierId }, select: { document: { select: { deletedAt: true } } } });
  const preferredApproved = dossier.preferredScenarioId
    ? await client.simulationVersion.findFirst({
        where: { status: "APPROVED", scenarioId: dossier.preferredScenarioId, scenario: { dossierId } },
        select: { id: true },
      })
    : null;
  return {
    hasScenario: scenario !== null,
    hasSubmittedVersion: submitted !== null,
    hasApprovedVersion: approved !== null,
    // A report document deleted after it was chosen no longer counts.
    hasFinalReportDocument: Boolean(report?.document && report.document.deletedAt === null),
    hasPreferredScenarioWithApprovedVersion: preferredApproved !== null,
    phaseBeforeHold: (dossier.phaseBeforeHold as Phase | null) ?? null,
  };
}

/**
 * The moves to offer on the overview. Verdicts are computed as if a reason were typed, so a
 * move that only lacks its reason is offered (with a required reason field) and a move that
 * lacks data is shown with the reason it is refused.
 */
export async function phaseOptions({ user, id }: { user: Actor; id: string }) {
  const { phase } = await requireDossierEditAccess(user, id);
  const ctx = await transitionContext(id);
  return allowedTransitions(phase as Phase, { ...ctx, reason: "-" });
}

export type MoveResult =
  | { ok: true; from: Phase; to: Phase }
  | { ok: false; kind: "refused"; reason: RefusalReason }
  | { ok: false; kind: "conflict" };

export async function moveDossier({
  user,
  id,
  to,
  version,
  reason,
}: {
  user: Actor;
  id: string;
  to: Phase;
  version: number;
  reason?: string | null;
}): Promise<MoveResult> {
  await requireDossierEditAccess(user, id);
  const why = reason?.trim() ? reason.trim() : null;
  return db.$transaction(async (tx) => {
    const current = await tx.dossier.findUniqueOrThrow({ where: { id }, select: { phase: true, version: true, phaseBeforeHold: true } });
    if (current.version !== version) return { ok: false as const, kind: "conflict" as const };
    const from = current.phase as Phase;
    const ctx = await transitionContext(id, tx);
    const verdict = checkTransition(from, to, { ...ctx, reason: why });
    if (!verdict.allowed) return { ok: false as const, kind: "refused" as const, reason: verdict.reason };
    const now = new Date();
    const { count } = await tx.dossier.updateMany({
      where: { id, version },
      data: {
        phase: to,
        phaseChangedAt: now,
        // Remember where to resume; forget it once the dossier is back (or stopped).
        phaseBeforeHold: to === "ON_HOLD" ? from : null,
        ...(to === "COMPLETED" ? { completedAt: now } : {}),
        version: { increment: 1 },
      },
    });
    if (count === 0) return { ok: false as const, kind: "conflict" as const };
    await tx.phaseTransition.create({ data: { dossierId: id, fromPhase: from, toPhase: to, reason: why, byId: user.id, at: now } });
    await recordAudit(
      { userId: user.id, action: "PHASE_MOVE", entityType: "Dossier", entityId: id, dossierId: id, summary: { from, to, reason: why, version: version + 1 } },
      tx,
    );
    return { ok: true as const, from, to };
  });
}

/** Every recorded move, newest first: who, when, from, to, why. */
export async function phaseTimeline({ user, id }: { user: Actor; id: string }) {
  await requireDossierAccess(user, id);
  return db.phaseTransition.findMany({
    where: { dossierId: id },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    select: { id: true, fromPhase: true, toPhase: true, reason: true, at: true, by: { select: { name: true } } },
  });
}
