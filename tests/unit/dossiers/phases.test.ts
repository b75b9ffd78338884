import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  FINAL_PHASES,
  FORWARD_ORDER,
  OPEN_PHASES,
  PHASES,
  REFUSAL_KEYS,
  allowedTransitions,
  checkTransition,
  isBackwardMove,
  isClosed,
  isOpen,
  phaseNameKey,
  requiresReason,
  type Phase,
  type PhaseNameKey,
  type RefusalKey,
  type TransitionContext,
  type TransitionVerdict,
} from "~/features/dossiers/phases";
import { messages } from "~/features/dossiers/messages";

// Compile-time: every refusal key and every phase name key exists in both languages.
const _nlTyped: Record<RefusalKey | PhaseNameKey, string> = messages.nl;
const _enTyped: Record<RefusalKey | PhaseNameKey, string> = messages.en;
void _nlTyped;
void _enTyped;

/** Every condition met, a reason given, on hold from RESEARCH. */
const FULL: TransitionContext = {
  hasSubmittedVersion: true,
  hasApprovedVersion: true,
  hasFinalReportDocument: true,
  hasPreferredScenarioWithApprovedVersion: true,
  hasScenario: true,
  phaseBeforeHold: "RESEARCH",
  reason: "Beslissing van het schepencollege",
};

/** No condition met, no reason, phase before hold unknown. */
const EMPTY: TransitionContext = {
  hasSubmittedVersion: false,
  hasApprovedVersion: false,
  hasFinalReportDocument: false,
  hasPreferredScenarioWithApprovedVersion: false,
  hasScenario: false,
  phaseBeforeHold: null,
  reason: null,
};

// Short codes for the expected tables.
const CODES = {
  ok: null,
  same: "dossiers.phase.refused.samePhase",
  final: "dossiers.phase.refused.finalPhase",
  no: "dossiers.phase.refused.notAllowed",
  rHold: "dossiers.phase.refused.reasonRequiredForHold",
  rStop: "dossiers.phase.refused.reasonRequiredForStop",
  rBack: "dossiers.phase.refused.reasonRequiredForBack",
  rRej: "dossiers.phase.refused.reasonRequiredForReject",
  resume: "dossiers.phase.refused.resumeOnlyToPhaseBeforeHold",
  unkn: "dossiers.phase.refused.phaseBeforeHoldUnknown",
  nScen: "dossiers.phase.refused.needsScenario",
  nSub: "dossiers.phase.refused.needsSubmittedVersion",
  nAppr: "dossiers.phase.refused.needsApprovedVersion",
  nDoc: "dossiers.phase.refused.needsFinalReportDocument",
  nPref: "dossiers.phase.refused.needsPreferredScenarioWithApprovedVersion",
  nBoth: "dossiers.phase.refused.needsFinalReportDocumentAndPreferredScenario",
} as const satisfies Record<string, RefusalKey | null>;

type Code = keyof typeof CODES;

// Columns (the `to` phase), in this exact order.
const COLUMNS = [
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
] as const satisfies readonly Phase[];

// prettier-ignore
const EXPECTED_FULL: Record<Phase, string> = {
  //           INTAKE  ACCEPT  REJECT  KICKOF  RESEAR  SCENAR  SIMULA  REVIEW  REPORT  COMPLE  ONHOLD  STOPPD
  INTAKE:     "same    ok      ok      no      no      no      no      no      no      no      ok      ok",
  ACCEPTED:   "no      same    no      ok      no      no      no      no      no      no      ok      ok",
  REJECTED:   "final   final   same    final   final   final   final   final   final   final   final   final",
  KICKOFF:    "no      no      no      same    ok      no      no      no      no      no      ok      ok",
  RESEARCH:   "no      no      no      ok      same    ok      no      no      no      no      ok      ok",
  SCENARIOS:  "no      no      no      no      ok      same    ok      no      no      no      ok      ok",
  SIMULATION: "no      no      no      no      no      ok      same    ok      no      no      ok      ok",
  REVIEW:     "no      no      no      no      no      no      ok      same    ok      no      ok      ok",
  REPORTING:  "no      no      no      no      no      no      ok      no      same    ok      ok      ok",
  COMPLETED:  "final   final   final   final   final   final   final   final   final   same    final   final",
  ON_HOLD:    "resume  resume  resume  resume  ok      resume  resume  resume  resume  resume  same    ok",
  STOPPED:    "final   final   final   final   final   final   final   final   final   final   final   same",
};

