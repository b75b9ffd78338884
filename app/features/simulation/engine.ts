/**
 * The financial simulation engine (contract: docs/simulation.md).
 *
 * Pure: no I/O, no Node or browser APIs, so it runs on the server, in the browser and in the
 * CLI alike. Every value is left unrounded; rounding to the cent is for display only.
 *
 * Speed matters (the form recalculates on every keystroke): each input line is turned into
 * yearly arrays once, discount factors are computed once, and the sensitivity NPVs are
 * derived from discounted component totals instead of rerunning the simulation.
 */
import type { SimulationInput } from "./schema";

export type SensitivityVariable = "investment" | "revenues" | "operatingCosts" | "discountRate";

export interface YearRow {
  /** Year index, 0 = startYear. */
  t: number;
  year: number;
  /** Investment excluding VAT. */
  investment: number;
  /** VAT on the investment (also when it is recoverable; it is then not a cash cost). */
  vat: number;
  subsidy: number;
  grants: number;
  revenues: number;
  operatingCosts: number;
  residualValue: number;
  projectCashFlow: number;
  loanDrawdown: number;
  interest: number;
  principalRepayment: number;
  netCashFlow: number;
  cumulativeNetCashFlow: number;
}

/** The columns of the yearly table, in the contract's order: the table, CSV and XLSX share it. */
export const YEAR_COLUMNS = [
  "t",
  "year",
  "investment",
  "vat",
  "subsidy",
  "grants",
  "revenues",
  "operatingCosts",
  "residualValue",
  "projectCashFlow",
  "loanDrawdown",
  "interest",
  "principalRepayment",
  "netCashFlow",
  "cumulativeNetCashFlow",
] as const satisfies readonly (keyof YearRow)[];

export interface SimulationTotals {
  investmentExclVat: number;
  vat: number;
  /** Cash cost of the investment: with VAT unless it is recoverable. */
  investmentCost: number;
  subsidy: number;
  grants: number;
  netInvestment: number;
  fundingGap: number;
}

export interface SimulationMetrics {
  npv: number;
  irrPct: number | null;
  paybackYear: number | null;
  breakEvenExtraRevenue: number | null;
  minDscr: number | null;
}

export interface SensitivityPoint {
  variable: SensitivityVariable;
  /** Percent change of the amounts, or percentage points for the discount rate. */
  delta: number;
  npv: number;
}

export interface SimulationWarning {
  /** Message key, e.g. `simulation.warning.subsidyCapReached`. */
  key: string;
  params?: Record<string, string | number>;
}

export interface SimulationResult {
  years: YearRow[];
  totals: SimulationTotals;
  metrics: SimulationMetrics;
  sensitivity: SensitivityPoint[];
  warnings: SimulationWarning[];
}

export const AMOUNT_DELTAS = [-20, -10, 10, 20] as const;
export const DISCOUNT_RATE_DELTAS = [-1, 1] as const;

/** IRR search range: (-99 %, 1000 %]. */
const IRR_MIN = -0.99;
const IRR_MAX = 10;
/** Grid step in ln(1 + r) for cash flows that may have several IRRs (~0.05 % of 1 + r). */
const IRR_GRID_STEP = 0.0005;
/** Float noise allowed when deciding the running total "stays >= 0" (a millionth of a cent). */
const PAYBACK_TOLERANCE = 1e-8;

/** A subsidy part of one eligible investment line, at 100 % of the investment amounts. */
interface SubsidyPart {
  year: number;
  amount: number;
  label: string;
}

