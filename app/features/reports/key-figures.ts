/**
 * Which simulation version stands for a scenario in the report, and its key figures.
 *
 * Pure (no Prisma, no I/O): the caller hands over the scenario's versions as stored. The
 * report uses the latest APPROVED or SUBMITTED version (what the municipality saw); when a
 * scenario has none, its latest DRAFT, and failing that its latest version of any status.
 * The chosen version's status travels along, so the report can say which basis it used.
 */
import { simulate } from "~/features/simulation/engine";
import { parseSimulationInput } from "~/features/simulation/schema";

export type VersionStatus = "DRAFT" | "SUBMITTED" | "APPROVED" | "CHANGES_REQUESTED" | "SUPERSEDED";

export type StoredVersion = {
  id: string;
  number: number;
  status: VersionStatus;
  inputs: string;
  contentHash: string | null;
};

export type KeyFigures = {
  npv: number;
  irrPct: number | null;
  paybackYear: number | null;
  fundingGap: number;
  breakEvenExtraRevenue: number | null;
  minDscr: number | null;
};

export type CashFlowPoint = { year: number; net: number; cumulative: number };

export type ScenarioFigures = {
  version: { id: string; number: number; status: VersionStatus; contentHash: string | null };
  figures: KeyFigures;
  cashFlow: CashFlowPoint[];
} | null;

function rank(status: VersionStatus): number {
  if (status === "APPROVED" || status === "SUBMITTED") return 0;
  if (status === "DRAFT") return 1;
  return 2;
}

/** The version the report computes with: best status group first, then the highest number. */
export function pickReportVersion<T extends Pick<StoredVersion, "number" | "status">>(versions: readonly T[]): T | null {
  let best: T | null = null;
  for (const v of versions) {
    if (!best || rank(v.status) < rank(best.status) || (rank(v.status) === rank(best.status) && v.number > best.number)) {
      best = v;
    }
  }
  return best;
}

/** The latest APPROVED version, or null: the one a final report can rest on. */
export function latestApproved<T extends Pick<StoredVersion, "number" | "status">>(versions: readonly T[]): T | null {
  return versions.filter((v) => v.status === "APPROVED").reduce<T | null>((a, v) => (!a || v.number > a.number ? v : a), null);
}

/** Key figures and the yearly cash flow of one scenario; null when it has no usable version. */
export function scenarioFigures(versions: readonly StoredVersion[]): ScenarioFigures {
  const version = pickReportVersion(versions);
  if (!version) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(version.inputs);
  } catch {
    return null;
  }
  const parsed = parseSimulationInput(raw);
  if (!parsed.success) return null;
  const result = simulate(parsed.data);
  return {
    version: { id: version.id, number: version.number, status: version.status, contentHash: version.contentHash },
    figures: {
      npv: result.metrics.npv,
      irrPct: result.metrics.irrPct,
      paybackYear: result.metrics.paybackYear,
      fundingGap: result.totals.fundingGap,
      breakEvenExtraRevenue: result.metrics.breakEvenExtraRevenue,
      minDscr: result.metrics.minDscr,
    },
    cashFlow: result.years.map((y) => ({ year: y.year, net: y.netCashFlow, cumulative: y.cumulativeNetCashFlow })),
  };
}
