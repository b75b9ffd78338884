// Scenarios of a dossier: list, create, edit (optimistic locking), archive and the preferred
// scenario. Every function takes the acting user and checks access itself (access.server.ts).
import { diffFields, recordAudit } from "~/features/audit/audit.server";
import { readStoredInputs } from "~/features/simulation/canonical";
import { simulate, type SimulationResult } from "~/features/simulation/engine";
import { db } from "~/platform/db.server";
import {
  type Actor,
  assertDossierOpen,
  requireScenarioAccess,
  requireScenarioDossier,
  scenarioWhere,
  versionWhere,
} from "./access.server";
import { ArchivedScenarioError, StaleEditError } from "./errors";
import { readProgramme, type ScenarioInput } from "./schemas";

const versionSummary = {
  id: true,
  number: true,
  status: true,
  contentHash: true,
  createdAt: true,
  submittedAt: true,
  inputs: true,
} as const;

/** The newest version a reviewer would look at: submitted or decided before drafts. */
function latestShown<T extends { status: string; number: number }>(versions: T[]): T | null {
  const frozen = versions.filter((v) => v.status === "SUBMITTED" || v.status === "APPROVED");
  const pool = frozen.length > 0 ? frozen : versions;
  return pool.reduce<T | null>((best, v) => (best === null || v.number > best.number ? v : best), null);
}

export async function listScenarios({ user, dossierId }: { user: Actor; dossierId: string }) {
  const dossier = await requireScenarioDossier(user, dossierId);
  const [scenarios, preferred] = await Promise.all([
    db.scenario.findMany({
      where: scenarioWhere(user, dossierId),
      orderBy: [{ archivedAt: "asc" }, { createdAt: "asc" }],
      include: { versions: { where: versionWhere(user), select: versionSummary, orderBy: { number: "asc" } } },
    }),
    db.dossier.findUnique({ where: { id: dossierId }, select: { preferredScenarioId: true } }),
  ]);
  return {
    dossier,
    preferredScenarioId: preferred?.preferredScenarioId ?? null,
    scenarios: scenarios.map(({ versions, programme, ...s }) => {
      const latest = latestShown(versions);
      let result: SimulationResult | null = null;
      if (latest) result = simulate(readStoredInputs(latest.inputs));
      return {
        ...s,
        programme: readProgramme(programme),
        versionCount: versions.length,
        hasDraft: versions.some((v) => v.status === "DRAFT"),
        latest: latest ? { id: latest.id, number: latest.number, status: latest.status } : null,
        metrics: result ? { ...result.metrics, fundingGap: result.totals.fundingGap } : null,
      };
    }),
  };
}

export async function getScenario({ user, dossierId, scenarioId }: { user: Actor; dossierId: string; scenarioId: string }) {
  const { dossier, scenario } = await requireScenarioAccess(user, dossierId, scenarioId);
  const preferred = await db.dossier.findUnique({ where: { id: dossierId }, select: { preferredScenarioId: true } });
  return {
    dossier,
    scenario: { ...scenario, programme: readProgramme(scenario.programme) },
    isPreferred: preferred?.preferredScenarioId === scenario.id,
  };
}

export async function createScenario({ user, dossierId, input }: { user: Actor; dossierId: string; input: ScenarioInput }) {
  assertDossierOpen(await requireScenarioDossier(user, dossierId, { edit: true }));
  return db.$transaction(async (tx) => {
    const scenario = await tx.scenario.create({
      data: {
        dossierId,
        name: input.name,
        description: input.description,
        functionCategory: input.functionCategory,
        programme: JSON.stringify(input.programme),
      },
    });
    await recordAudit(
      { userId: user.id, action: "CREATE", entityType: "Scenario", entityId: scenario.id, dossierId, summary: { name: input.name, functionCategory: input.functionCategory } },
      tx,
    );
    return scenario;
  });
}

export async function updateScenario({
  user,
  dossierId,
  scenarioId,
  input,
  version,
}: {
  user: Actor;
  dossierId: string;
  scenarioId: string;
  input: ScenarioInput;
  version: number;
}) {
  const { dossier, scenario } = await requireScenarioAccess(user, dossierId, scenarioId, { edit: true });
  assertDossierOpen(dossier);
  if (scenario.archivedAt) throw new ArchivedScenarioError();
  const data = {
    name: input.name,
    description: input.description,
    functionCategory: input.functionCategory,
    programme: JSON.stringify(input.programme),
  };
  await db.$transaction(async (tx) => {
    const { count } = await tx.scenario.updateMany({ where: { id: scenarioId, version }, data: { ...data, version: { increment: 1 } } });
    if (count !== 1) throw new StaleEditError();
    await recordAudit(
      { userId: user.id, action: "UPDATE", entityType: "Scenario", entityId: scenarioId, dossierId, summary: diffFields(scenario, data) },
      tx,
    );
  });
}

/** Archive (or bring back) a scenario; an archived scenario cannot stay the preferred one. */
export async function setScenarioArchived({
  user,
  dossierId,
  scenarioId,
  archived,
}: {
  user: Actor;
  dossierId: string;
  scenarioId: string;
  archived: boolean;
}) {
  const { dossier } = await requireScenarioAccess(user, dossierId, scenarioId, { edit: true });
  assertDossierOpen(dossier);
  await db.$transaction(async (tx) => {
    await tx.scenario.update({ where: { id: scenarioId }, data: { archivedAt: archived ? new Date() : null, version: { increment: 1 } } });
    if (archived) await tx.dossier.updateMany({ where: { id: dossierId, preferredScenarioId: scenarioId }, data: { preferredScenarioId: null } });
    await recordAudit(
      { userId: user.id, action: "UPDATE", entityType: "Scenario", entityId: scenarioId, dossierId, summary: { archived } },
      tx,
    );
  });
}

/** Mark a scenario as the dossier's preferred one (null: none). */
export async function setPreferredScenario({ user, dossierId, scenarioId }: { user: Actor; dossierId: string; scenarioId: string | null }) {
  if (scenarioId) {
    const { dossier, scenario } = await requireScenarioAccess(user, dossierId, scenarioId, { edit: true });
    assertDossierOpen(dossier);
    if (scenario.archivedAt) throw new ArchivedScenarioError();
  } else {
    assertDossierOpen(await requireScenarioDossier(user, dossierId, { edit: true }));
  }
  await db.$transaction(async (tx) => {
    const before = await tx.dossier.findUniqueOrThrow({ where: { id: dossierId }, select: { preferredScenarioId: true } });
    await tx.dossier.update({ where: { id: dossierId }, data: { preferredScenarioId: scenarioId } });
    await recordAudit(
      {
        userId: user.id,
        action: "UPDATE",
        entityType: "Dossier",
        entityId: dossierId,
        dossierId,
        summary: { preferredScenarioId: [before.preferredScenarioId, scenarioId] },
      },
      tx,
    );
  });
}