export function simulate(input: SimulationInput): SimulationResult {
  const horizon = input.horizonYears;
  const last = horizon - 1;
  const warnings: SimulationWarning[] = [];
  const disc = discountFactors(input.discountRatePct, horizon);

  // Investments: excl. VAT, VAT, and what is paid in cash.
  const investment = new Float64Array(horizon);
  const vat = new Float64Array(horizon);
  const cashInvestment = new Float64Array(horizon);
  for (const line of input.investments) {
    const lineVat = (line.amount * line.vatPct) / 100;
    investment[line.yearOffset] += line.amount;
    vat[line.yearOffset] += lineVat;
    cashInvestment[line.yearOffset] += input.vatRecoverable ? line.amount : line.amount + lineVat;
  }

  // Subsidy: parts ordered by the year received, then input order (sort is stable).
  const parts = subsidyParts(input);
  const cap = input.subsidy?.cap ?? null;
  const subsidy = new Float64Array(horizon);
  const subsidyNpv = allocateSubsidy(parts, 1, cap, horizon, disc, subsidy);
  let subsidyTotal = 0;
  for (let t = 0; t < horizon; t++) subsidyTotal += subsidy[t];
  subsidyWarnings(input, parts, subsidyTotal, warnings);

  const grants = new Float64Array(horizon);
  for (const grant of input.grants) grants[grant.yearOffset] += grant.amount;

  // Revenue and cost windows are cut at the last year; a line with no year left is flagged.
  const revenues = new Float64Array(horizon);
  for (const line of input.revenues) {
    addIndexed(
      revenues,
      (line.amount * line.occupancyPct) / 100,
      line.indexationPct,
      line.fromYear,
      line.untilYear ?? last
    );
  }
  const operatingCosts = new Float64Array(horizon);
  for (const line of input.operatingCosts) {
    addIndexed(operatingCosts, line.amount, line.indexationPct, line.fromYear, line.untilYear ?? last);
  }
  for (const lines of [input.revenues, input.operatingCosts]) {
    for (const line of lines) {
      if (line.fromYear <= last) continue;
      warnings.push({
        key: "simulation.warning.lineOutsideHorizon",
        params: { label: line.label, year: input.startYear + line.fromYear },
      });
    }
  }

  // Project cash flow and the discounted component totals the sensitivity is built from.
  const cashFlow = new Float64Array(horizon);
  let npv = 0;
  let investmentNpv = 0;
  let revenueNpv = 0;
  let costNpv = 0;
  for (let t = 0; t < horizon; t++) {
    const residual = t === last ? input.residualValue : 0;
    const cf = -cashInvestment[t] + subsidy[t] + grants[t] + revenues[t] - operatingCosts[t] + residual;
    cashFlow[t] = cf;
    npv += cf * disc[t];
    investmentNpv += cashInvestment[t] * disc[t];
    revenueNpv += revenues[t] * disc[t];
    costNpv += operatingCosts[t] * disc[t];
  }

  const loans = loanSchedule(input, warnings);

  // Totals.
  let investmentExclVat = 0;
  let vatTotal = 0;
  let investmentCost = 0;
  let grantsTotal = 0;
  let drawn = 0;
  for (let t = 0; t < horizon; t++) {
    investmentExclVat += investment[t];
    vatTotal += vat[t];
    investmentCost += cashInvestment[t];
    grantsTotal += grants[t];
    drawn += loans.drawdown[t];
  }
  const netInvestment = investmentCost - subsidyTotal - grantsTotal;
  const fundingGap = netInvestment - input.equity - drawn;

  // Year rows with the owner's net cash flow.
  const years: YearRow[] = new Array(horizon);
  let cumulative = 0;
  for (let t = 0; t < horizon; t++) {
    const net = cashFlow[t] + loans.drawdown[t] - loans.interest[t] - loans.principal[t];
    cumulative += net;
    years[t] = {
      t,
      year: input.startYear + t,
      investment: investment[t],
      vat: vat[t],
      subsidy: subsidy[t],
      grants: grants[t],
      revenues: revenues[t],
      operatingCosts: operatingCosts[t],
      residualValue: t === last ? input.residualValue : 0,
      projectCashFlow: cashFlow[t],
      loanDrawdown: loans.drawdown[t],
      interest: loans.interest[t],
      principalRepayment: loans.principal[t],
      netCashFlow: net,
      cumulativeNetCashFlow: cumulative,
    };
  }

  const irrPct = irr(cashFlow);
  const payback = paybackIndex(cashFlow);
  const dscr = minimumDscr(revenues, operatingCosts, loans.interest, loans.principal);
  const metrics: SimulationMetrics = {
    npv,
    irrPct,
    paybackYear: payback === null ? null : input.startYear + payback,
    breakEvenExtraRevenue: breakEven(input, npv, disc),
    minDscr: dscr.min,
  };

  const sensitivity = sensitivityPoints({
    npv,
    investmentNpv,
    subsidyNpv,
    revenueNpv,
    costNpv,
    parts,
    cap,
    disc,
    cashFlow,
    discountRatePct: input.discountRatePct,
  });

  if (fundingGap > 0.005) {
    warnings.push({ key: "simulation.warning.fundingGap", params: { amount: cents(fundingGap) } });
  }
  if (npv < -0.005) warnings.push({ key: "simulation.warning.npvNegative", params: { npv: cents(npv) } });
  if (irrPct === null) warnings.push({ key: "simulation.warning.irrNone" });
  if (dscr.firstYearBelowOne !== null) {
    warnings.push({
      key: "simulation.warning.dscrBelowOne",
      params: { year: input.startYear + dscr.firstYearBelowOne, minDscr: round(dscr.min!, 4) },
    });
  }

  return {
    years,
    totals: {
      investmentExclVat,
      vat: vatTotal,
      investmentCost,
      subsidy: subsidyTotal,
      grants: grantsTotal,
      netInvestment,
      fundingGap,
    },
    metrics,
    sensitivity,
    warnings,
  };
}

