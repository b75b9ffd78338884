// Pure helpers of the simulation pages: canonical JSON and hash, the version diff, the
// editor's form reading (Belgian numbers), the CSV and the chart ticks.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalInputs, canonicalJson, contentHash, readStoredInputs } from "~/features/simulation/canonical";
import { niceTicks } from "~/features/simulation/chart";
import { decimalComma, yearTableCsv, CSV_COLUMNS } from "~/features/simulation/csv";
import { diffInputs, diffMetrics, pairRows } from "~/features/simulation/diff";
import { editorSchema, formToRaw, inputToForm, readNumber } from "~/features/simulation/editor-schema";
import { simulate } from "~/features/simulation/engine";
import { example, exampleRaw, parse } from "./helpers";

describe("canonical inputs and content hash", () => {
  it("sorts keys at every depth and keeps array order", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it("gives the same text and hash whatever the key order of the input, and reads back", async () => {
    const reordered = Object.fromEntries(Object.entries(exampleRaw()).reverse());
    expect(canonicalInputs(parse(reordered))).toBe(canonicalInputs(example()));
    const hash = await contentHash(example());
    expect(hash).toBe(createHash("sha256").update(canonicalInputs(example())).digest("hex"));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(readStoredInputs(canonicalInputs(example()))).toEqual(example());
    expect(await contentHash(parse({ ...exampleRaw(), equity: 300000.01 }))).not.toBe(hash);
  });
});

describe("version diff", () => {
  it("pairs rows by label, then by position", () => {
    const a = [{ label: "A" }, { label: "B" }, { label: "C" }];
    const b = [{ label: "C" }, { label: "X" }, { label: "A" }, { label: "Y" }];
    expect(pairRows(a, b)).toEqual({ matched: [[2, 0], [1, 1], [0, 2]], removed: [], added: [3] });
  });

  it("lists scalar, subsidy and row changes, added and removed rows", () => {
    const raw = exampleRaw() as Record<string, unknown> & { investments: { amount: number }[]; grants: object[] };
    raw.investments[2].amount = 200000;
    raw.grants = [];
    const after = parse({ ...raw, horizonYears: 25, subsidy: null, loans: [...(raw.loans as object[]), { label: "Nieuw", principal: 1000, ratePct: 1, termYears: 5 }] });
    const changes = diffInputs(example(), after);
    expect(changes.map((c) => `${c.kind} ${c.path}`)).toEqual([
      "changed horizonYears",
      "removed subsidy",
      "changed investments[2].amount",
      "removed grants[0]",
      "added loans[1]",
    ]);
    expect(diffInputs(example(), example())).toEqual([]);
  });

  it("gives the change of each key figure", () => {
    const a = simulate(example());
    const b = simulate(parse({ ...exampleRaw(), discountRatePct: 5 }));
    const npv = diffMetrics(a, b).find((m) => m.key === "npv")!;
    expect(npv.delta).toBeCloseTo(b.metrics.npv - a.metrics.npv, 9);
    expect(diffMetrics(a, a).every((m) => m.delta === 0 || m.delta === null)).toBe(true);
  });
});

describe("editor form reading", () => {
  it("reads Belgian and plain numbers, leaves text for the schema to refuse", () => {
    expect(readNumber("1.234,56")).toBe(1234.56);
    expect(readNumber("3,2")).toBe(3.2);
    expect(readNumber("3.2")).toBe(3.2);
    expect(readNumber("800.000")).toBe(800000);
    expect(readNumber("1.200.000")).toBe(1200000);
    expect(readNumber("2.75")).toBe(2.75);
    expect(readNumber(" 95 000 € ")).toBe(95000);
    expect(readNumber("")).toBeUndefined();
    expect(readNumber("veel")).toBe("veel");
  });

  it("round-trips an input through the form value", () => {
    const parsed = editorSchema.safeParse(inputToForm(example()));
    expect(parsed.success && parsed.data).toEqual(example());
  });

  it("leaves the subsidy out unless its box is ticked, and reads empty optional years as null", () => {
    const form = inputToForm(example());
    const raw = formToRaw({ ...form, hasSubsidy: undefined }) as { subsidy: unknown; revenues: { untilYear: unknown }[] };
    expect(raw.subsidy).toBeNull();
    expect(raw.revenues[0].untilYear).toBeNull();
  });
});

describe("CSV and chart helpers", () => {
  it("writes the yearly table with ; and decimal commas after a byte-order mark", () => {
    const headers = Object.fromEntries(CSV_COLUMNS.map((c) => [c, c === "year" ? 'Jaar; "kal"' : c])) as Record<(typeof CSV_COLUMNS)[number], string>;
    const csv = yearTableCsv(simulate(example()), headers);
    expect(csv.startsWith("\uFEFFt;\"Jaar; \"\"kal\"\"\";investment")).toBe(true);
    expect(csv.split("\r\n")[2].split(";").slice(0, 3)).toEqual(["1", "2027", "650000,00"]);
    expect(decimalComma(-0.004)).toBe("0,00");
    expect(decimalComma(-1234.567)).toBe("-1234,57");
  });

  it("gives round ticks that include zero and cover the range", () => {
    const ticks = niceTicks(-1_234_567, 345_678);
    expect(ticks).toContain(0);
    expect(ticks[0]).toBeLessThanOrEqual(-1_234_567);
    expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(345_678);
    expect(niceTicks(0, 0)).toContain(0);
  });
});
