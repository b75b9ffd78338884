// A municipality's decision on a submitted version: approve, or ask for changes with a
// reason. Written once (Review.versionId is unique) in one transaction with the version's
// new status, the dossier's move back to SIMULATION when changes are asked for, the audit
// events and the notifications to the bureau.
import { recordAudit } from "~/features/audit/audit.server";
import { forbidden, notFound } from "~/features/auth/guards.server";
import { can, canUseAction } from "~/features/auth/permissions";
import { contentHash, readStoredInputs } from "~/features/simulation/canonical";
import { db } from "~/platform/db.server";
import { type Actor, requireReviewVersion } from "./access.server";
import { decisionRefusal } from "./decision-rules";
import { ReviewRefusal } from "./errors";
import { deliverLater, notifyReviewEvent } from "./notify.server";
import type { DecisionInput } from "./schemas";

function isUniqueViolation(error: unknown) {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/** Before reading a decision form: 404 for a version that is not the user's, 403 for staff. */
export async function assertMayDecide(user: Actor, versionId: string) {
  const { dossier } = await requireReviewVersion(user, versionId);
  if (!canUseAction(user, "decideVersion")) forbidden();
  if (!can(user, "decideVersion", { nisCode: dossier.nisCode })) notFound();
}

export async function decide({ user, versionId, decision, reason }: { user: Actor; versionId: string } & Pick<DecisionInput, "decision" | "reason">) {
  const { version, dossier } = await requireReviewVersion(user, versionId);
  // The bureau may never decide on the municipality's behalf (403); a municipality user of
  // another municipality never got this far (404 above).
  if (!canUseAction(user, "decideVersion")) forbidden();
  if (!can(user, "decideVersion", { nisCode: dossier.nisCode })) notFound();
  const why = reason?.trim() || null;
  if (decision === "CHANGES_REQUESTED" && !why) throw new ReviewRefusal("review.error.reasonRequired", "reason", 400);
  // The decision is pinned to the hash; inputs that no longer match it are not what was submitted.
  if (!version.contentHash || (await contentHash(readStoredInputs(version.inputs))) !== version.contentHash) {
    throw new ReviewRefusal("review.refused.hashMismatch");
  }
  const hash = version.contentHash;

  try {
    const review = await db.$transaction(async (tx) => {
      const current = await tx.simulationVersion.findUniqueOrThrow({ where: { id: versionId }, select: { status: true, review: { select: { id: true } } } });
      const refusal = decisionRefusal(current.status, current.review !== null);
      if (refusal) throw new ReviewRefusal(refusal);
      const created = await tx.review.create({
        data: { versionId, decision, reason: why, userId: user.id, nisCode: dossier.nisCode, versionHash: hash },
      });
      // Guarded: only a SUBMITTED version moves; a concurrent decision leaves nothing to move.
      const { count } = await tx.simulationVersion.updateMany({ where: { id: versionId, status: "SUBMITTED" }, data: { status: decision } });
      if (count !== 1) throw new ReviewRefusal("review.refused.alreadyDecided");
      await recordAudit(
        {
          userId: user.id,
          action: "DECIDE",
          entityType: "SimulationVersion",
          entityId: versionId,
          dossierId: dossier.id,
          summary: { reviewId: created.id, number: version.number, scenario: version.scenario.name, decision, reason: why, nisCode: dossier.nisCode, sha256: hash },
        },
        tx,
      );
      if (decision === "CHANGES_REQUESTED") await sendBackToSimulation(tx, { dossierId: dossier.id, userId: user.id, reason: why! });
      await notifyReviewEvent(tx, {
        kind: decision === "APPROVED" ? "VERSION_APPROVED" : "CHANGES_REQUESTED",
        audiences: ["staff"],
        dossierId: dossier.id,
        reference: dossier.reference,
        scenario: version.scenario.name,
        version,
        actor: user,
      });
      return created;
    });
    deliverLater();
    return review;
  } catch (error) {
    // Two decisions at once: the unique review per version lets only one through.
    if (isUniqueViolation(error)) throw new ReviewRefusal("review.refused.alreadyDecided");
    throw error;
  }
}

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** A request for changes sends a dossier in REVIEW back to SIMULATION, recorded like any move. */
async function sendBackToSimulation(tx: Tx, { dossierId, userId, reason }: { dossierId: string; userId: string; reason: string }) {
  const now = new Date();
  const { count } = await tx.dossier.updateMany({
    where: { id: dossierId, phase: "REVIEW" },
    data: { phase: "SIMULATION", phaseChangedAt: now, version: { increment: 1 } },
  });
  // In any other phase (e.g. a second scenario's review after the dossier already went back) nothing moves.
  if (count === 0) return;
  await tx.phaseTransition.create({ data: { dossierId, fromPhase: "REVIEW", toPhase: "SIMULATION", reason, byId: userId, at: now } });
  await recordAudit(
    { userId, action: "PHASE_MOVE", entityType: "Dossier", entityId: dossierId, dossierId, summary: { from: "REVIEW", to: "SIMULATION", reason } },
    tx,
  );
}