interface SensitivityBasis {
  npv: number;
  /** Discounted totals of the cash investment, the subsidy, revenues and operating costs. */
  investmentNpv: number;
  subsidyNpv: number;
  revenueNpv: number;
  costNpv: number;
  parts: SubsidyPart[];
  cap: number | null;
  disc: Float64Array;
  cashFlow: Float64Array;
  discountRatePct: number;
}

/**
 * Revenues and costs enter the NPV linearly, so scaling them by s moves the NPV by (s - 1)
 * times their discounted total: exact, not an approximation. The cash investment (VAT
 * included) moves linearly too, but the subsidy is paid out again per delta because a cap can
 * cut it (the cap itself stays as it is). The discount rate needs a new present value.
 */
function sensitivityPoints(b: SensitivityBasis): SensitivityPoint[] {
  const points: SensitivityPoint[] = [];
  const horizon = b.cashFlow.length;
  for (const delta of AMOUNT_DELTAS) {
    const s = 1 + delta / 100;
    const subsidyNpv = allocateSubsidy(b.parts, s, b.cap, horizon, b.disc, null);
    points.push({
      variable: "investment",
      delta,
      npv: b.npv - (s - 1) * b.investmentNpv + (subsidyNpv - b.subsidyNpv),
    });
  }
  for (const delta of AMOUNT_DELTAS) {
    points.push({ variable: "revenues", delta, npv: b.npv + (delta / 100) * b.revenueNpv });
  }
  for (const delta of AMOUNT_DELTAS) {
    points.push({ variable: "operatingCosts", delta, npv: b.npv - (delta / 100) * b.costNpv });
  }
  for (const delta of DISCOUNT_RATE_DELTAS) {
    points.push({
      variable: "discountRate",
      delta,
      npv: presentValue(b.cashFlow, b.discountRatePct + delta),
    });
  }
  return points;
}

/** NPV of cash flows t = 0..n-1 at a rate in %: CF0 undiscounted (spreadsheet: CF0 + NPV()). */
export function npv(cashFlows: ArrayLike<number>, ratePct: number): number {
  return presentValue(cashFlows, ratePct);
}

/**
 * IRR in %: the lowest rate in (-99 %, 1000 %] at which the NPV changes sign; null when it
 * never does. With one sign change in the cash flows there is exactly one such rate
 * (Descartes' rule of signs), so its bracket is the whole range; otherwise a fine grid in
 * ln(1 + r) finds the first sign change. The bracket is then bisected to full precision.
 */
export function irr(cashFlows: ArrayLike<number>): number | null {
  const changes = signChanges(cashFlows);
  if (changes === 0) return null;
  if (changes === 1) {
    const atMax = valueAt(cashFlows, IRR_MAX);
    if (atMax === 0) return IRR_MAX * 100;
    // At r -> -99 % the NPV has the sign of the last non-zero cash flow.
    const atMin = valueAt(cashFlows, IRR_MIN);
    if (atMin === 0 || Math.sign(atMin) === Math.sign(atMax)) return null;
    return bisect(cashFlows, IRR_MIN, atMin, IRR_MAX) * 100;
  }
  return gridIrr(cashFlows);
}

/** Discount factors (1 + d)^-t for t = 0..horizon-1. */
function discountFactors(ratePct: number, horizon: number): Float64Array {
  const disc = new Float64Array(horizon);
  const v = 1 / (1 + ratePct / 100);
  let factor = 1;
  for (let t = 0; t < horizon; t++) {
    disc[t] = factor;
    factor *= v;
  }
  return disc;
}

