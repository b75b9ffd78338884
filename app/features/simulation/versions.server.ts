// Simulation versions of a scenario: the one editable DRAFT, submitting (freeze + content
// hash + superseding older submissions), a new draft from a frozen version, and reading
// versions for the pages and exports. Drafts are staff-only; a municipality user of the
// dossier sees submitted and decided versions only.
import { notFound } from "~/features/auth/guards.server";
import { recordAudit } from "~/features/audit/audit.server";
import { deliverLater, notifyVersionSubmitted } from "~/features/review/notify.server";
import {
  type Actor,
  assertDossierOpen,
  requireScenarioAccess,
  requireScenarioDossier,
  versionWhere,
} from "~/features/scenarios/access.server";
import { ArchivedScenarioError, FrozenVersionError, StaleEditError } from "~/features/scenarios/errors";
import { db } from "~/platform/db.server";
import { canonicalInputs, contentHash, readStoredInputs } from "./canonical";
import { emptyInput } from "./editor-schema";
import type { SimulationInput } from "./schema";

type Where = { user: Actor; dossierId: string; scenarioId: string };

const people = {
  createdBy: { select: { name: true } },
  submittedBy: { select: { name: true } },
  review: { select: { decision: true, createdAt: true } },
} as const;

export async function listVersions({ user, dossierId, scenarioId }: Where) {
  await requireScenarioAccess(user, dossierId, scenarioId);
  return db.simulationVersion.findMany({
    where: { scenarioId, ...versionWhere(user) },
    orderBy: { number: "desc" },
    select: {
      id: true,
      number: true,
      status: true,
      contentHash: true,
      basedOnId: true,
      createdAt: true,
      updatedAt: true,
      submittedAt: true,
      basedOn: { select: { number: true } },
      ...people,
    },
  });
}

/** One version the user may see, with its parsed inputs; 404 otherwise. */
export async function getVersion({ user, dossierId, scenarioId, versionId }: Where & { versionId: string }) {
  const access = await requireScenarioAccess(user, dossierId, scenarioId);
  const version = await db.simulationVersion.findFirst({
    where: { id: versionId, scenarioId, ...versionWhere(user) },
    include: { ...people, basedOn: { select: { id: true, number: true } } },
  });
  if (!version) notFound();
  return { ...access, version, input: readStoredInputs(version.inputs) };
}

/** The scenario's draft, if any (staff only). */
export async function findDraft({ user, dossierId, scenarioId }: Where) {
  await requireScenarioAccess(user, dossierId, scenarioId, { edit: true });
  return db.simulationVersion.findFirst({ where: { scenarioId, status: "DRAFT" }, orderBy: { number: "desc" } });
}

/**
 * The scenario's draft, created when there is none: a copy of `fromVersionId` (or of the
 * newest version) as number + 1, or empty inputs for a scenario without versions.
 */
export async function openDraft({ user, dossierId, scenarioId, fromVersionId }: Where & { fromVersionId?: string | null }) {
  const { dossier, scenario } = await requireScenarioAccess(user, dossierId, scenarioId, { edit: true });
  assertDossierOpen(dossier);
  if (scenario.archivedAt) throw new ArchivedScenarioError();
  return db.$transaction(async (tx) => {
    const existing = await tx.simulationVersion.findFirst({ where: { scenarioId, status: "DRAFT" } });
    if (existing) return { version: existing, created: false };
    const newest = await tx.simulationVersion.findFirst({ where: { scenarioId }, orderBy: { number: "desc" } });
    const base = fromVersionId
      ? await tx.simulationVersion.findFirst({ where: { id: fromVersionId, scenarioId } })
      : newest;
    if (fromVersionId && !base) notFound();
    const inputs = base ? base.inputs : canonicalInputs(emptyInput(new Date().getUTCFullYear()));
    const version = await tx.simulationVersion.create({
      data: { scenarioId, number: (newest?.number ?? 0) + 1, inputs, basedOnId: base?.id ?? null, createdById: user.id },
    });
    await recordAudit(
      {
        userId: user.id,
        action: "CREATE",
        entityType: "SimulationVersion",
        entityId: version.id,
        dossierId,
        summary: { scenarioId, number: version.number, basedOn: base?.number ?? null },
      },
      tx,
    );
    return { version, created: true };
  });
}

