import { describe, expect, it } from "vitest";
import { AMOUNT_DELTAS, simulate } from "~/features/simulation/engine";
import { formatMessage, messages } from "~/features/simulation/messages";
import {
  INVESTMENT_CATEGORIES,
  LOAN_TYPES,
  OPERATING_COST_CATEGORIES,
  REVENUE_CATEGORIES,
} from "~/features/simulation/schema";
import { example, exampleRaw, input } from "./helpers";

const nl: Record<string, string> = messages.nl;
const en: Record<string, string> = messages.en;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("simulation messages", () => {
  it("has exactly the same keys in Dutch and English", () => {
    expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
  });

  it("prefixes every key with simulation. and has no empty texts", () => {
    for (const [key, text] of [...Object.entries(nl), ...Object.entries(en)]) {
      expect(key.startsWith("simulation.")).toBe(true);
      expect(text.trim()).not.toBe("");
    }
  });

  it("uses the same placeholders in both languages", () => {
    for (const key of Object.keys(nl)) expect(placeholders(nl[key]), key).toEqual(placeholders(en[key]));
  });

  it("has error texts without placeholders (a form only gets the key)", () => {
    for (const key of Object.keys(nl).filter((k) => k.startsWith("simulation.error."))) {
      expect(placeholders(nl[key]), key).toEqual([]);
    }
  });

  it("labels every input field, category, loan type, column, total, metric and sensitivity variable", () => {
    const result = simulate(example());
    const raw = exampleRaw() as Record<string, unknown>;
    const keys = [
      ...Object.keys(raw).map((field) => `simulation.field.${field}`),
      ...["investments", "grants", "loans", "revenues", "operatingCosts"].flatMap((list) =>
        Object.keys((raw[list] as Record<string, unknown>[])[0]).map(
          (field) => `simulation.field.${list}.${field}`
        )
      ),
      ...Object.keys(raw.subsidy as object).map((field) => `simulation.field.subsidy.${field}`),
      ...[...INVESTMENT_CATEGORIES, ...REVENUE_CATEGORIES, ...OPERATING_COST_CATEGORIES].map(
        (c) => `simulation.category.${c}`
      ),
      ...LOAN_TYPES.map((type) => `simulation.loanType.${type}`),
      ...Object.keys(result.years[0]).map((column) => `simulation.column.${column}`),
      ...Object.keys(result.totals).map((total) => `simulation.total.${total}`),
      ...Object.keys(result.metrics).map((metric) => `simulation.metric.${metric}`),
      ...result.sensitivity.map((point) => `simulation.sensitivity.${point.variable}`),
    ];
    for (const key of keys) expect(nl, key).toHaveProperty([key]);
    expect(AMOUNT_DELTAS.length).toBe(4);
  });

  it("has a text with the right placeholders for every warning the engine gives", () => {
    const inputs = [
      example(),
      input({
        horizonYears: 3,
        investments: [{ label: "W", category: "OTHER", amount: 100, yearOffset: 2, subsidyEligible: true }],
        subsidy: { label: "S", ratePct: 50, delayYears: 1 },
        loans: [{ label: "L", principal: 50, ratePct: 1, termYears: 5 }],
        revenues: [{ label: "R", category: "RENT", amount: 1, fromYear: 5 }],
      }),
      input({
        investments: [{ label: "W", category: "OTHER", amount: 100, subsidyEligible: true }],
        subsidy: { label: "S", ratePct: 50, cap: 10 },
      }),
    ];
    const seen = new Set<string>();
    for (const warning of inputs.flatMap((i) => simulate(i).warnings)) {
      seen.add(warning.key);
      expect(nl, warning.key).toHaveProperty([warning.key]);
      expect(placeholders(nl[warning.key]), warning.key).toEqual(Object.keys(warning.params ?? {}).sort());
    }
    const warningKeys = Object.keys(nl).filter((k) => k.startsWith("simulation.warning."));
    expect([...seen].sort()).toEqual(warningKeys.sort());
  });

  it("fills in placeholders", () => {
    expect(formatMessage("en", "simulation.warning.fundingGap", { amount: 12.5 })).toBe(
      "There is a funding gap of 12.5 euro: money that is still to be found."
    );
    expect(formatMessage("nl", "simulation.metric.npv")).toBe("Netto contante waarde (NCW)");
    expect(formatMessage("nl", "simulation.unknown")).toBe("simulation.unknown");
  });
});