/** Adds amount * (1 + idx)^t for from <= t <= until (indexation runs from t = 0). */
function addIndexed(
  target: Float64Array,
  amount: number,
  indexationPct: number,
  from: number,
  until: number
): void {
  const growth = 1 + indexationPct / 100;
  const end = Math.min(until, target.length - 1);
  let value = amount * Math.pow(growth, from);
  for (let t = from; t <= end; t++) {
    target[t] += value;
    value *= growth;
  }
}

function subsidyParts(input: SimulationInput): SubsidyPart[] {
  const subsidy = input.subsidy;
  if (!subsidy) return [];
  const factor = (subsidy.ratePct / 100) * (1 + subsidy.baseUpliftPct / 100);
  const parts: SubsidyPart[] = [];
  for (const line of input.investments) {
    if (!line.subsidyEligible) continue;
    parts.push({
      year: line.yearOffset + subsidy.delayYears,
      amount: line.amount * factor,
      label: line.label,
    });
  }
  return parts.sort((a, b) => a.year - b.year);
}

/**
 * Pays the subsidy parts (investment scaled by `scale`) in order, cutting the running total
 * at the cap; parts past the horizon are not received. Returns the discounted total and,
 * when `out` is given, adds the yearly amounts to it.
 */
function allocateSubsidy(
  parts: SubsidyPart[],
  scale: number,
  cap: number | null,
  horizon: number,
  disc: Float64Array,
  out: Float64Array | null
): number {
  let paid = 0;
  let discounted = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (part.year >= horizon) break; // sorted by year: the rest is past the horizon too
    let amount = part.amount * scale;
    if (cap !== null) amount = Math.min(amount, Math.max(0, cap - paid));
    paid += amount;
    discounted += amount * disc[part.year];
    if (out) out[part.year] += amount;
  }
  return discounted;
}

/** Parts paid past the horizon, and what the cap cut from parts within it. */
function subsidyWarnings(
  input: SimulationInput,
  parts: SubsidyPart[],
  received: number,
  warnings: SimulationWarning[]
): void {
  const last = input.horizonYears - 1;
  let withinHorizon = 0;
  for (const part of parts) {
    if (part.year <= last) {
      withinHorizon += part.amount;
    } else if (part.amount > 0) {
      warnings.push({
        key: "simulation.warning.subsidyBeyondHorizon",
        params: { label: part.label, year: input.startYear + part.year, amount: cents(part.amount) },
      });
    }
  }
  const cap = input.subsidy?.cap ?? null;
  if (cap !== null && withinHorizon - received > 1e-9) {
    warnings.push({
      key: "simulation.warning.subsidyCapReached",
      params: { cap: cents(cap), amount: cents(withinHorizon - received) },
    });
  }
}

interface LoanSchedule {
  drawdown: Float64Array;
  interest: Float64Array;
  principal: Float64Array;
}

/** All loans together; a balance still owed at the end of the horizon is repaid in the last year. */
function loanSchedule(input: SimulationInput, warnings: SimulationWarning[]): LoanSchedule {
  const horizon = input.horizonYears;
  const last = horizon - 1;
  const drawdown = new Float64Array(horizon);
  const interest = new Float64Array(horizon);
  const principal = new Float64Array(horizon);
  for (const loan of input.loans) {
    const P = loan.principal;
    const r = loan.ratePct / 100;
    const n = loan.termYears;
    drawdown[loan.yearOffset] += P;
    if (P === 0) continue;
    const annuity = r === 0 ? P / n : (P * r) / (1 - Math.pow(1 + r, -n));
    let balance = P;
    let balloon = 0;
    for (let k = 1; k <= n; k++) {
      const t = loan.yearOffset + k;
      if (t > last) break;
      const i = balance * r;
      let p = k === n ? balance : loan.type === "ANNUITY" ? annuity - i : P / n;
      if (t === last && k < n) {
        p = balance;
        balloon = balance;
      }
      interest[t] += i;
      principal[t] += p;
      balance -= p;
    }
    if (loan.yearOffset === last) {
      // Drawn in the last year: no payment falls within the horizon, so all is repaid then.
      principal[last] += balance;
      balloon = balance;
      balance = 0;
    }
    if (loan.yearOffset + n > last) {
      warnings.push({
        key: "simulation.warning.loanTermBeyondHorizon",
        params: { label: loan.label, year: input.startYear + last, amount: cents(balloon) },
      });
    }
  }
  return { drawdown, interest, principal };
}

