/**
 * The simulation as an Excel workbook a finance officer can audit: the inputs, and a yearly
 * table whose every cell is a formula on the inputs, so changing an input in Excel or
 * LibreOffice gives the same figures as the application (NPV as `CF0 + NPV(d; CF1..CFn)`).
 *
 * Sheets: Invoer (inputs, with helper columns for VAT, cash cost and the subsidy after its
 * cap), Leningen (a schedule per loan), Exploitatie (revenues and costs per line and year),
 * Jaartabel (the contract's yearly table), Kerncijfers
 * (key figures and totals) and Gevoeligheid (sensitivity, as values). Labels are Dutch.
 * Only plain cell formulas (no array arithmetic), so every spreadsheet computes them alike.
 * Formula cells carry the engine's value as cached result where it is at hand; the workbook
 * asks for a full recalculation on load anyway.
 */
import ExcelJS from "exceljs";
import { translate } from "~/platform/i18n/catalogue";
import { type SimulationResult, YEAR_COLUMNS } from "./engine";
import type { SimulationInput } from "./schema";

const MONEY = '#,##0.00 "€";[Red]-#,##0.00 "€"';
const PCT_INPUT = '0.00## "%"';
const IRR_FORMAT = "0.0000%";
const DSCR = "0.0000";

const nl = (key: string, params?: Record<string, string | number>) => translate("nl", key, params);

type Cell = ExcelJS.Cell;
type Value = string | number | boolean | null;

function put(ws: ExcelJS.Worksheet, ref: string, value: Value, numFmt?: string): Cell {
  const cell = ws.getCell(ref);
  if (value !== null) cell.value = value;
  if (numFmt) cell.numFmt = numFmt;
  return cell;
}

function formula(ws: ExcelJS.Worksheet, ref: string, f: string, result?: number | string, numFmt?: string): Cell {
  const cell = ws.getCell(ref);
  cell.value = result === undefined ? ({ formula: f } as ExcelJS.CellFormulaValue) : ({ formula: f, result } as ExcelJS.CellFormulaValue);
  if (numFmt) cell.numFmt = numFmt;
  return cell;
}

function header(ws: ExcelJS.Worksheet, row: number, labels: string[], firstCol = 1) {
  labels.forEach((label, i) => {
    const cell = ws.getCell(row, firstCol + i);
    cell.value = label;
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: "bottom" };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEFECE6" } };
  });
}

