// What the review pages show: the municipality's home, the versions waiting for a decision
// (and their count for the navigation), and everything about one submitted version. Every
// query is scoped by the acting user through the dossier (dossierScope / requireReviewVersion).
import { forbidden } from "~/features/auth/guards.server";
import { can, isStaff } from "~/features/auth/permissions";
import { dossierScope } from "~/features/dossiers/access.server";
import type { Phase } from "~/features/dossiers/phases";
import { contentHash, readStoredInputs } from "~/features/simulation/canonical";
import { diffInputs, diffMetrics, keyFigures } from "~/features/simulation/diff";
import { simulate } from "~/features/simulation/engine";
import type { Prisma } from "~/generated/prisma-sqlite/client";
import { db } from "~/platform/db.server";
import { type Actor, requireReviewVersion } from "./access.server";
import { listComments } from "./comments.server";
import { decisionRefusal } from "./decision-rules";
import { inputRows } from "./input-rows";
import { nextStepKey } from "./next-step";

/** Submitted versions waiting for a decision, in the user's dossiers (archived scenarios left out). */
function waitingWhere(user: Pick<Actor, "role" | "municipalities">): Prisma.SimulationVersionWhereInput {
  return { status: "SUBMITTED", scenario: { archivedAt: null, dossier: dossierScope(user) } };
}

/** The number behind "Te beoordelen" in the navigation. */
export async function pendingReviewCount(user: Pick<Actor, "role" | "municipalities">) {
  return db.simulationVersion.count({ where: waitingWhere(user) });
}

export async function listWaiting(user: Actor) {
  const rows = await db.simulationVersion.findMany({
    where: waitingWhere(user),
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      number: true,
      submittedAt: true,
      contentHash: true,
      submittedBy: { select: { name: true } },
      scenario: { select: { name: true, dossier: { select: { id: true, reference: true, church: { select: { name: true, place: true } } } } } },
    },
  });
  return rows.map((v) => ({
    id: v.id,
    number: v.number,
    submittedAt: v.submittedAt,
    contentHash: v.contentHash,
    submittedBy: v.submittedBy?.name ?? null,
    scenario: v.scenario.name,
    dossier: { id: v.scenario.dossier.id, reference: v.scenario.dossier.reference, church: v.scenario.dossier.church.name, place: v.scenario.dossier.church.place },
  }));
}

/** The municipality's home: their dossiers with the next step, what waits for them, and their past decisions. */
export async function getMunicipalityHome(user: Actor) {
  if (user.role !== "MUNICIPALITY") forbidden();
  const scope = dossierScope(user);
  const [dossiers, waiting, decisions] = await Promise.all([
    db.dossier.findMany({
      where: scope,
      orderBy: [{ year: "desc" }, { seq: "desc" }],
      select: { id: true, reference: true, phase: true, phaseChangedAt: true, church: { select: { name: true, place: true } } },
    }),
    listWaiting(user),
    db.review.findMany({
      where: { version: { scenario: { archivedAt: null, dossier: scope } } },
      orderBy: { createdAt: "desc" },
      take: 100,
      select: {
        id: true,
        decision: true,
        reason: true,
        createdAt: true,
        versionHash: true,
        user: { select: { name: true } },
        version: { select: { id: true, number: true, scenario: { select: { name: true, dossier: { select: { id: true, reference: true } } } } } },
      },
    }),
  ]);
  const waitingDossiers = new Set(waiting.map((w) => w.dossier.id));
  return {
    dossiers: dossiers.map((d) => ({
      id: d.id,
      reference: d.reference,
      phase: d.phase as Phase,
      phaseChangedAt: d.phaseChangedAt,
      church: d.church.name,
      place: d.church.place,
      nextStep: nextStepKey(d.phase as Phase, { waitingForReview: waitingDossiers.has(d.id) }),
    })),
    waiting,
    decisions: decisions.map((r) => ({
      id: r.id,
      decision: r.decision,
      reason: r.reason,
      at: r.createdAt,
      hash: r.versionHash,
      by: r.user.name,
      versionId: r.version.id,
      number: r.version.number,
      scenario: r.version.scenario.name,
      dossier: r.version.scenario.dossier,
    })),
  };
}