/** Index of the first year from which the running total of CF is >= 0 to the end. */
function paybackIndex(cashFlow: Float64Array): number | null {
  let cumulative = 0;
  let lastNegative = -1;
  for (let t = 0; t < cashFlow.length; t++) {
    cumulative += cashFlow[t];
    if (cumulative < -PAYBACK_TOLERANCE) lastNegative = t;
  }
  return lastNegative + 1 < cashFlow.length ? lastNegative + 1 : null;
}

/** Constant yearly amount from the first operating year to the end that brings NPV to 0. */
function breakEven(input: SimulationInput, npvValue: number, disc: Float64Array): number | null {
  let first = Infinity;
  for (const line of input.revenues) first = Math.min(first, line.fromYear);
  for (const line of input.operatingCosts) first = Math.min(first, line.fromYear);
  if (first === Infinity) first = 1;
  let annuityFactor = 0;
  for (let t = first; t < disc.length; t++) annuityFactor += disc[t];
  return annuityFactor > 0 ? -npvValue / annuityFactor : null;
}

function minimumDscr(
  revenues: Float64Array,
  costs: Float64Array,
  interest: Float64Array,
  principal: Float64Array
): { min: number | null; firstYearBelowOne: number | null } {
  let min: number | null = null;
  let firstYearBelowOne: number | null = null;
  for (let t = 0; t < revenues.length; t++) {
    const debtService = interest[t] + principal[t];
    if (debtService <= 0) continue;
    const dscr = (revenues[t] - costs[t]) / debtService;
    if (min === null || dscr < min) min = dscr;
    if (dscr < 1 && firstYearBelowOne === null) firstYearBelowOne = t;
  }
  return { min, firstYearBelowOne };
}

/** sum CF_t (1 + r)^-t by Horner's rule, r in %. */
function presentValue(cashFlows: ArrayLike<number>, ratePct: number): number {
  return valueAt(cashFlows, ratePct / 100);
}

/** sum CF_t (1 + r)^-t by Horner's rule, r as a fraction. */
function valueAt(cashFlows: ArrayLike<number>, rate: number): number {
  const v = 1 / (1 + rate);
  let acc = 0;
  for (let t = cashFlows.length - 1; t >= 0; t--) acc = acc * v + cashFlows[t];
  return acc;
}

function signChanges(cashFlows: ArrayLike<number>): number {
  let changes = 0;
  let previous = 0;
  for (let t = 0; t < cashFlows.length; t++) {
    const sign = Math.sign(cashFlows[t]);
    if (sign === 0) continue;
    if (previous !== 0 && sign !== previous) changes++;
    previous = sign;
  }
  return changes;
}

/** Scans ln(1 + r) upward from just above -99 % for the first sign change of the NPV. */
function gridIrr(cashFlows: ArrayLike<number>): number | null {
  const uMin = Math.log(1 + IRR_MIN);
  const uMax = Math.log(1 + IRR_MAX);
  const steps = Math.ceil((uMax - uMin) / IRR_GRID_STEP);
  let previousRate = NaN;
  let previousValue = 0; // last non-zero value seen
  let firstZero = NaN; // first grid rate with NPV exactly 0 after previousRate
  for (let i = 1; i <= steps; i++) {
    const rate = i === steps ? IRR_MAX : Math.exp(uMin + i * IRR_GRID_STEP) - 1;
    const value = valueAt(cashFlows, rate);
    if (value === 0) {
      if (Number.isNaN(firstZero)) firstZero = rate;
      continue;
    }
    if (previousValue !== 0 && Math.sign(value) !== Math.sign(previousValue)) {
      return (
        (Number.isNaN(firstZero) ? bisect(cashFlows, previousRate, previousValue, rate) : firstZero) * 100
      );
    }
    previousRate = rate;
    previousValue = value;
    firstZero = NaN;
  }
  return null;
}

/** Bisects [lo, hi] (rates as fractions; NPV at lo is fLo, of the other sign at hi) to full precision. */
function bisect(cashFlows: ArrayLike<number>, lo: number, fLo: number, hi: number): number {
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (mid <= lo || mid >= hi) break; // no double between them: done
    const value = valueAt(cashFlows, mid);
    if (value === 0) return mid;
    if (Math.sign(value) === Math.sign(fLo)) {
      lo = mid;
      fLo = value;
    } else hi = mid;
  }
  return (lo + hi) / 2;
}

function cents(value: number): number {
  return round(value, 2);
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