// prettier-ignore
const EXPECTED_EMPTY: Record<Phase, string> = {
  //           INTAKE  ACCEPT  REJECT  KICKOF  RESEAR  SCENAR  SIMULA  REVIEW  REPORT  COMPLE  ONHOLD  STOPPD
  INTAKE:     "same    ok      rRej    no      no      no      no      no      no      no      rHold   rStop",
  ACCEPTED:   "no      same    no      ok      no      no      no      no      no      no      rHold   rStop",
  REJECTED:   "final   final   same    final   final   final   final   final   final   final   final   final",
  KICKOFF:    "no      no      no      same    ok      no      no      no      no      no      rHold   rStop",
  RESEARCH:   "no      no      no      rBack   same    ok      no      no      no      no      rHold   rStop",
  SCENARIOS:  "no      no      no      no      rBack   same    nScen   no      no      no      rHold   rStop",
  SIMULATION: "no      no      no      no      no      rBack   same    nSub    no      no      rHold   rStop",
  REVIEW:     "no      no      no      no      no      no      rBack   same    nAppr   no      rHold   rStop",
  REPORTING:  "no      no      no      no      no      no      rBack   no      same    nBoth   rHold   rStop",
  COMPLETED:  "final   final   final   final   final   final   final   final   final   same    final   final",
  ON_HOLD:    "unkn    unkn    unkn    unkn    unkn    unkn    unkn    unkn    unkn    unkn    same    rStop",
  STOPPED:    "final   final   final   final   final   final   final   final   final   final   final   same",
};

function expectedRow(row: string): Code[] {
  const cells = row.trim().split(/\s+/);
  expect(cells).toHaveLength(COLUMNS.length);
  for (const c of cells) expect(Object.keys(CODES)).toContain(c);
  return cells as Code[];
}

function verdictFor(code: Code): TransitionVerdict {
  const key = CODES[code];
  return key === null ? { allowed: true } : { allowed: false, reason: { key } };
}

function refusalKey(v: TransitionVerdict): RefusalKey | null {
  return v.allowed ? null : v.reason.key;
}

const withCtx = (over: Partial<TransitionContext>): TransitionContext => ({ ...FULL, ...over });

describe("phase lists", () => {
  it("has the twelve phases, the forward order and the open/final split", () => {
    expect(PHASES).toHaveLength(12);
    expect(new Set(PHASES).size).toBe(12);
    expect([...COLUMNS].sort()).toEqual([...PHASES].sort());
    expect(FORWARD_ORDER).toEqual([
      "INTAKE",
      "ACCEPTED",
      "KICKOFF",
      "RESEARCH",
      "SCENARIOS",
      "SIMULATION",
      "REVIEW",
      "REPORTING",
      "COMPLETED",
    ]);
    expect([...OPEN_PHASES].sort()).toEqual(
      PHASES.filter((p) => !["REJECTED", "COMPLETED", "STOPPED", "ON_HOLD"].includes(p)).sort(),
    );
    expect([...FINAL_PHASES].sort()).toEqual(["COMPLETED", "REJECTED", "STOPPED"]);
  });

  it("isClosed is true exactly for REJECTED, COMPLETED, STOPPED; isOpen for OPEN_PHASES", () => {
    for (const p of PHASES) {
      expect(isClosed(p), p).toBe(p === "REJECTED" || p === "COMPLETED" || p === "STOPPED");
      expect(isOpen(p), p).toBe((OPEN_PHASES as readonly Phase[]).includes(p));
    }
    expect(isClosed("ON_HOLD")).toBe(false);
    expect(isOpen("ON_HOLD")).toBe(false);
  });
});

