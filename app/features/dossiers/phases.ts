/**
 * Dossier phase rules: which phase moves are allowed, and why a move is refused.
 *
 * Pure module: no Prisma, no React, no I/O. The caller gathers the facts about the dossier
 * (`TransitionContext`) and records the move (who, when, from, to, why) itself.
 *
 * Refusal reasons are message keys (see ./messages.ts), never display text.
 */

/** Every phase a dossier can be in. */
export const PHASES = [
  "INTAKE",
  "ACCEPTED",
  "REJECTED",
  "KICKOFF",
  "RESEARCH",
  "SCENARIOS",
  "SIMULATION",
  "REVIEW",
  "REPORTING",
  "COMPLETED",
  "ON_HOLD",
  "STOPPED",
] as const;

export type Phase = (typeof PHASES)[number];

/** The normal forward order of a dossier that is accepted and completed (REJECTED, ON_HOLD, STOPPED are side exits). */
export const FORWARD_ORDER = [
  "INTAKE",
  "ACCEPTED",
  "KICKOFF",
  "RESEARCH",
  "SCENARIOS",
  "SIMULATION",
  "REVIEW",
  "REPORTING",
  "COMPLETED",
] as const satisfies readonly Phase[];

/** Phases from which ON_HOLD and STOPPED are possible: every phase except REJECTED, COMPLETED, STOPPED and ON_HOLD. */
export const OPEN_PHASES = [
  "INTAKE",
  "ACCEPTED",
  "KICKOFF",
  "RESEARCH",
  "SCENARIOS",
  "SIMULATION",
  "REVIEW",
  "REPORTING",
] as const satisfies readonly Phase[];

export type OpenPhase = (typeof OPEN_PHASES)[number];

/** Final phases: nothing moves out of them. */
export const FINAL_PHASES = ["REJECTED", "COMPLETED", "STOPPED"] as const satisfies readonly Phase[];

/** Every refusal reason this module can give (each is a key in ./messages.ts, in nl and en). */
export const REFUSAL_KEYS = [
  "dossiers.phase.refused.samePhase",
  "dossiers.phase.refused.finalPhase",
  "dossiers.phase.refused.notAllowed",
  "dossiers.phase.refused.reasonRequiredForHold",
  "dossiers.phase.refused.reasonRequiredForStop",
  "dossiers.phase.refused.reasonRequiredForBack",
  "dossiers.phase.refused.reasonRequiredForReject",
  "dossiers.phase.refused.resumeOnlyToPhaseBeforeHold",
  "dossiers.phase.refused.phaseBeforeHoldUnknown",
  "dossiers.phase.refused.needsScenario",
  "dossiers.phase.refused.needsSubmittedVersion",
  "dossiers.phase.refused.needsApprovedVersion",
  "dossiers.phase.refused.needsFinalReportDocument",
  "dossiers.phase.refused.needsPreferredScenarioWithApprovedVersion",
  "dossiers.phase.refused.needsFinalReportDocumentAndPreferredScenario",
] as const;

export type RefusalKey = (typeof REFUSAL_KEYS)[number];

/** The message key of a phase's display name, e.g. `dossiers.phase.INTAKE`. */
export type PhaseNameKey = `dossiers.phase.${Phase}`;

export function phaseNameKey(phase: Phase): PhaseNameKey {
  return `dossiers.phase.${phase}`;
}

/**
 * Facts about the dossier that some moves depend on. The caller computes them from the
 * database at the moment of the move.
 */
export type TransitionContext = {
  /** The dossier has at least one simulation version in state SUBMITTED (needed to enter REVIEW). */
  hasSubmittedVersion: boolean;
  /** The dossier has at least one simulation version in state APPROVED (needed to enter REPORTING). */
  hasApprovedVersion: boolean;
  /** The final report has its report document uploaded (needed to enter COMPLETED). */
  hasFinalReportDocument: boolean;
  /** The final report names a preferred scenario, and that scenario has an APPROVED version (needed to enter COMPLETED). */
  hasPreferredScenarioWithApprovedVersion: boolean;
  /** The dossier has at least one scenario (needed to go from SCENARIOS to SIMULATION). */
  hasScenario: boolean;
  /** When the dossier is ON_HOLD: the phase it was in when it was put on hold (the only phase it can resume to). */
  phaseBeforeHold: Phase | null;
  /** The "why" the user typed for this move; required (non-blank) for hold, stop, reject and every move back. */
  reason?: string | null;
};

export type RefusalReason = { key: RefusalKey; params?: Record<string, string | number> };

export type TransitionVerdict = { allowed: true } | { allowed: false; reason: RefusalReason };

/** What kind of move a transition is (for the UI: button style, whether to ask for a reason). */
export type TransitionKind = "forward" | "backward" | "reject" | "hold" | "stop" | "resume";

export type TransitionOption = {
  to: Phase;
  kind: TransitionKind;
  /** The move needs a non-blank reason (show a required text field). */
  requiresReason: boolean;
  verdict: TransitionVerdict;
};