/** A draft and the moment it was last saved, checked for a concurrent save or a freeze. */
async function lockDraft(
  tx: Parameters<Parameters<typeof db.$transaction>[0]>[0],
  scenarioId: string,
  versionId: string,
  updatedAt: Date | null,
) {
  const version = await tx.simulationVersion.findFirst({ where: { id: versionId, scenarioId } });
  if (!version) notFound();
  if (version.status !== "DRAFT") throw new FrozenVersionError();
  if (updatedAt && version.updatedAt.getTime() !== updatedAt.getTime()) throw new StaleEditError();
  return version;
}

/**
 * Saves a draft's inputs. `updatedAt` is the draft's save time when the form was opened: a
 * save in between answers StaleEditError, a frozen version FrozenVersionError.
 */
export async function saveDraft({
  user,
  dossierId,
  scenarioId,
  versionId,
  updatedAt,
  input,
}: Where & { versionId: string; updatedAt: Date | null; input: SimulationInput }) {
  const { dossier, scenario } = await requireScenarioAccess(user, dossierId, scenarioId, { edit: true });
  assertDossierOpen(dossier);
  if (scenario.archivedAt) throw new ArchivedScenarioError();
  const inputs = canonicalInputs(input);
  return db.$transaction(async (tx) => {
    const before = await lockDraft(tx, scenarioId, versionId, updatedAt);
    const { count } = await tx.simulationVersion.updateMany({
      where: { id: versionId, status: "DRAFT", updatedAt: before.updatedAt },
      data: { inputs },
    });
    if (count !== 1) throw new StaleEditError();
    await recordAudit(
      { userId: user.id, action: "UPDATE", entityType: "SimulationVersion", entityId: versionId, dossierId, summary: { scenarioId, number: before.number } },
      tx,
    );
    return tx.simulationVersion.findUniqueOrThrow({ where: { id: versionId } });
  });
}

/**
 * Freezes a draft for review: status SUBMITTED, who and when, and the content hash. Given
 * `input`, it is saved first (save and submit in one step). Older SUBMITTED and
 * CHANGES_REQUESTED versions of the scenario become SUPERSEDED; an APPROVED one stays.
 */
export async function submitVersion({
  user,
  dossierId,
  scenarioId,
  versionId,
  updatedAt = null,
  input,
}: Where & { versionId: string; updatedAt?: Date | null; input?: SimulationInput }) {
  const { dossier, scenario } = await requireScenarioAccess(user, dossierId, scenarioId, { edit: true });
  assertDossierOpen(dossier);
  if (scenario.archivedAt) throw new ArchivedScenarioError();
  const current = await db.simulationVersion.findFirst({ where: { id: versionId, scenarioId } });
  if (!current) notFound();
  const frozenInput = input ?? readStoredInputs(current.inputs);
  const inputs = canonicalInputs(frozenInput);
  const hash = await contentHash(frozenInput);
  const submitted = await db.$transaction(async (tx) => {
    const before = await lockDraft(tx, scenarioId, versionId, updatedAt);
    const now = new Date();
    const { count } = await tx.simulationVersion.updateMany({
      where: { id: versionId, status: "DRAFT", updatedAt: before.updatedAt },
      data: { inputs, contentHash: hash, status: "SUBMITTED", submittedAt: now, submittedById: user.id },
    });
    if (count !== 1) throw new StaleEditError();
    const superseded = await tx.simulationVersion.findMany({
      where: { scenarioId, id: { not: versionId }, status: { in: ["SUBMITTED", "CHANGES_REQUESTED"] } },
      select: { id: true, number: true },
    });
    if (superseded.length > 0) {
      await tx.simulationVersion.updateMany({ where: { id: { in: superseded.map((v) => v.id) } }, data: { status: "SUPERSEDED" } });
    }
    await recordAudit(
      {
        userId: user.id,
        action: "SUBMIT",
        entityType: "SimulationVersion",
        entityId: versionId,
        dossierId,
        summary: { scenarioId, number: before.number, sha256: hash, superseded: superseded.map((v) => v.number) },
      },
      tx,
    );
    // The dossier's municipality is told a version waits for its review (in-app and e-mail).
    await notifyVersionSubmitted(tx, { versionId, byId: user.id });
    return tx.simulationVersion.findUniqueOrThrow({ where: { id: versionId } });
  });
  deliverLater();
  return submitted;
}

/** Versions of a dossier's scenarios for the side-by-side comparison (visible ones only). */
export async function versionsForComparison({ user, dossierId }: { user: Actor; dossierId: string }) {
  await requireScenarioDossier(user, dossierId);
  return db.simulationVersion.findMany({
    where: { scenario: { dossierId, archivedAt: null }, ...versionWhere(user) },
    select: { id: true, scenarioId: true, number: true, status: true, inputs: true },
    orderBy: { number: "desc" },
  });
}