describe("checkTransition: every pair of the 12x12 phases", () => {
  for (const [name, ctx, table] of [
    ["every condition met, with a reason, on hold from RESEARCH", FULL, EXPECTED_FULL],
    ["no condition met, no reason, phase before hold unknown", EMPTY, EXPECTED_EMPTY],
  ] as const) {
    describe(name, () => {
      for (const from of PHASES) {
        it(`from ${from}`, () => {
          const row = expectedRow(table[from]);
          COLUMNS.forEach((to, i) => {
            expect(checkTransition(from, to, ctx), `${from} -> ${to}`).toEqual(verdictFor(row[i]));
          });
        });
      }
    });
  }

  it("covers all 144 pairs in each table", () => {
    let n = 0;
    for (const from of PHASES) n += expectedRow(EXPECTED_FULL[from]).length;
    expect(n).toBe(144);
  });
});

describe("condition-dependent moves", () => {
  it("SCENARIOS -> SIMULATION needs a scenario", () => {
    expect(checkTransition("SCENARIOS", "SIMULATION", withCtx({ hasScenario: true }))).toEqual({ allowed: true });
    expect(refusalKey(checkTransition("SCENARIOS", "SIMULATION", withCtx({ hasScenario: false })))).toBe(
      "dossiers.phase.refused.needsScenario",
    );
  });

  it("SIMULATION -> REVIEW needs a submitted version", () => {
    expect(checkTransition("SIMULATION", "REVIEW", withCtx({ hasSubmittedVersion: true }))).toEqual({
      allowed: true,
    });
    expect(refusalKey(checkTransition("SIMULATION", "REVIEW", withCtx({ hasSubmittedVersion: false })))).toBe(
      "dossiers.phase.refused.needsSubmittedVersion",
    );
  });

  it("REVIEW -> REPORTING needs an approved version", () => {
    expect(checkTransition("REVIEW", "REPORTING", withCtx({ hasApprovedVersion: true }))).toEqual({
      allowed: true,
    });
    expect(refusalKey(checkTransition("REVIEW", "REPORTING", withCtx({ hasApprovedVersion: false })))).toBe(
      "dossiers.phase.refused.needsApprovedVersion",
    );
  });

  it("REPORTING -> COMPLETED says which of document and preferred scenario is missing, or both", () => {
    const cases: [boolean, boolean, RefusalKey | null][] = [
      [true, true, null],
      [false, true, "dossiers.phase.refused.needsFinalReportDocument"],
      [true, false, "dossiers.phase.refused.needsPreferredScenarioWithApprovedVersion"],
      [false, false, "dossiers.phase.refused.needsFinalReportDocumentAndPreferredScenario"],
    ];
    for (const [doc, pref, key] of cases) {
      const v = checkTransition(
        "REPORTING",
        "COMPLETED",
        withCtx({ hasFinalReportDocument: doc, hasPreferredScenarioWithApprovedVersion: pref }),
      );
      expect(refusalKey(v), `doc=${doc} pref=${pref}`).toBe(key);
    }
  });

  it("a condition only affects its own move", () => {
    const none = withCtx({
      hasScenario: false,
      hasSubmittedVersion: false,
      hasApprovedVersion: false,
      hasFinalReportDocument: false,
      hasPreferredScenarioWithApprovedVersion: false,
    });
    for (const [from, to] of [
      ["INTAKE", "ACCEPTED"],
      ["ACCEPTED", "KICKOFF"],
      ["KICKOFF", "RESEARCH"],
      ["RESEARCH", "SCENARIOS"],
      ["REVIEW", "SIMULATION"],
      ["REPORTING", "SIMULATION"],
      ["SIMULATION", "SCENARIOS"],
    ] as const) {
      expect(checkTransition(from, to, none), `${from} -> ${to}`).toEqual({ allowed: true });
    }
    // Only the submitted version matters for REVIEW.
    expect(
      checkTransition("SIMULATION", "REVIEW", { ...none, hasSubmittedVersion: true }),
    ).toEqual({ allowed: true });
    // Only the approved version matters for REPORTING.
    expect(checkTransition("REVIEW", "REPORTING", { ...none, hasApprovedVersion: true })).toEqual({
      allowed: true,
    });
  });

  it("a condition does not block putting on hold, stopping or moving back", () => {
    const none = { ...EMPTY, reason: "Wachten op de gemeenteraad" };
    for (const from of OPEN_PHASES) {
      expect(checkTransition(from, "ON_HOLD", none)).toEqual({ allowed: true });
      expect(checkTransition(from, "STOPPED", none)).toEqual({ allowed: true });
    }
    expect(checkTransition("REVIEW", "SIMULATION", none)).toEqual({ allowed: true });
  });
});