const ALLOWED: TransitionVerdict = { allowed: true };

function refuse(key: RefusalKey, params?: Record<string, string | number>): TransitionVerdict {
  return params ? { allowed: false, reason: { key, params } } : { allowed: false, reason: { key } };
}

export function isPhase(value: unknown): value is Phase {
  return typeof value === "string" && (PHASES as readonly string[]).includes(value);
}

/** True for REJECTED, COMPLETED and STOPPED: the dossier's trajectory is over and its phase can no longer change. */
export function isClosed(phase: Phase): boolean {
  return (FINAL_PHASES as readonly Phase[]).includes(phase);
}

/** True for the phases from which the dossier can be put on hold or stopped. */
export function isOpen(phase: Phase): phase is OpenPhase {
  return (OPEN_PHASES as readonly Phase[]).includes(phase);
}

function forwardIndex(phase: Phase): number {
  return (FORWARD_ORDER as readonly Phase[]).indexOf(phase);
}

/**
 * True when both phases lie on the normal forward line and `to` comes before `from`
 * (e.g. REVIEW -> SIMULATION). Resuming from ON_HOLD is not a move back.
 */
export function isBackwardMove(from: Phase, to: Phase): boolean {
  const f = forwardIndex(from);
  const t = forwardIndex(to);
  return f >= 0 && t >= 0 && t < f;
}

function hasReason(ctx: TransitionContext): boolean {
  return typeof ctx.reason === "string" && ctx.reason.trim().length > 0;
}

/** Normal forward steps (one phase at a time on the forward line, plus INTAKE -> REJECTED). */
const FORWARD_STEPS: Readonly<Partial<Record<Phase, readonly Phase[]>>> = {
  // An application is accepted or rejected after intake.
  INTAKE: ["ACCEPTED", "REJECTED"],
  // Once accepted, the study is ordered at the kick-off meeting.
  ACCEPTED: ["KICKOFF"],
  // After the kick-off the research starts.
  KICKOFF: ["RESEARCH"],
  // After the research the design team draws scenarios.
  RESEARCH: ["SCENARIOS"],
  // Scenarios get their financial simulations (needs at least one scenario).
  SCENARIOS: ["SIMULATION"],
  // A submitted simulation version goes to the municipality for review (needs a submitted version).
  SIMULATION: ["REVIEW"],
  // After approval the final report is written (needs an approved version).
  REVIEW: ["REPORTING"],
  // The final report closes the study (needs the report document and a preferred scenario with an approved version).
  REPORTING: ["COMPLETED"],
};

/** Moves back; every one needs a reason. */
const BACKWARD_STEPS: Readonly<Partial<Record<Phase, readonly Phase[]>>> = {
  // Step back one phase during research (e.g. the kick-off has to be redone with a new team).
  RESEARCH: ["KICKOFF"],
  // Step back one phase: more research is needed before drawing scenarios.
  SCENARIOS: ["RESEARCH"],
  // Step back one phase: scenarios have to be redrawn before simulating.
  SIMULATION: ["SCENARIOS"],
  // A request for changes sends the dossier back to SIMULATION.
  REVIEW: ["SIMULATION"],
  // The final report reveals that the simulation must be reworked.
  REPORTING: ["SIMULATION"],
};

/** Condition of a forward step that depends on the dossier's data; null when met. */
function forwardCondition(from: Phase, to: Phase, ctx: TransitionContext): TransitionVerdict | null {
  // SCENARIOS -> SIMULATION needs at least one scenario.
  if (from === "SCENARIOS" && to === "SIMULATION" && !ctx.hasScenario) {
    return refuse("dossiers.phase.refused.needsScenario");
  }
  // SIMULATION -> REVIEW needs a submitted simulation version.
  if (to === "REVIEW" && !ctx.hasSubmittedVersion) {
    return refuse("dossiers.phase.refused.needsSubmittedVersion");
  }
  // REVIEW -> REPORTING needs an approved simulation version.
  if (to === "REPORTING" && !ctx.hasApprovedVersion) {
    return refuse("dossiers.phase.refused.needsApprovedVersion");
  }
  // REPORTING -> COMPLETED needs the final report document and a preferred scenario with an
  // approved version; the refusal says which is missing, or both.
  if (to === "COMPLETED") {
    const noDocument = !ctx.hasFinalReportDocument;
    const noPreferred = !ctx.hasPreferredScenarioWithApprovedVersion;
    if (noDocument && noPreferred) {
      return refuse("dossiers.phase.refused.needsFinalReportDocumentAndPreferredScenario");
    }
    if (noDocument) return refuse("dossiers.phase.refused.needsFinalReportDocument");
    if (noPreferred) return refuse("dossiers.phase.refused.needsPreferredScenarioWithApprovedVersion");
  }
  return null;
}

