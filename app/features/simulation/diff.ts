/**
 * What changed between two versions' inputs, and how the key figures moved. Pure, so the
 * comparison page, the review feature and tests share it.
 *
 * Rows are paired by label first (the same label, in order), then what is left by position:
 * a row moved up or down is not reported as a change, a row whose label changed is.
 */
import type { SimulationResult } from "./engine";
import type { SimulationInput } from "./schema";

export const ROW_LISTS = ["investments", "grants", "loans", "revenues", "operatingCosts"] as const;
export type RowList = (typeof ROW_LISTS)[number];

export const SCALAR_FIELDS = [
  "startYear",
  "horizonYears",
  "discountRatePct",
  "vatRecoverable",
  "equity",
  "residualValue",
] as const;

export interface FieldChange {
  kind: "changed";
  path: string;
  /** Field key below simulation.field., e.g. `investments.amount`. */
  field: string;
  list?: RowList | "subsidy";
  rowLabel?: string;
  before: unknown;
  after: unknown;
}

export interface RowChange {
  kind: "added" | "removed";
  path: string;
  list: RowList | "subsidy";
  rowLabel: string;
  row: Record<string, unknown>;
}

export type InputChange = FieldChange | RowChange;

type Row = Record<string, unknown>;

export function diffInputs(before: SimulationInput, after: SimulationInput): InputChange[] {
  const changes: InputChange[] = [];
  for (const field of SCALAR_FIELDS) {
    if (!same(before[field], after[field])) {
      changes.push({ kind: "changed", path: field, field, before: before[field], after: after[field] });
    }
  }
  const sb = before.subsidy ?? null;
  const sa = after.subsidy ?? null;
  if (sb && !sa) changes.push({ kind: "removed", path: "subsidy", list: "subsidy", rowLabel: sb.label, row: sb });
  else if (!sb && sa) changes.push({ kind: "added", path: "subsidy", list: "subsidy", rowLabel: sa.label, row: sa });
  else if (sb && sa) changes.push(...diffRow("subsidy", "subsidy", sb, sa));

  for (const list of ROW_LISTS) {
    const a = before[list] as Row[];
    const b = after[list] as Row[];
    const pairs = pairRows(a, b);
    for (const [i, j] of pairs.matched) changes.push(...diffRow(list, `${list}[${j}]`, a[i], b[j]));
    for (const i of pairs.removed) {
      changes.push({ kind: "removed", path: `${list}[${i}]`, list, rowLabel: String(a[i].label), row: a[i] });
    }
    for (const j of pairs.added) {
      changes.push({ kind: "added", path: `${list}[${j}]`, list, rowLabel: String(b[j].label), row: b[j] });
    }
  }
  return changes;
}

function diffRow(list: RowList | "subsidy", path: string, a: Row, b: Row): InputChange[] {
  const out: InputChange[] = [];
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  for (const key of keys) {
    if (same(a[key], b[key])) continue;
    out.push({
      kind: "changed",
      path: `${path}.${key}`,
      field: `${list}.${key}`,
      list,
      rowLabel: String(b.label ?? a.label),
      before: a[key] ?? null,
      after: b[key] ?? null,
    });
  }
  return out;
}

/** Pairs rows by equal label (first unused, in order), then the rest by position. */
export function pairRows(a: Row[], b: Row[]): { matched: [number, number][]; removed: number[]; added: number[] } {
  const usedB = new Set<number>();
  const pairOfA = new Map<number, number>();
  a.forEach((row, i) => {
    const j = b.findIndex((other, k) => !usedB.has(k) && other.label === row.label);
    if (j >= 0) {
      usedB.add(j);
      pairOfA.set(i, j);
    }
  });
  const restA = a.map((_, i) => i).filter((i) => !pairOfA.has(i));
  const restB = b.map((_, j) => j).filter((j) => !usedB.has(j));
  const n = Math.min(restA.length, restB.length);
  for (let k = 0; k < n; k++) pairOfA.set(restA[k], restB[k]);
  const matched = [...pairOfA.entries()].sort((x, y) => x[1] - y[1]);
  return { matched, removed: restA.slice(n), added: restB.slice(n) };
}

function same(x: unknown, y: unknown): boolean {
  return (x ?? null) === (y ?? null);
}

export const METRIC_KEYS = ["npv", "irrPct", "paybackYear", "fundingGap", "breakEvenExtraRevenue", "minDscr"] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

export interface MetricChange {
  key: MetricKey;
  before: number | null;
  after: number | null;
  /** after - before; null when either is missing. */
  delta: number | null;
}

/** The key figures of a result, funding gap included (it lives among the totals). */
export function keyFigures(result: SimulationResult): Record<MetricKey, number | null> {
  return { ...result.metrics, fundingGap: result.totals.fundingGap };
}

export function diffMetrics(before: SimulationResult, after: SimulationResult): MetricChange[] {
  const a = keyFigures(before);
  const b = keyFigures(after);
  return METRIC_KEYS.map((key) => ({
    key,
    before: a[key],
    after: b[key],
    delta: a[key] === null || b[key] === null ? null : (b[key] as number) - (a[key] as number),
  }));
}