const SHOWN_STATUSES = ["SUBMITTED", "APPROVED", "CHANGES_REQUESTED"] as const;

/** Everything the review page of one version shows, for this user. */
export async function getReviewPage({ user, versionId }: { user: Actor; versionId: string }) {
  const { version: base, dossier } = await requireReviewVersion(user, versionId);
  const version = await db.simulationVersion.findUniqueOrThrow({
    where: { id: versionId },
    select: {
      id: true,
      number: true,
      status: true,
      contentHash: true,
      submittedAt: true,
      submittedBy: { select: { name: true } },
      basedOn: { select: { number: true } },
      review: { select: { decision: true, reason: true, createdAt: true, versionHash: true, nisCode: true, user: { select: { name: true } } } },
      scenario: { select: { id: true, name: true, description: true, functionCategory: true } },
    },
  });
  const input = readStoredInputs(base.inputs);
  const recomputed = await contentHash(input);
  const church = await db.dossier.findUniqueOrThrow({ where: { id: dossier.id }, select: { church: { select: { name: true, place: true } } } });

  const [previous, others, comments] = await Promise.all([
    // The latest earlier version of this scenario that the municipality decided on.
    db.simulationVersion.findFirst({
      where: { scenarioId: base.scenarioId, number: { lt: base.number }, review: { isNot: null } },
      orderBy: { number: "desc" },
      select: { id: true, number: true, inputs: true, review: { select: { decision: true, reason: true, createdAt: true } } },
    }),
    otherScenarios(dossier.id, base.scenarioId),
    listComments({ user, versionId }),
  ]);

  const result = simulate(input);
  let changes = null;
  if (previous) {
    const before = readStoredInputs(previous.inputs);
    changes = {
      versionId: previous.id,
      number: previous.number,
      decision: previous.review!.decision,
      reason: previous.review!.reason,
      decidedAt: previous.review!.createdAt,
      inputs: diffInputs(before, input),
      metrics: diffMetrics(simulate(before), result),
    };
  }

  const refusal = decisionRefusal(version.status, version.review !== null);
  return {
    dossier: { id: dossier.id, reference: dossier.reference, phase: dossier.phase as Phase, church: church.church.name, place: church.church.place },
    version: {
      id: version.id,
      number: version.number,
      status: version.status,
      submittedAt: version.submittedAt,
      submittedBy: version.submittedBy?.name ?? null,
      basedOn: version.basedOn?.number ?? null,
      scenario: version.scenario,
    },
    hash: { stored: version.contentHash, recomputed, matches: version.contentHash === recomputed },
    review: version.review
      ? {
          decision: version.review.decision,
          reason: version.review.reason,
          at: version.review.createdAt,
          hash: version.review.versionHash,
          nisCode: version.review.nisCode,
          by: version.review.user.name,
        }
      : null,
    input,
    rows: inputRows(input),
    figures: keyFigures(result),
    others,
    changes,
    comments,
    can: {
      comment: can(user, "commentVersion", { nisCode: dossier.nisCode }),
      writeInternal: isStaff(user),
      decide: can(user, "decideVersion", { nisCode: dossier.nisCode }) && refusal === null,
    },
    // Why nobody can decide now (shown to the municipality instead of the form).
    decisionClosed: refusal,
  };
}

/** The other scenarios' latest submitted (or decided) version, with its key figures. */
async function otherScenarios(dossierId: string, scenarioId: string) {
  const versions = await db.simulationVersion.findMany({
    where: { status: { in: [...SHOWN_STATUSES] }, scenario: { dossierId, id: { not: scenarioId }, archivedAt: null } },
    orderBy: [{ number: "desc" }],
    select: { id: true, number: true, status: true, inputs: true, submittedAt: true, scenario: { select: { id: true, name: true } } },
  });
  const latest = new Map<string, (typeof versions)[number]>();
  for (const v of versions) if (!latest.has(v.scenario.id)) latest.set(v.scenario.id, v);
  return [...latest.values()]
    .sort((a, b) => a.scenario.name.localeCompare(b.scenario.name, "nl"))
    .map((v) => ({
      versionId: v.id,
      scenario: v.scenario.name,
      number: v.number,
      status: v.status,
      submittedAt: v.submittedAt,
      figures: keyFigures(simulate(readStoredInputs(v.inputs))),
    }));
}