describe("reasons", () => {
  const blanks: (string | null | undefined)[] = ["", " ", "   ", "\n\t ", null, undefined];

  const reasonMoves: [Phase, Phase, RefusalKey][] = [
    ...OPEN_PHASES.map((p) => [p, "ON_HOLD", "dossiers.phase.refused.reasonRequiredForHold"] as [Phase, Phase, RefusalKey]),
    ...OPEN_PHASES.map((p) => [p, "STOPPED", "dossiers.phase.refused.reasonRequiredForStop"] as [Phase, Phase, RefusalKey]),
    ["ON_HOLD", "STOPPED", "dossiers.phase.refused.reasonRequiredForStop"],
    ["RESEARCH", "KICKOFF", "dossiers.phase.refused.reasonRequiredForBack"],
    ["SCENARIOS", "RESEARCH", "dossiers.phase.refused.reasonRequiredForBack"],
    ["SIMULATION", "SCENARIOS", "dossiers.phase.refused.reasonRequiredForBack"],
    ["REVIEW", "SIMULATION", "dossiers.phase.refused.reasonRequiredForBack"],
    ["REPORTING", "SIMULATION", "dossiers.phase.refused.reasonRequiredForBack"],
    ["INTAKE", "REJECTED", "dossiers.phase.refused.reasonRequiredForReject"],
  ];

  it("hold, stop, reject and every move back are refused with a blank or missing reason", () => {
    for (const [from, to, key] of reasonMoves) {
      for (const reason of blanks) {
        expect(refusalKey(checkTransition(from, to, withCtx({ reason }))), `${from} -> ${to} ${JSON.stringify(reason)}`).toBe(key);
      }
      const ctxWithout: TransitionContext = { ...FULL };
      delete ctxWithout.reason;
      expect(refusalKey(checkTransition(from, to, ctxWithout))).toBe(key);
      expect(checkTransition(from, to, withCtx({ reason: "  Budget ontbreekt  " }))).toEqual({ allowed: true });
      expect(requiresReason(from, to), `${from} -> ${to}`).toBe(true);
    }
  });

  it("forward moves and resuming need no reason", () => {
    const noReason = withCtx({ reason: "" });
    for (let i = 0; i + 1 < FORWARD_ORDER.length; i++) {
      const from = FORWARD_ORDER[i];
      const to = FORWARD_ORDER[i + 1];
      expect(checkTransition(from, to, noReason), `${from} -> ${to}`).toEqual({ allowed: true });
      expect(requiresReason(from, to)).toBe(false);
    }
    expect(checkTransition("ON_HOLD", "RESEARCH", noReason)).toEqual({ allowed: true });
    expect(requiresReason("ON_HOLD", "RESEARCH")).toBe(false);
  });
});

