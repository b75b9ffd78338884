// The exported workbook recalculated by a real formula engine (HyperFormula) must give the
// engine's figures: the yearly table's formulas refer to the inputs sheet only.
import ExcelJS from "exceljs";
import { HyperFormula } from "hyperformula";
import { describe, expect, it } from "vitest";
import { simulate } from "~/features/simulation/engine";
import type { SimulationInput } from "~/features/simulation/schema";
import { YEAR_COLUMN_LETTERS, simulationWorkbook } from "~/features/simulation/xlsx.server";
import { cents, example, exampleRaw, parse } from "../../unit/simulation/helpers";

type Sheets = Record<string, (string | number | boolean | null)[][]>;

/** Every sheet as HyperFormula data: formulas as "=...", values as they are; cached results ignored. */
async function readWorkbook(buffer: Buffer): Promise<Sheets> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheets: Sheets = {};
  wb.eachSheet((ws) => {
    const rows: (string | number | boolean | null)[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const cells: (string | number | boolean | null)[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const v = cell.value;
        let out: string | number | boolean | null = null;
        if (v && typeof v === "object" && "formula" in v) out = `=${v.formula}`;
        else if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") out = v;
        else if (v && typeof v === "object" && "richText" in v) out = v.richText.map((p) => p.text).join("");
        cells[c - 1] = out;
      });
      rows[r - 1] = Array.from(cells, (x) => x ?? null);
    });
    sheets[ws.name] = Array.from(rows, (x) => x ?? []);
  });
  return sheets;
}

async function recalculated(input: SimulationInput) {
  const result = simulate(input);
  const sheets = await readWorkbook(await simulationWorkbook(input, result, { title: "test" }));
  const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3" });
  const value = (sheet: string, ref: string) => {
    const address = hf.simpleCellAddressFromString(ref, hf.getSheetId(sheet)!);
    return hf.getCellValue(address!);
  };
  return { result, value, hf };
}

function loanCase(type: "ANNUITY" | "LINEAR"): SimulationInput {
  const raw = exampleRaw() as Record<string, unknown>;
  return parse({
    ...raw,
    horizonYears: 25,
    subsidy: { label: "Erfgoedpremie", ratePct: 40, baseUpliftPct: 7, delayYears: 2, cap: 400000 },
    loans: [
      { label: "Lineaire lening", principal: 600000, ratePct: 2.75, termYears: 30, type, yearOffset: 1 },
      { label: "Renteloze lening", principal: 100000, ratePct: 0, termYears: 10, type: "ANNUITY", yearOffset: 0 },
    ],
    revenues: [...(raw.revenues as object[]), { label: "Parking", category: "PARKING", amount: 8000, indexationPct: 1, occupancyPct: 80, fromYear: 3, untilYear: 15 }],
    residualValue: 250000,
    vatRecoverable: type === "LINEAR",
  });
}

describe("XLSX export recalculated by HyperFormula", () => {
  it("gives the worked example's NPV, IRR and totals to the cent", async () => {
    const { result, value } = await recalculated(example());
    expect(cents(value("Kerncijfers", "B3") as number)).toBe(-647497.37);
    expect(cents(value("Kerncijfers", "B3") as number)).toBe(cents(result.metrics.npv));
    expect((value("Kerncijfers", "B4") as number) * 100).toBeCloseTo(result.metrics.irrPct!, 4);
    expect(cents(value("Kerncijfers", "B7") as number)).toBe(cents(result.metrics.breakEvenExtraRevenue!));
    expect(cents(value("Kerncijfers", "B17") as number)).toBe(526300);
  });

  it("reproduces every cell of the yearly table from the inputs", async () => {
    const input = loanCase("ANNUITY");
    const { result, value } = await recalculated(input);
    result.years.forEach((y, t) => {
      for (const [column, letter] of Object.entries(YEAR_COLUMN_LETTERS)) {
        const cell = value("Jaartabel", `${letter}${t + 2}`);
        expect(typeof cell, `${column} t=${t}: ${String(cell)}`).toBe("number");
        expect(cents(cell as number), `${column} t=${t}`).toBeCloseTo(cents(y[column as keyof typeof y]), 2);
      }
    });
    expect(cents(value("Kerncijfers", "B3") as number)).toBe(cents(result.metrics.npv));
  });

  it("gives the same NPV with a LINEAR loan, a subsidy cap and recoverable VAT", async () => {
    const { result, value } = await recalculated(loanCase("LINEAR"));
    expect(result.warnings.some((w) => w.key === "simulation.warning.subsidyCapReached")).toBe(true);
    expect(cents(value("Kerncijfers", "B3") as number)).toBe(cents(result.metrics.npv));
    const interest = result.years.reduce((s, y) => s + y.interest, 0);
    const column = YEAR_COLUMN_LETTERS.interest;
    let sheetInterest = 0;
    for (let t = 0; t < result.years.length; t++) sheetInterest += value("Jaartabel", `${column}${t + 2}`) as number;
    expect(cents(sheetInterest)).toBe(cents(interest));
  });

  it("follows a changed input: a higher discount rate on the inputs sheet lowers the NPV like the engine", async () => {
    const { value, hf } = await recalculated(example());
    hf.setCellContents(hf.simpleCellAddressFromString("B5", hf.getSheetId("Invoer")!)!, 5);
    const engine = simulate(parse({ ...exampleRaw(), discountRatePct: 5 }));
    expect(cents(value("Kerncijfers", "B3") as number)).toBe(cents(engine.metrics.npv));
  });

  it("handles a one-year horizon without loans or subsidy", async () => {
    const input = parse({ startYear: 2026, horizonYears: 1, investments: [{ label: "Dak", category: "RESTORATION", amount: 1000 }] });
    const { result, value } = await recalculated(input);
    expect(cents(value("Kerncijfers", "B3") as number)).toBe(cents(result.metrics.npv));
  });
});
