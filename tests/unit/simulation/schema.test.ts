import { describe, expect, it } from "vitest";
import { messages } from "~/features/simulation/messages";
import {
  fieldLabelKey,
  fromConformName,
  parseSimulationInput,
  type SimulationIssue,
  toConformName,
} from "~/features/simulation/schema";
import { exampleRaw, input } from "./helpers";

// Test inputs are deliberately wrong JSON, so they are loosely typed on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type LooseJson = Record<string, any>;

/** Issues of an input that must be refused. */
function issues(raw: unknown): SimulationIssue[] {
  const result = parseSimulationInput(raw);
  if (result.success) throw new Error("expected the input to be refused");
  return result.issues;
}

function exampleWith(change: (raw: LooseJson) => void): Record<string, unknown> {
  const raw = exampleRaw() as LooseJson;
  change(raw);
  return raw;
}

describe("parseSimulationInput", () => {
  it("accepts the worked example", () => {
    expect(parseSimulationInput(exampleRaw()).success).toBe(true);
  });

  it("applies the defaults of the contract", () => {
    const data = input({
      investments: [{ label: "Werken", category: "RESTORATION", amount: 1000 }],
      grants: [{ label: "Toelage", amount: 10 }],
      loans: [{ label: "Lening", principal: 100, ratePct: 2, termYears: 5 }],
      revenues: [{ label: "Huur", category: "RENT", amount: 10 }],
      operatingCosts: [{ label: "Energie", category: "ENERGY", amount: 5 }],
      subsidy: { label: "Premie", ratePct: 40 },
    });
    expect(data).toMatchObject({
      startYear: 2026,
      horizonYears: 30,
      discountRatePct: 4,
      vatRecoverable: false,
      equity: 0,
      residualValue: 0,
      investments: [{ vatPct: 21, yearOffset: 0, subsidyEligible: false }],
      grants: [{ yearOffset: 0 }],
      loans: [{ type: "ANNUITY", yearOffset: 0 }],
      revenues: [{ indexationPct: 0, occupancyPct: 100, fromYear: 1, untilYear: null }],
      operatingCosts: [{ indexationPct: 0, fromYear: 1, untilYear: null }],
      subsidy: { baseUpliftPct: 0, delayYears: 0, cap: null },
    });
    const bare = input({});
    expect(bare).toMatchObject({ investments: [], grants: [], loans: [], revenues: [], operatingCosts: [] });
    expect(bare.subsidy ?? null).toBeNull();
  });

  it("refuses a negative amount, on the field", () => {
    expect(issues(exampleWith((r) => (r.investments[0].amount = -5)))).toEqual([
      { path: "investments.0.amount", key: "simulation.error.amountNegative", params: { min: 0 } },
    ]);
  });

  it("refuses a yearOffset outside the horizon, on the field", () => {
    const raw = exampleWith((r) => {
      r.horizonYears = 10;
      r.investments[1].yearOffset = 10;
      r.grants[0].yearOffset = 12;
      r.loans[0].yearOffset = -1;
    });
    expect(issues(raw)).toEqual(
      expect.arrayContaining([
        {
          path: "investments.1.yearOffset",
          key: "simulation.error.yearOffsetOutsideHorizon",
          params: { min: 0, max: 9 },
        },
        {
          path: "grants.0.yearOffset",
          key: "simulation.error.yearOffsetOutsideHorizon",
          params: { min: 0, max: 9 },
        },
        { path: "loans.0.yearOffset", key: "simulation.error.yearOffsetOutsideHorizon", params: { min: 0 } },
      ])
    );
    expect(issues(raw)).toHaveLength(3);
  });

  it("refuses a loan without term", () => {
    expect(issues(exampleWith((r) => delete r.loans[0].termYears))).toEqual([
      { path: "loans.0.termYears", key: "simulation.error.loanTermRequired" },
    ]);
    expect(issues(exampleWith((r) => (r.loans[0].termYears = 0)))[0]).toMatchObject({
      path: "loans.0.termYears",
      key: "simulation.error.loanTermRange",
    });
    expect(issues(exampleWith((r) => (r.loans[0].termYears = 2.5)))[0].key).toBe(
      "simulation.error.notAnInteger"
    );
  });

  it("refuses an unknown category, also one of another list", () => {
    expect(issues(exampleWith((r) => (r.investments[2].category = "CATERING")))).toEqual([
      { path: "investments.2.category", key: "simulation.error.invalidCategory" },
    ]);
    expect(issues(exampleWith((r) => (r.revenues[0].category = "RESTORATION")))).toEqual([
      { path: "revenues.0.category", key: "simulation.error.invalidCategory" },
    ]);
    expect(issues(exampleWith((r) => (r.operatingCosts[1].category = "RENT")))).toEqual([
      { path: "operatingCosts.1.category", key: "simulation.error.invalidCategory" },
    ]);
  });

  it("refuses other bad values with their own key", () => {
    const cases: [(r: LooseJson) => void, string, string][] = [
      [(r) => delete r.startYear, "startYear", "simulation.error.required"],
      [(r) => (r.horizonYears = 61), "horizonYears", "simulation.error.horizonRange"],
      [(r) => (r.horizonYears = 0), "horizonYears", "simulation.error.horizonRange"],
      [(r) => (r.investments[0].vatPct = 12), "investments.0.vatPct", "simulation.error.invalidVatPct"],
      [(r) => (r.investments[0].amount = 10.005), "investments.0.amount", "simulation.error.tooManyDecimals"],
      [(r) => (r.investments[0].amount = "1000"), "investments.0.amount", "simulation.error.notANumber"],
      [(r) => (r.investments[0].label = "  "), "investments.0.label", "simulation.error.labelRequired"],
      [(r) => (r.revenues[0].occupancyPct = 120), "revenues.0.occupancyPct", "simulation.error.percentRange"],
      [(r) => (r.revenues[0].untilYear = 1), "revenues.0.untilYear", "simulation.error.fromAfterUntil"],
      [(r) => (r.operatingCosts[0].fromYear = 60), "operatingCosts.0.fromYear", "simulation.error.yearRange"],
      [(r) => (r.loans[0].type = "BULLET"), "loans.0.type", "simulation.error.invalidLoanType"],
      [(r) => (r.subsidy.cap = -1), "subsidy.cap", "simulation.error.amountNegative"],
      [(r) => (r.equity = -1), "equity", "simulation.error.amountNegative"],
      [(r) => (r.vatRecoverable = "yes"), "vatRecoverable", "simulation.error.notABoolean"],
    ];
    for (const [change, path, key] of cases) {
      expect(issues(exampleWith(change)).map((i) => [i.path, i.key])).toEqual([[path, key]]);
    }
  });

  it("accepts amounts with 2 decimals and large but sane figures", () => {
    for (const amount of [0.29, 1.1, 1234567.89, 0, 99_999_999_999.99]) {
      expect(parseSimulationInput(exampleWith((r) => (r.investments[0].amount = amount))).success).toBe(true);
    }
  });

  it("reports all problems at once, cross-field ones included", () => {
    const raw = exampleWith((r) => {
      r.horizonYears = 5;
      r.investments[0].amount = -1;
      r.investments[1].yearOffset = 7;
    });
    expect(
      issues(raw)
        .map((i) => i.path)
        .sort()
    ).toEqual(["investments.0.amount", "investments.1.yearOffset"]);
  });

  it("refuses something that is not an object", () => {
    expect(issues(42)).toEqual([{ path: "", key: "simulation.error.invalidInput" }]);
    expect(issues(null)).toEqual([{ path: "", key: "simulation.error.invalidInput" }]);
  });

  it("only uses message keys that exist in both languages", () => {
    const raw = {
      startYear: "2026",
      horizonYears: 2.5,
      discountRatePct: 200,
      equity: 1e12,
      investments: [{ label: 3, category: "X", amount: -1, vatPct: 5, yearOffset: 99, subsidyEligible: 1 }],
      subsidy: { label: "", ratePct: -1, delayYears: 99, cap: 1.234 },
      grants: "none",
      loans: [{ label: "L", principal: 1, ratePct: 1, type: "X" }],
      revenues: [{ label: "R", category: "RENT", amount: 1, indexationPct: -100, fromYear: 3, untilYear: 2 }],
      operatingCosts: Array.from({ length: 101 }, () => ({ label: "C", category: "ENERGY", amount: 1 })),
    };
    const found = issues(raw);
    expect(found.length).toBeGreaterThan(10);
    for (const issue of found) {
      expect(Object.keys(messages.nl)).toContain(issue.key);
      expect(Object.keys(messages.en)).toContain(issue.key);
    }
  });
});

describe("field names", () => {
  it("converts dot paths to conform names and back", () => {
    expect(toConformName("investments.0.amount")).toBe("investments[0].amount");
    expect(toConformName("loans.12.termYears")).toBe("loans[12].termYears");
    expect(toConformName("startYear")).toBe("startYear");
    expect(toConformName("subsidy.cap")).toBe("subsidy.cap");
    expect(toConformName("")).toBe("");
    expect(fromConformName("investments[0].amount")).toBe("investments.0.amount");
    expect(fromConformName("revenues[3].untilYear")).toBe("revenues.3.untilYear");
  });

  it("gives the label key of a field", () => {
    expect(fieldLabelKey("investments.0.amount")).toBe("simulation.field.investments.amount");
    expect(fieldLabelKey("discountRatePct")).toBe("simulation.field.discountRatePct");
  });
});