function col(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Row range of a list on the Invoer sheet; `null` when the list is empty. */
type Range = { first: number; last: number } | null;

/** Absolute reference to a column of a list on Invoer: Invoer!$D$20:$D$22. */
function ref(range: Range, column: string) {
  if (!range) return null;
  return `Invoer!$${column}$${range.first}:$${column}$${range.last}`;
}

// Fixed cells of the general parameters and the subsidy on Invoer.
const C = {
  startYear: "$B$3",
  horizon: "$B$4",
  rate: "$B$5",
  vatRecoverable: "$B$6",
  equity: "$B$7",
  residual: "$B$8",
  hasSubsidy: "$B$11",
  subsidyRate: "$B$13",
  uplift: "$B$14",
  delay: "$B$15",
  cap: "$B$16",
};
const inv = (cell: string) => `Invoer!${cell}`;

function writeInputs(wb: ExcelJS.Workbook, input: SimulationInput) {
  const ws = wb.addWorksheet("Invoer");
  ws.getColumn(1).width = 42;
  for (let i = 2; i <= 14; i++) ws.getColumn(i).width = 16;
  put(ws, "A1", nl("simulation.xlsx.inputsTitle")).font = { bold: true, size: 14 };
  const general: [string, string, Value, string?][] = [
    ["A3", nl("simulation.field.startYear"), input.startYear],
    ["A4", nl("simulation.field.horizonYears"), input.horizonYears],
    ["A5", nl("simulation.field.discountRatePct"), input.discountRatePct, PCT_INPUT],
    ["A6", nl("simulation.xlsx.vatRecoverable"), input.vatRecoverable ? 1 : 0],
    ["A7", nl("simulation.field.equity"), input.equity, MONEY],
    ["A8", nl("simulation.field.residualValue"), input.residualValue, MONEY],
  ];
  for (const [cell, label, value, fmt] of general) {
    put(ws, cell, label);
    put(ws, cell.replace("A", "B"), value, fmt);
  }
  put(ws, "A10", nl("simulation.field.subsidy")).font = { bold: true };
  const s = input.subsidy ?? null;
  const subsidy: [string, string, Value, string?][] = [
    ["A11", nl("simulation.xlsx.hasSubsidy"), s ? 1 : 0],
    ["A12", nl("simulation.field.subsidy.label"), s?.label ?? null],
    ["A13", nl("simulation.field.subsidy.ratePct"), s?.ratePct ?? 0, PCT_INPUT],
    ["A14", nl("simulation.field.subsidy.baseUpliftPct"), s?.baseUpliftPct ?? 0, PCT_INPUT],
    ["A15", nl("simulation.field.subsidy.delayYears"), s?.delayYears ?? 0],
    ["A16", nl("simulation.xlsx.cap"), s?.cap ?? null, MONEY],
  ];
  for (const [cell, label, value, fmt] of subsidy) {
    put(ws, cell, label);
    put(ws, cell.replace("A", "B"), value, fmt);
  }

  let row = 18;
  /** Writes a list: title, header, rows via `write(row, index)`; returns its row range. */
  const list = (title: string, headers: string[], count: number, write: (r: number, i: number) => void): Range => {
    put(ws, `A${row}`, title).font = { bold: true };
    header(ws, row + 1, headers);
    ws.getRow(row + 1).height = 45;
    const first = row + 2;
    for (let i = 0; i < count; i++) {
      put(ws, `A${first + i}`, i + 1);
      write(first + i, i);
    }
    row = first + Math.max(count, 1) + 1;
    return count > 0 ? { first, last: first + count - 1 } : null;
  };
  const f = (key: string) => nl(`simulation.field.${key}`);

  const investments = list(
    f("investments"),
    ["Nr", f("investments.label"), f("investments.category"), f("investments.amount"), f("investments.vatPct"), f("investments.yearOffset"), nl("simulation.xlsx.eligible"), nl("simulation.total.vat"), nl("simulation.total.investmentCost"), nl("simulation.xlsx.subsidyPart"), nl("simulation.xlsx.subsidyYear"), nl("simulation.xlsx.subsidyBefore"), nl("simulation.xlsx.subsidyReceived")],
    input.investments.length,
    (r, i) => {
      const line = input.investments[i];
      put(ws, `B${r}`, line.label);
      put(ws, `C${r}`, nl(`simulation.category.${line.category}`));
      put(ws, `D${r}`, line.amount, MONEY);
      put(ws, `E${r}`, line.vatPct, PCT_INPUT);
      put(ws, `F${r}`, line.yearOffset);
      put(ws, `G${r}`, line.subsidyEligible ? 1 : 0);
      formula(ws, `H${r}`, `D${r}*E${r}/100`, undefined, MONEY);
      formula(ws, `I${r}`, `D${r}+IF(${C.vatRecoverable}=1,0,H${r})`, undefined, MONEY);
      formula(ws, `J${r}`, `IF(AND(${C.hasSubsidy}=1,G${r}=1),${C.subsidyRate}/100*D${r}*(1+${C.uplift}/100),0)`, undefined, MONEY);
      formula(ws, `K${r}`, `F${r}+${C.delay}`);
    },
  );
  // Subsidy after the cap, in order of the year received, then input order (contract).
  if (investments) {
    const { first, last } = investments;
    const J = `$J$${first}:$J$${last}`;
    const K = `$K$${first}:$K$${last}`;
    const A = `$A$${first}:$A$${last}`;
    for (let r = first; r <= last; r++) {
      formula(ws, `L${r}`, `SUMIF(${K},"<"&K${r},${J})+SUMIFS(${J},${K},K${r},${A},"<"&A${r})`, undefined, MONEY);
      formula(ws, `M${r}`, `IF(K${r}>${C.horizon}-1,0,IF(ISBLANK(${C.cap}),J${r},MIN(${C.cap},L${r}+J${r})-MIN(${C.cap},L${r})))`, undefined, MONEY);
    }
  }

  const grants = list(f("grants"), ["Nr", f("grants.label"), f("grants.amount"), f("grants.yearOffset")], input.grants.length, (r, i) => {
    const line = input.grants[i];
    put(ws, `B${r}`, line.label);
    put(ws, `C${r}`, line.amount, MONEY);
    put(ws, `D${r}`, line.yearOffset);
  });

  const loans = list(
    f("loans"),
    ["Nr", f("loans.label"), f("loans.principal"), f("loans.ratePct"), f("loans.termYears"), nl("simulation.xlsx.loanType"), f("loans.yearOffset"), nl("simulation.xlsx.annuity")],
    input.loans.length,
    (r, i) => {
      const loan = input.loans[i];
      put(ws, `B${r}`, loan.label);
      put(ws, `C${r}`, loan.principal, MONEY);
      put(ws, `D${r}`, loan.ratePct, PCT_INPUT);
      put(ws, `E${r}`, loan.termYears);
      put(ws, `F${r}`, loan.type);
      put(ws, `G${r}`, loan.yearOffset);
      formula(ws, `H${r}`, `IF(D${r}=0,C${r}/E${r},C${r}*(D${r}/100)/(1-(1+D${r}/100)^(-E${r})))`, undefined, MONEY);
    },
  );

  const untilHeader = nl("simulation.xlsx.untilEffective");
  const revenues = list(
    f("revenues"),
    ["Nr", f("revenues.label"), f("revenues.category"), f("revenues.amount"), f("revenues.indexationPct"), f("revenues.occupancyPct"), f("revenues.fromYear"), nl("simulation.xlsx.untilBlank"), untilHeader],
    input.revenues.length,
    (r, i) => {
      const line = input.revenues[i];
      put(ws, `B${r}`, line.label);
      put(ws, `C${r}`, nl(`simulation.category.${line.category}`));
      put(ws, `D${r}`, line.amount, MONEY);
      put(ws, `E${r}`, line.indexationPct, PCT_INPUT);
      put(ws, `F${r}`, line.occupancyPct, PCT_INPUT);
      put(ws, `G${r}`, line.fromYear);
      put(ws, `H${r}`, line.untilYear);
      formula(ws, `I${r}`, `IF(ISBLANK(H${r}),${C.horizon}-1,H${r})`);
    },
  );

  const costs = list(
    f("operatingCosts"),
    ["Nr", f("operatingCosts.label"), f("operatingCosts.category"), f("operatingCosts.amount"), f("operatingCosts.indexationPct"), f("operatingCosts.fromYear"), nl("simulation.xlsx.untilBlank"), untilHeader],
    input.operatingCosts.length,
    (r, i) => {
      const line = input.operatingCosts[i];
      put(ws, `B${r}`, line.label);
      put(ws, `C${r}`, nl(`simulation.category.${line.category}`));
      put(ws, `D${r}`, line.amount, MONEY);
      put(ws, `E${r}`, line.indexationPct, PCT_INPUT);
      put(ws, `F${r}`, line.fromYear);
      put(ws, `G${r}`, line.untilYear);
      formula(ws, `H${r}`, `IF(ISBLANK(G${r}),${C.horizon}-1,G${r})`);
    },
  );
  ws.views = [{ state: "frozen", xSplit: 1, ySplit: 0 }];
  return { investments, grants, loans, revenues, costs };
}

type Ranges = ReturnType<typeof writeInputs>;

/** Loan schedules: per loan opening balance, interest, principal and closing balance per year. */
function writeLoans(wb: ExcelJS.Workbook, input: SimulationInput, ranges: Ranges) {
  const ws = wb.addWorksheet("Leningen");
  const H = input.horizonYears;
  const first = 3;
  put(ws, "A2", nl("simulation.column.t")).font = { bold: true };
  ws.getColumn(1).width = 6;
  const interestCols: string[] = [];
  const principalCols: string[] = [];
  for (let t = 0; t < H; t++) put(ws, `A${first + t}`, t);
  input.loans.forEach((loan, i) => {
    const r = ranges.loans!.first + i;
    const base = 2 + i * 4;
    const [o, ic, p, c] = [col(base), col(base + 1), col(base + 2), col(base + 3)];
    put(ws, `${o}1`, loan.label).font = { bold: true };
    ws.mergeCells(`${o}1:${c}1`);
    header(ws, 2, [nl("simulation.xlsx.opening"), nl("simulation.column.interest"), nl("simulation.column.principalRepayment"), nl("simulation.xlsx.closing")], base);
    for (let k = base; k < base + 4; k++) ws.getColumn(k).width = 16;
    const P = inv(`$C$${r}`);
    const rate = `(${inv(`$D$${r}`)}/100)`;
    const n = inv(`$E$${r}`);
    const type = inv(`$F$${r}`);
    const off = inv(`$G$${r}`);
    const annuity = inv(`$H$${r}`);
    const last = `(${inv(C.horizon)}-1)`;
    for (let t = 0; t < H; t++) {
      const row = first + t;
      const tt = `$A${row}`;
      formula(ws, `${o}${row}`, t === 0 ? "0" : `IF(${tt}<=${off},0,${c}${row - 1})`, undefined, MONEY);
      formula(ws, `${ic}${row}`, `IF(AND(${tt}>${off},${tt}-${off}<=${n}),${o}${row}*${rate},0)`, undefined, MONEY);
      formula(
        ws,
        `${p}${row}`,
        `IF(${tt}<${off},0,IF(${tt}=${off},IF(${tt}=${last},${P},0),IF(${tt}-${off}>${n},0,IF(OR(${tt}-${off}=${n},${tt}=${last}),${o}${row},IF(${type}="LINEAR",${P}/${n},${annuity}-${ic}${row})))))`,
        undefined,
        MONEY,
      );
      formula(ws, `${c}${row}`, `IF(${tt}<${off},0,IF(${tt}=${off},${P},${o}${row})-${p}${row})`, undefined, MONEY);
    }
    interestCols.push(ic);
    principalCols.push(p);
  });
  const totalBase = 2 + input.loans.length * 4;
  const [ti, tp] = [col(totalBase), col(totalBase + 1)];
  header(ws, 2, [nl("simulation.xlsx.totalInterest"), nl("simulation.xlsx.totalPrincipal")], totalBase);
  ws.getColumn(totalBase).width = 16;
  ws.getColumn(totalBase + 1).width = 16;
  for (let t = 0; t < H; t++) {
    const row = first + t;
    formula(ws, `${ti}${row}`, interestCols.length ? interestCols.map((x) => `${x}${row}`).join("+") : "0", undefined, MONEY);
    formula(ws, `${tp}${row}`, principalCols.length ? principalCols.map((x) => `${x}${row}`).join("+") : "0", undefined, MONEY);
  }
  ws.views = [{ state: "frozen", xSplit: 1, ySplit: 2 }];
  return { interest: (t: number) => `Leningen!${ti}${first + t}`, principal: (t: number) => `Leningen!${tp}${first + t}` };
}

/** Revenues and operating costs per line and year (one column per line), and their totals. */
function writeOperations(wb: ExcelJS.Workbook, input: SimulationInput, ranges: Ranges) {
  const ws = wb.addWorksheet("Exploitatie");
  const H = input.horizonYears;
  const first = 3;
  put(ws, "A2", nl("simulation.column.t")).font = { bold: true };
  ws.getColumn(1).width = 6;
  for (let t = 0; t < H; t++) put(ws, `A${first + t}`, t);
  let column = 2;
  const group = (title: string, lines: { label: string }[], range: Range, cells: { amount: string; from: string; until: string; index: string; occupancy?: string }) => {
    const cols: string[] = [];
    lines.forEach((line, i) => {
      const r = range!.first + i;
      const c = col(column++);
      cols.push(c);
      put(ws, `${c}2`, line.label).font = { bold: true };
      ws.getColumn(c).width = 16;
      const amount = cells.occupancy ? `${inv(`$${cells.amount}$${r}`)}*${inv(`$${cells.occupancy}$${r}`)}/100` : inv(`$${cells.amount}$${r}`);
      for (let t = 0; t < H; t++) {
        const row = first + t;
        formula(
          ws,
          `${c}${row}`,
          `IF(AND($A${row}>=${inv(`$${cells.from}$${r}`)},$A${row}<=${inv(`$${cells.until}$${r}`)}),${amount}*(1+${inv(`$${cells.index}$${r}`)}/100)^$A${row},0)`,
          undefined,
          MONEY,
        );
      }
    });
    const total = col(column++);
    header(ws, 2, [title], column - 1);
    ws.getColumn(total).width = 18;
    for (let t = 0; t < H; t++) {
      const row = first + t;
      formula(ws, `${total}${row}`, cols.length ? `SUM(${cols[0]}${row}:${cols[cols.length - 1]}${row})` : "0", undefined, MONEY);
    }
    return (t: number) => `Exploitatie!${total}${first + t}`;
  };
  put(ws, "B1", nl("simulation.field.revenues")).font = { bold: true };
  const revenues = group(nl("simulation.column.revenues"), input.revenues, ranges.revenues, { amount: "D", occupancy: "F", index: "E", from: "G", until: "I" });
  put(ws, `${col(column)}1`, nl("simulation.field.operatingCosts")).font = { bold: true };
  const costs = group(nl("simulation.column.operatingCosts"), input.operatingCosts, ranges.costs, { amount: "D", index: "E", from: "F", until: "H" });
  ws.views = [{ state: "frozen", xSplit: 1, ySplit: 2 }];
  return { revenues, costs };
}


/** Column letter of each yearly-table column on Jaartabel. */
export const YEAR_COLUMN_LETTERS = Object.fromEntries(YEAR_COLUMNS.map((c, i) => [c, col(i + 1)])) as Record<(typeof YEAR_COLUMNS)[number], string>;

function sumif(range: Range, keyCol: string, valueCol: string, t: string) {
  return range ? `SUMIF(${ref(range, keyCol)},${t},${ref(range, valueCol)})` : "0";
}

function writeYears(
  wb: ExcelJS.Workbook,
  result: SimulationResult,
  ranges: Ranges,
  loans: ReturnType<typeof writeLoans>,
  operations: ReturnType<typeof writeOperations>,
) {
  const ws = wb.addWorksheet("Jaartabel");
  header(ws, 1, YEAR_COLUMNS.map((c) => nl(`simulation.column.${c}`)));
  ws.getRow(1).height = 32;
  YEAR_COLUMNS.forEach((_, i) => (ws.getColumn(i + 1).width = i < 2 ? 8 : 17));
  const { investments: I, grants: G, loans: LO } = ranges;
  // Beside the contract's columns: the discount factor (1 + d)^-t, used by the key figures.
  header(ws, 1, [nl("simulation.xlsx.discountFactor")], YEAR_COLUMNS.length + 1);
  ws.getColumn(YEAR_COLUMNS.length + 1).width = 14;
  result.years.forEach((y, t) => {
    const row = t + 2;
    const tt = `$A${row}`;
    put(ws, `A${row}`, t);
    formula(ws, `B${row}`, `${inv(C.startYear)}+${tt}`, y.year);
    formula(ws, `C${row}`, sumif(I, "F", "D", tt), y.investment, MONEY);
    formula(ws, `D${row}`, sumif(I, "F", "H", tt), y.vat, MONEY);
    formula(ws, `E${row}`, sumif(I, "K", "M", tt), y.subsidy, MONEY);
    formula(ws, `F${row}`, sumif(G, "D", "C", tt), y.grants, MONEY);
    formula(ws, `G${row}`, operations.revenues(t), y.revenues, MONEY);
    formula(ws, `H${row}`, operations.costs(t), y.operatingCosts, MONEY);
    formula(ws, `I${row}`, `IF(${tt}=${inv(C.horizon)}-1,${inv(C.residual)},0)`, y.residualValue, MONEY);
    formula(
      ws,
      `J${row}`,
      `-(C${row}+IF(${inv(C.vatRecoverable)}=1,0,D${row}))+E${row}+F${row}+G${row}-H${row}+I${row}`,
      y.projectCashFlow,
      MONEY,
    );
    formula(ws, `K${row}`, sumif(LO, "G", "C", tt), y.loanDrawdown, MONEY);
    formula(ws, `L${row}`, loans.interest(t), y.interest, MONEY);
    formula(ws, `M${row}`, loans.principal(t), y.principalRepayment, MONEY);
    formula(ws, `N${row}`, `J${row}+K${row}-L${row}-M${row}`, y.netCashFlow, MONEY);
    formula(ws, `O${row}`, t === 0 ? `N${row}` : `O${row - 1}+N${row}`, y.cumulativeNetCashFlow, MONEY);
    formula(ws, `P${row}`, `(1+${inv(C.rate)}/100)^(-${tt})`, undefined, "0.000000");
  });
  ws.views = [{ state: "frozen", xSplit: 2, ySplit: 1 }];
  return { firstRow: 2, lastRow: result.years.length + 1 };
}

function writeKeyFigures(wb: ExcelJS.Workbook, input: SimulationInput, result: SimulationResult, years: { firstRow: number; lastRow: number }) {
  const ws = wb.addWorksheet("Kerncijfers");
  ws.getColumn(1).width = 44;
  ws.getColumn(2).width = 20;
  ws.getColumn(3).width = 60;
  put(ws, "A1", nl("simulation.results.keyFigures")).font = { bold: true, size: 14 };
  const { firstRow: a, lastRow: b } = years;
  const J = (r1: number, r2: number) => `Jaartabel!J${r1}:J${r2}`;
  const colSum = (c: string) => `SUM(Jaartabel!${c}${a}:${c}${b})`;
  const m = result.metrics;
  const npvFormula = a === b ? `Jaartabel!J${a}` : `Jaartabel!J${a}+NPV(${inv(C.rate)}/100,${J(a + 1, b)})`;
  formula(ws, "B3", npvFormula, m.npv, MONEY);
  put(ws, "A3", nl("simulation.metric.npv"));
  put(ws, "A4", nl("simulation.metric.irrPct"));
  if (m.irrPct === null) put(ws, "B4", nl("simulation.metric.none"));
  else formula(ws, "B4", `IRR(${J(a, b)})`, m.irrPct / 100, IRR_FORMAT);
  put(ws, "A5", nl("simulation.metric.paybackYear"));
  put(ws, "B5", m.paybackYear ?? nl("simulation.metric.none"));
  put(ws, "C5", nl("simulation.xlsx.valueNote"));
  put(ws, "A6", nl("simulation.xlsx.firstOperatingYear"));
  const froms = [...input.revenues, ...input.operatingCosts].map((l) => l.fromYear);
  put(ws, "B6", froms.length ? Math.min(...froms) : 1);
  put(ws, "A7", nl("simulation.metric.breakEvenExtraRevenue"));
  if (m.breakEvenExtraRevenue === null) put(ws, "B7", nl("simulation.metric.none"));
  else
    formula(
      ws,
      "B7",
      `-B3/SUMIF(Jaartabel!A${a}:A${b},">="&B6,Jaartabel!P${a}:P${b})`,
      m.breakEvenExtraRevenue,
      MONEY,
    );
  put(ws, "A8", nl("simulation.metric.minDscr"));
  if (m.minDscr === null) put(ws, "B8", nl("simulation.metric.none"));
  else put(ws, "B8", m.minDscr, DSCR);
  put(ws, "C8", nl("simulation.xlsx.valueNote"));

  put(ws, "A10", nl("simulation.results.totals")).font = { bold: true };
  const tot = result.totals;
  const rows: [string, string, number][] = [
    ["investmentExclVat", colSum("C"), tot.investmentExclVat],
    ["vat", colSum("D"), tot.vat],
    ["investmentCost", `B11+IF(${inv(C.vatRecoverable)}=1,0,B12)`, tot.investmentCost],
    ["subsidy", colSum("E"), tot.subsidy],
    ["grants", colSum("F"), tot.grants],
    ["netInvestment", "B13-B14-B15", tot.netInvestment],
    ["fundingGap", `B16-${inv(C.equity)}-${colSum("K")}`, tot.fundingGap],
  ];
  rows.forEach(([key, f, value], i) => {
    put(ws, `A${11 + i}`, nl(`simulation.total.${key}`));
    formula(ws, `B${11 + i}`, f, value, MONEY);
  });
  return { npvCell: "B3", irrCell: "B4" };
}

function writeSensitivity(wb: ExcelJS.Workbook, result: SimulationResult) {
  const ws = wb.addWorksheet("Gevoeligheid");
  header(ws, 1, [nl("simulation.results.variable"), nl("simulation.sensitivity.delta"), nl("simulation.metric.npv"), nl("simulation.results.npvChange")]);
  [26, 22, 20, 20].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  result.sensitivity.forEach((p, i) => {
    const row = i + 2;
    put(ws, `A${row}`, nl(`simulation.sensitivity.${p.variable}`));
    put(ws, `B${row}`, nl(p.variable === "discountRate" ? "simulation.sensitivity.deltaPoints" : "simulation.sensitivity.deltaPct", { delta: `${p.delta > 0 ? "+" : ""}${p.delta}` }));
    put(ws, `C${row}`, p.npv, MONEY);
    formula(ws, `D${row}`, `C${row}-Kerncijfers!$B$3`, p.npv - result.metrics.npv, MONEY);
  });
}

export async function simulationWorkbook(input: SimulationInput, result: SimulationResult, meta: { title: string }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Herbestemming";
  wb.title = meta.title;
  wb.created = new Date();
  wb.calcProperties.fullCalcOnLoad = true;
  const ranges = writeInputs(wb, input);
  const loans = writeLoans(wb, input, ranges);
  const operations = writeOperations(wb, input, ranges);
  const years = writeYears(wb, result, ranges, loans, operations);
  writeKeyFigures(wb, input, result, years);
  writeSensitivity(wb, result);
  // Kerncijfers first when the file opens: it is what most readers look for.
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 4, visibility: "visible" }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
