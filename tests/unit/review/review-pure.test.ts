import { describe, expect, it } from "vitest";
import { PHASES } from "~/features/dossiers/phases";
import { decisionRefusal } from "~/features/review/decision-rules";
import { findInputRow, inputRows, isInputPath } from "~/features/review/input-rows";
import { messages } from "~/features/review/messages";
import { nextStepKey } from "~/features/review/next-step";
import { buildThreads } from "~/features/review/threads";
import { parseSimulationInput, type SimulationInput } from "~/features/simulation/schema";

function input(): SimulationInput {
  const parsed = parseSimulationInput({
    startYear: 2026,
    investments: [{ label: "Dak", category: "RESTORATION", amount: 1000 }],
    subsidy: { label: "Premie", ratePct: 40 },
    revenues: [
      { label: "Huur", category: "RENT", amount: 10 },
      { label: "Feesten", category: "EVENTS", amount: 5 },
    ],
  });
  if (!parsed.success) throw new Error("fixture");
  return parsed.data;
}

describe("input rows", () => {
  it("lists every row with its path and label, the subsidy last", () => {
    expect(inputRows(input()).map((r) => [r.path, r.label])).toEqual([
      ["investments[0]", "Dak"],
      ["revenues[0]", "Huur"],
      ["revenues[1]", "Feesten"],
      ["subsidy", "Premie"],
    ]);
  });

  it("accepts only paths of existing rows", () => {
    expect(isInputPath(input(), "revenues[1]")).toBe(true);
    for (const bad of ["revenues[2]", "revenues", "loans[0]", "revenues[1].amount", "", "__proto__"]) expect(isInputPath(input(), bad)).toBe(false);
    expect(findInputRow(input(), "subsidy")?.label).toBe("Premie");
    expect(findInputRow(input(), null)).toBeNull();
  });
});

describe("threads", () => {
  it("nests replies under their parent in time order and drops replies without a visible parent", () => {
    const at = (m: number) => new Date(Date.UTC(2026, 0, 1, 10, m));
    const threads = buildThreads([
      { id: "b", parentId: "a", createdAt: at(2) },
      { id: "a", parentId: null, createdAt: at(1) },
      { id: "c", parentId: null, createdAt: at(3) },
      { id: "d", parentId: "b", createdAt: at(4) },
      { id: "x", parentId: "hidden", createdAt: at(5) },
    ]);
    expect(threads.map((t) => t.id)).toEqual(["a", "c"]);
    expect(threads[0].replies.map((r) => r.id)).toEqual(["b"]);
    expect(threads[0].replies[0].replies.map((r) => r.id)).toEqual(["d"]);
    expect(JSON.stringify(threads)).not.toContain('"x"');
  });
});

describe("decision rules", () => {
  it("only a submitted version without a review can be decided on", () => {
    expect(decisionRefusal("SUBMITTED", false)).toBeNull();
    expect(decisionRefusal("SUBMITTED", true)).toBe("review.refused.alreadyDecided");
    expect(decisionRefusal("APPROVED", false)).toBe("review.refused.alreadyDecided");
    expect(decisionRefusal("CHANGES_REQUESTED", false)).toBe("review.refused.alreadyDecided");
    expect(decisionRefusal("SUPERSEDED", false)).toBe("review.refused.superseded");
    expect(decisionRefusal("DRAFT", false)).toBe("review.refused.notSubmitted");
  });
});

describe("texts", () => {
  it("has a next step in plain words for every phase, in both languages", () => {
    for (const phase of PHASES) {
      const key = nextStepKey(phase);
      expect(Object.keys(messages.nl)).toContain(key);
      expect(Object.keys(messages.en)).toContain(key);
    }
    expect(nextStepKey("REVIEW", { waitingForReview: true })).toBe("review.nextStep.decide");
  });

  it("Dutch and English have the same keys", () => {
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.nl).sort());
  });
});
