// Refusals the scenario and version functions throw; routes turn them into a message (409).

/** Someone else saved in between (optimistic locking): nothing was stored. */
export class StaleEditError extends Error {
  readonly messageKey = "scenarios.error.stale";
}

/** A submitted or decided version never changes. */
export class FrozenVersionError extends Error {
  readonly messageKey = "scenarios.error.frozen";
}

/** An archived scenario can be viewed, not changed or preferred. */
export class ArchivedScenarioError extends Error {
  readonly messageKey = "scenarios.error.archived";
}

/** A closed dossier (rejected, completed, stopped) keeps its scenarios as they are. */
export class ClosedDossierError extends Error {
  readonly messageKey = "scenarios.error.closed";
}

export type RefusalError = StaleEditError | FrozenVersionError | ArchivedScenarioError | ClosedDossierError;

export function isRefusal(error: unknown): error is RefusalError {
  return (
    error instanceof StaleEditError ||
    error instanceof FrozenVersionError ||
    error instanceof ArchivedScenarioError ||
    error instanceof ClosedDossierError
  );
}
