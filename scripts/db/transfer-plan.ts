// The order in which a deployment's rows are copied into another database, and how each
// table is paged. Prisma's runtime data model knows the fields but not the foreign keys, so
// the order is written out here; tests/integration/platform/db-transfer.test.ts checks it
// against the foreign keys and primary keys of a migrated database, and that it names every
// model, so a new model or relation cannot be forgotten.
//
// Foreign keys that point at a later model or at their own model (the cycles of the schema)
// are `deferred`: rows go in with them null, and a second pass sets them once every row
// exists. That needs no superuser switch (session_replication_role) and no deferrable
// constraints, which managed PostgreSQL services and SQLite's ALTER TABLE do not all offer.
import { MODEL_NAMES, type ModelName } from "../../app/platform/db-models.server";

export type ModelPlan = {
  model: ModelName;
  /** The primary key's fields, in order: rows are exported in this order, page by page. */
  key: readonly string[];
  /** Nullable foreign keys to the model itself or to a model copied later. */
  deferred: readonly string[];
};

function plan(model: ModelName, options: { key?: string[]; deferred?: string[] } = {}): ModelPlan {
  return { model, key: options.key ?? ["id"], deferred: options.deferred ?? [] };
}

export const TRANSFER_PLAN: readonly ModelPlan[] = [
  plan("Municipality", { key: ["nisCode"] }),
  plan("User"),
  plan("UserMunicipality", { key: ["userId", "nisCode"] }),
  plan("Session"),
  plan("PasswordToken"),
  plan("LoginAttempt"),
  plan("RateLimitBucket", { key: ["key"] }),
  plan("Church"),
  plan("Call"),
  // The preferred scenario belongs to the dossier, so it only exists after the dossier.
  plan("Dossier", { deferred: ["preferredScenarioId"] }),
  plan("DossierMember", { key: ["dossierId", "userId"] }),
  plan("PhaseTransition"),
  plan("Task"),
  plan("Meeting"),
  plan("Document"),
  plan("DocumentVersion"),
  plan("Scenario"),
  plan("SimulationVersion", { deferred: ["basedOnId"] }),
  plan("Review"),
  plan("Comment", { deferred: ["parentId"] }),
  plan("FinalReport"),
  plan("Decision"),
  plan("CasePublication"),
  plan("CasePhoto"),
  plan("AuditEvent"),
  plan("Notification"),
  plan("OutboxMessage"),
];

/** The plan of one model; throws for a model the plan does not name (see the test). */
export function planOf(model: ModelName): ModelPlan {
  const found = TRANSFER_PLAN.find((p) => p.model === model);
  if (!found) throw new Error(`scripts/db/transfer-plan.ts does not name the model ${model}`);
  return found;
}

/** Models of the schema that the plan leaves out, and models it names twice: both must be empty. */
export function planGaps(): { missing: ModelName[]; repeated: ModelName[] } {
  const named = TRANSFER_PLAN.map((p) => p.model);
  return {
    missing: MODEL_NAMES.filter((m) => !named.includes(m)),
    repeated: named.filter((m, i) => named.indexOf(m) !== i),
  };
}