describe("resuming from ON_HOLD", () => {
  it("resumes only to the phase before the hold (for every open phase)", () => {
    for (const before of OPEN_PHASES) {
      const ctx = withCtx({ phaseBeforeHold: before, reason: null });
      for (const to of PHASES) {
        const key = refusalKey(checkTransition("ON_HOLD", to, ctx));
        if (to === before) expect(key, `resume to ${to}`).toBeNull();
        else if (to === "ON_HOLD") expect(key).toBe("dossiers.phase.refused.samePhase");
        else if (to === "STOPPED") expect(key).toBe("dossiers.phase.refused.reasonRequiredForStop");
        else expect(key, `before ${before}, to ${to}`).toBe("dossiers.phase.refused.resumeOnlyToPhaseBeforeHold");
      }
    }
  });

  it("does not check the entry conditions again on resume", () => {
    const ctx: TransitionContext = { ...EMPTY, phaseBeforeHold: "REPORTING" };
    expect(checkTransition("ON_HOLD", "REPORTING", ctx)).toEqual({ allowed: true });
    expect(checkTransition("ON_HOLD", "REVIEW", { ...EMPTY, phaseBeforeHold: "REVIEW" })).toEqual({ allowed: true });
  });

  it("with an unknown or impossible phase before the hold, only STOPPED is possible", () => {
    for (const before of [null, "ON_HOLD", "STOPPED", "COMPLETED", "REJECTED"] as const) {
      const ctx = withCtx({ phaseBeforeHold: before });
      for (const to of PHASES) {
        const key = refusalKey(checkTransition("ON_HOLD", to, ctx));
        if (to === "STOPPED") expect(key).toBeNull();
        else if (to === "ON_HOLD") expect(key).toBe("dossiers.phase.refused.samePhase");
        else expect(key, `before ${before}, to ${to}`).toBe("dossiers.phase.refused.phaseBeforeHoldUnknown");
      }
      expect(allowedTransitions("ON_HOLD", ctx).map((o) => o.to)).toEqual(["STOPPED"]);
    }
  });
});

describe("isBackwardMove", () => {
  it("is true when both phases are on the forward line and the target comes first", () => {
    expect(isBackwardMove("REVIEW", "SIMULATION")).toBe(true);
    expect(isBackwardMove("SCENARIOS", "RESEARCH")).toBe(true);
    expect(isBackwardMove("REPORTING", "SIMULATION")).toBe(true);
    expect(isBackwardMove("COMPLETED", "INTAKE")).toBe(true);
    expect(isBackwardMove("SIMULATION", "REVIEW")).toBe(false);
    expect(isBackwardMove("SIMULATION", "SIMULATION")).toBe(false);
    expect(isBackwardMove("INTAKE", "REJECTED")).toBe(false);
    expect(isBackwardMove("REJECTED", "INTAKE")).toBe(false);
    expect(isBackwardMove("ON_HOLD", "RESEARCH")).toBe(false);
    expect(isBackwardMove("RESEARCH", "ON_HOLD")).toBe(false);
    expect(isBackwardMove("STOPPED", "INTAKE")).toBe(false);
  });

  it("matches the index order of FORWARD_ORDER for every pair", () => {
    for (const from of PHASES) {
      for (const to of PHASES) {
        const f = (FORWARD_ORDER as readonly Phase[]).indexOf(from);
        const t = (FORWARD_ORDER as readonly Phase[]).indexOf(to);
        expect(isBackwardMove(from, to), `${from} -> ${to}`).toBe(f >= 0 && t >= 0 && t < f);
      }
    }
  });
});