/** The phase an ON_HOLD dossier may resume to, or null when it is unknown or not an open phase. */
function resumeTarget(ctx: TransitionContext): OpenPhase | null {
  const p = ctx.phaseBeforeHold;
  return p !== null && isPhase(p) && isOpen(p) ? p : null;
}

/** The kind of a move, or null when the move is not in the phase graph at all. */
function kindOf(from: Phase, to: Phase, ctx: TransitionContext): TransitionKind | null {
  if (from === to || isClosed(from)) return null;
  if (from === "ON_HOLD") {
    if (to === "STOPPED") return "stop";
    return to === resumeTarget(ctx) ? "resume" : null;
  }
  if (to === "ON_HOLD") return "hold";
  if (to === "STOPPED") return "stop";
  if (to === "REJECTED" && FORWARD_STEPS[from]?.includes(to)) return "reject";
  if (FORWARD_STEPS[from]?.includes(to)) return "forward";
  if (BACKWARD_STEPS[from]?.includes(to)) return "backward";
  return null;
}

/** True when the move (if it is possible at all) needs a non-blank reason. */
export function requiresReason(from: Phase, to: Phase): boolean {
  // Hold, stop and reject always need a reason, and so does every move back.
  return to === "ON_HOLD" || to === "STOPPED" || to === "REJECTED" || isBackwardMove(from, to);
}

/** Decide whether the dossier may move from `from` to `to`, and if not, why. */
export function checkTransition(from: Phase, to: Phase, ctx: TransitionContext): TransitionVerdict {
  // Moving to the phase the dossier is already in is not a move.
  if (from === to) return refuse("dossiers.phase.refused.samePhase");
  // REJECTED, COMPLETED and STOPPED are final: nothing moves out of them.
  if (isClosed(from)) return refuse("dossiers.phase.refused.finalPhase");

  if (from === "ON_HOLD") {
    // From ON_HOLD the dossier can always be stopped, with a reason.
    if (to === "STOPPED") {
      return hasReason(ctx) ? ALLOWED : refuse("dossiers.phase.refused.reasonRequiredForStop");
    }
    const target = resumeTarget(ctx);
    // Without a known (open) phase before the hold, there is nothing to resume to; only STOPPED remains.
    if (target === null) return refuse("dossiers.phase.refused.phaseBeforeHoldUnknown");
    // Resume only to the phase the dossier was in before the hold; entry conditions are not
    // checked again (they were met when it entered that phase) and no reason is needed.
    if (to !== target) return refuse("dossiers.phase.refused.resumeOnlyToPhaseBeforeHold");
    return ALLOWED;
  }

  // From here on `from` is an open phase.
  // ON_HOLD is possible from any open phase, with a reason.
  if (to === "ON_HOLD") {
    return hasReason(ctx) ? ALLOWED : refuse("dossiers.phase.refused.reasonRequiredForHold");
  }
  // STOPPED is possible from any open phase, with a reason.
  if (to === "STOPPED") {
    return hasReason(ctx) ? ALLOWED : refuse("dossiers.phase.refused.reasonRequiredForStop");
  }

  const kind = kindOf(from, to, ctx);
  // Anything not in the graph (skipping phases, jumping back further, entering INTAKE) is refused.
  if (kind === null) return refuse("dossiers.phase.refused.notAllowed");

  // Rejecting an application needs a reason (the applicant is told why).
  if (kind === "reject") {
    return hasReason(ctx) ? ALLOWED : refuse("dossiers.phase.refused.reasonRequiredForReject");
  }
  // Every move back needs a reason; moves back have no data conditions.
  if (kind === "backward") {
    return hasReason(ctx) ? ALLOWED : refuse("dossiers.phase.refused.reasonRequiredForBack");
  }
  return forwardCondition(from, to, ctx) ?? ALLOWED;
}

/**
 * The moves the UI can offer from `from`, each with its verdict (a disabled button shows
 * `verdict.reason`). Only moves in the phase graph are listed, in a stable order:
 * forward/reject/resume first, then backward, then hold, then stop. A final phase lists nothing.
 *
 * The verdicts use `ctx.reason` as given; to know whether a move is possible once a reason
 * is typed, pass a placeholder reason or look at `requiresReason`.
 */
export function allowedTransitions(from: Phase, ctx: TransitionContext): TransitionOption[] {
  if (isClosed(from)) return [];
  const targets: Phase[] = [];
  if (from === "ON_HOLD") {
    const target = resumeTarget(ctx);
    if (target !== null) targets.push(target);
    targets.push("STOPPED");
  } else {
    targets.push(...(FORWARD_STEPS[from] ?? []), ...(BACKWARD_STEPS[from] ?? []), "ON_HOLD", "STOPPED");
  }
  return targets.map((to) => {
    const kind = kindOf(from, to, ctx);
    if (kind === null) throw new Error(`phase graph inconsistent: ${from} -> ${to}`);
    return { to, kind, requiresReason: requiresReason(from, to), verdict: checkTransition(from, to, ctx) };
  });
}