describe("allowedTransitions", () => {
  const contexts: TransitionContext[] = [
    FULL,
    EMPTY,
    { ...EMPTY, phaseBeforeHold: "SIMULATION" },
    withCtx({ reason: " " }),
    withCtx({ hasFinalReportDocument: false }),
  ];

  it("lists exactly the moves in the graph, with the same verdict as checkTransition", () => {
    for (const ctx of contexts) {
      for (const from of PHASES) {
        const options = allowedTransitions(from, ctx);
        for (const o of options) {
          expect(o.verdict).toEqual(checkTransition(from, o.to, ctx));
          expect(o.requiresReason).toBe(requiresReason(from, o.to));
        }
        // With every condition met and a reason, the listed targets are exactly the allowed ones.
        const full = { ...FULL, phaseBeforeHold: ctx.phaseBeforeHold };
        const possible = PHASES.filter((to) => checkTransition(from, to, full).allowed);
        expect(options.map((o) => o.to).sort(), from).toEqual([...possible].sort());
      }
    }
  });

  it("lists nothing for final phases", () => {
    for (const p of FINAL_PHASES) expect(allowedTransitions(p, FULL)).toEqual([]);
  });

  it("gives kinds and disabled reasons for the UI", () => {
    expect(allowedTransitions("REPORTING", EMPTY)).toEqual([
      {
        to: "COMPLETED",
        kind: "forward",
        requiresReason: false,
        verdict: {
          allowed: false,
          reason: { key: "dossiers.phase.refused.needsFinalReportDocumentAndPreferredScenario" },
        },
      },
      {
        to: "SIMULATION",
        kind: "backward",
        requiresReason: true,
        verdict: { allowed: false, reason: { key: "dossiers.phase.refused.reasonRequiredForBack" } },
      },
      {
        to: "ON_HOLD",
        kind: "hold",
        requiresReason: true,
        verdict: { allowed: false, reason: { key: "dossiers.phase.refused.reasonRequiredForHold" } },
      },
      {
        to: "STOPPED",
        kind: "stop",
        requiresReason: true,
        verdict: { allowed: false, reason: { key: "dossiers.phase.refused.reasonRequiredForStop" } },
      },
    ]);
    expect(allowedTransitions("INTAKE", FULL).map((o) => [o.to, o.kind])).toEqual([
      ["ACCEPTED", "forward"],
      ["REJECTED", "reject"],
      ["ON_HOLD", "hold"],
      ["STOPPED", "stop"],
    ]);
    expect(allowedTransitions("ON_HOLD", FULL).map((o) => [o.to, o.kind, o.verdict.allowed])).toEqual([
      ["RESEARCH", "resume", true],
      ["STOPPED", "stop", true],
    ]);
  });
});

describe("messages", () => {
  const nlKeys = Object.keys(messages.nl).sort();
  const enKeys = Object.keys(messages.en).sort();

  it("nl and en have exactly the same keys, all prefixed dossiers.", () => {
    expect(nlKeys).toEqual(enKeys);
    for (const k of nlKeys) expect(k.startsWith("dossiers.")).toBe(true);
  });

  it("every text is non-empty and uses the same placeholders in both languages", () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const k of nlKeys) {
      const nl = (messages.nl as Record<string, string>)[k];
      const en = (messages.en as Record<string, string>)[k];
      expect(nl.trim(), k).not.toBe("");
      expect(en.trim(), k).not.toBe("");
      expect(placeholders(nl), k).toEqual(placeholders(en));
    }
  });

  it("names every phase", () => {
    for (const p of PHASES) {
      expect(nlKeys).toContain(phaseNameKey(p));
    }
    expect(messages.nl["dossiers.phase.KICKOFF"]).toBe("Startvergadering");
    expect(messages.en["dossiers.phase.KICKOFF"]).toBe("Kick-off");
    expect(messages.nl["dossiers.phase.SCENARIOS"]).toBe("Scenario's");
  });

  it("has every refusal key, and every key written in phases.ts", () => {
    for (const k of REFUSAL_KEYS) expect(nlKeys, k).toContain(k);
    const source = readFileSync(new URL("../../../app/features/dossiers/phases.ts", import.meta.url), "utf8");
    const used = [...source.matchAll(/"(dossiers\.[\w.]+)"/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(10);
    for (const k of used) expect(nlKeys, k).toContain(k);
  });

  it("every refusal produced for any pair and context is a listed key", () => {
    const seen = new Set<string>();
    const ctxs = [
      FULL,
      EMPTY,
      withCtx({ hasFinalReportDocument: false }),
      withCtx({ hasPreferredScenarioWithApprovedVersion: false }),
    ];
    for (const ctx of ctxs)
      for (const from of PHASES)
        for (const to of PHASES) {
          const v = checkTransition(from, to, ctx);
          if (!v.allowed) {
            expect(REFUSAL_KEYS as readonly string[]).toContain(v.reason.key);
            seen.add(v.reason.key);
          }
        }
    // Every listed key can actually be produced (none is dead).
    expect([...seen].sort()).toEqual([...REFUSAL_KEYS].sort());
  });
});
