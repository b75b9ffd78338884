/**
 * Input schema of the financial simulation (contract: docs/simulation.md).
 *
 * Every error message is a message key from ./messages.ts, never prose, so the UI can show it
 * in the user's language. Error texts need no parameters (ranges are spelled out in the
 * text); issues still carry `params` (min, max, ...) for callers that want them.
 */
import { z } from "zod";

export const INVESTMENT_CATEGORIES = [
  "RESTORATION",
  "RENOVATION",
  "NEW_BUILD",
  "INSTALLATIONS",
  "FIT_OUT",
  "FEES",
  "CONTINGENCY",
  "OTHER",
] as const;
export const REVENUE_CATEGORIES = ["RENT", "EVENTS", "CONCESSION", "PARKING", "OTHER"] as const;
export const OPERATING_COST_CATEGORIES = [
  "MAINTENANCE",
  "ENERGY",
  "INSURANCE",
  "MANAGEMENT",
  "TAXES",
  "OTHER",
] as const;
export const LOAN_TYPES = ["ANNUITY", "LINEAR"] as const;
export const VAT_RATES = [0, 6, 21] as const;

export const MAX_HORIZON_YEARS = 60;
/** Upper bound for any amount: far above any church project, keeps sums finite and exact. */
export const MAX_AMOUNT = 100_000_000_000;
/** Rows per list: keeps a recalculation fast and the form usable. */
export const MAX_ROWS = 100;

const E = "simulation.error.";

/** Error for a wrong type: "required" when the field is missing, else the given key. */
function typeError(key: string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined || issue.input === null ? `${E}required` : `${E}${key}`;
}

/** True when the number, as written in JSON or a form, has at most 2 decimals. */
function hasAtMostTwoDecimals(value: number): boolean {
  // String() gives the shortest text that reads back as the same number, i.e. what was typed.
  const text = String(Math.abs(value));
  if (text.includes("e")) return false; // 1e-7 and the like; large values fail the max check
  const dot = text.indexOf(".");
  return dot < 0 || text.length - dot - 1 <= 2;
}

/** An amount in euro: >= 0, at most 2 decimals, below MAX_AMOUNT. */
const money = () =>
  z
    .number({ error: typeError("notANumber") })
    .min(0, { error: `${E}amountNegative` })
    .max(MAX_AMOUNT, { error: `${E}amountTooLarge` })
    .refine(hasAtMostTwoDecimals, { error: `${E}tooManyDecimals` });

/** A whole number in [min, max]; the range error key names the range in its text. */
const int = (min: number, max: number, rangeKey: string) =>
  z
    .number({ error: typeError("notANumber") })
    .int({ error: `${E}notAnInteger` })
    .min(min, { error: `${E}${rangeKey}` })
    .max(max, { error: `${E}${rangeKey}` });

/** A percentage in [min, max]. */
const pct = (min: number, max: number, rangeKey: string) =>
  z
    .number({ error: typeError("notANumber") })
    .min(min, { error: `${E}${rangeKey}` })
    .max(max, { error: `${E}${rangeKey}` });

/** A year index t (0 = startYear); year offsets are checked against horizonYears in checkYears. */
const yearIndex = (rangeKey: string) => int(0, MAX_HORIZON_YEARS - 1, rangeKey);
const yearOffset = () => yearIndex("yearOffsetOutsideHorizon").default(0);

const label = () =>
  z
    .string({ error: typeError("labelRequired") })
    .trim()
    .min(1, { error: `${E}labelRequired` })
    .max(200, { error: `${E}labelTooLong` });

const rows = <T extends z.ZodType>(row: T) =>
  z
    .array(row, { error: typeError("notAList") })
    .max(MAX_ROWS, { error: `${E}tooManyRows` })
    .default([]);

const investmentSchema = z.object({
  label: label(),
  category: z.enum(INVESTMENT_CATEGORIES, { error: typeError("invalidCategory") }),
  amount: money(),
  vatPct: z.literal(VAT_RATES, { error: `${E}invalidVatPct` }).default(21),
  yearOffset: yearOffset(),
  subsidyEligible: z.boolean({ error: `${E}notABoolean` }).default(false),
});

const subsidySchema = z.object({
  label: label(),
  ratePct: pct(0, 100, "percentRange"),
  baseUpliftPct: pct(0, 100, "percentRange").default(0),
  // A delay may run past the horizon: that is a warning (not received), not an error.
  delayYears: int(0, MAX_HORIZON_YEARS, "delayRange").default(0),
  cap: money().nullable().default(null),
});

const grantSchema = z.object({
  label: label(),
  amount: money(),
  yearOffset: yearOffset(),
});

const loanSchema = z.object({
  label: label(),
  principal: money(),
  ratePct: pct(0, 100, "percentRange"),
  termYears: z
    .number({
      error: (issue) =>
        issue.input === undefined || issue.input === null ? `${E}loanTermRequired` : `${E}notANumber`,
    })
    .int({ error: `${E}notAnInteger` })
    .min(1, { error: `${E}loanTermRange` })
    .max(100, { error: `${E}loanTermRange` }),
  type: z.enum(LOAN_TYPES, { error: `${E}invalidLoanType` }).default("ANNUITY"),
  yearOffset: yearOffset(),
});

const revenueSchema = z.object({
  label: label(),
  category: z.enum(REVENUE_CATEGORIES, { error: typeError("invalidCategory") }),
  amount: money(),
  indexationPct: pct(-99, 100, "indexationRange").default(0),
  occupancyPct: pct(0, 100, "percentRange").default(100),
  fromYear: yearIndex("yearRange").default(1),
  untilYear: yearIndex("yearRange").nullable().default(null),
});

const operatingCostSchema = z.object({
  label: label(),
  category: z.enum(OPERATING_COST_CATEGORIES, { error: typeError("invalidCategory") }),
  amount: money(),
  indexationPct: pct(-99, 100, "indexationRange").default(0),
  fromYear: yearIndex("yearRange").default(1),
  untilYear: yearIndex("yearRange").nullable().default(null),
});

const baseSchema = z.object(
  {
    startYear: int(1900, 2200, "startYearRange"),
    horizonYears: int(1, MAX_HORIZON_YEARS, "horizonRange").default(30),
    discountRatePct: pct(0, 100, "percentRange").default(4),
    vatRecoverable: z.boolean({ error: `${E}notABoolean` }).default(false),
    equity: money().default(0),
    investments: rows(investmentSchema),
    subsidy: subsidySchema.nullable().optional(),
    grants: rows(grantSchema),
    loans: rows(loanSchema),
    revenues: rows(revenueSchema),
    operatingCosts: rows(operatingCostSchema),
    residualValue: money().default(0),
  },
  { error: `${E}invalidInput` }
);

type Ctx = { addIssue: (issue: z.core.$ZodSuperRefineIssue) => void };

/** Cross-field checks: year offsets must fall within the horizon, fromYear <= untilYear. */
function checkYears(input: Record<string, unknown>, ctx: Ctx): void {
  const horizon = input.horizonYears;
  // Without a valid horizon its own error is shown; the years cannot be judged against it.
  const lastYear =
    typeof horizon === "number" && Number.isInteger(horizon) && horizon >= 1 && horizon <= MAX_HORIZON_YEARS
      ? horizon - 1
      : undefined;
  // Only values that pass their own range check: the others already have an error.
  const outside = (value: unknown) =>
    lastYear !== undefined &&
    typeof value === "number" &&
    Number.isInteger(value) &&
    value > lastYear &&
    value < MAX_HORIZON_YEARS;

  for (const list of ["investments", "grants", "loans"] as const) {
    const items = input[list];
    if (!Array.isArray(items)) continue;
    items.forEach((item: unknown, i) => {
      if (!isRecord(item) || !outside(item.yearOffset)) return;
      ctx.addIssue({
        code: "custom",
        message: `${E}yearOffsetOutsideHorizon`,
        path: [list, i, "yearOffset"],
        params: { min: 0, max: lastYear! },
      });
    });
  }
  for (const list of ["revenues", "operatingCosts"] as const) {
    const items = input[list];
    if (!Array.isArray(items)) continue;
    items.forEach((item: unknown, i) => {
      if (!isRecord(item)) return;
      // Not checked against the horizon: a window is cut at the last year (the engine warns
      // when nothing is left), so a shorter horizon or the default fromYear 1 with a one-year
      // horizon does not make the input invalid.
      const from = item.fromYear === undefined ? 1 : item.fromYear;
      if (typeof from === "number" && typeof item.untilYear === "number" && from > item.untilYear) {
        ctx.addIssue({ code: "custom", message: `${E}fromAfterUntil`, path: [list, i, "untilYear"] });
      }
    });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The input schema. The cross-field check also runs when single fields are wrong (so the user
 * sees all problems at once); it reads the raw values defensively.
 */
export const simulationInputSchema = baseSchema.superRefine(
  (input, ctx) => checkYears(input as unknown as Record<string, unknown>, ctx),
  { when: (payload) => isRecord(payload.value) }
);

/** Input as validated, with every default applied: what the engine takes. */
export type SimulationInput = z.output<typeof simulationInputSchema>;
/** Input as written (JSON, form): optional fields may be left out. */
export type SimulationInputRaw = z.input<typeof simulationInputSchema>;
export type InvestmentLine = SimulationInput["investments"][number];
export type LoanLine = SimulationInput["loans"][number];
export type RevenueLine = SimulationInput["revenues"][number];
export type OperatingCostLine = SimulationInput["operatingCosts"][number];

export interface SimulationIssue {
  /** Dot path, e.g. `investments.0.amount`; "" for the input as a whole. */
  path: string;
  /** Message key, e.g. `simulation.error.amountNegative`. */
  key: string;
  params?: Record<string, string | number>;
}

export type ParseResult =
  | { success: true; data: SimulationInput }
  | { success: false; issues: SimulationIssue[] };

export function parseSimulationInput(json: unknown): ParseResult {
  const result = simulationInputSchema.safeParse(json);
  if (result.success) return { success: true, data: result.data };
  return { success: false, issues: result.error.issues.map(toIssue) };
}

function toIssue(issue: z.core.$ZodIssue): SimulationIssue {
  // Every schema error above is a key; anything else (should not happen) gets a generic key.
  const key = issue.message.startsWith("simulation.") ? issue.message : `${E}invalidValue`;
  const out: SimulationIssue = { path: issue.path.map(String).join("."), key };
  const params: Record<string, string | number> = {};
  if (issue.code === "too_small") params.min = Number(issue.minimum);
  if (issue.code === "too_big") params.max = Number(issue.maximum);
  if (issue.code === "custom" && issue.params) {
    for (const [name, value] of Object.entries(issue.params)) {
      if (typeof value === "string" || typeof value === "number") params[name] = value;
    }
  }
  if (Object.keys(params).length > 0) out.params = params;
  return out;
}

/** `investments.0.amount` -> `investments[0].amount` (conform's field names). */
export function toConformName(path: string): string {
  return path.replace(/\.(\d+)(?=\.|$)/g, "[$1]");
}

/** `investments[0].amount` -> `investments.0.amount`. */
export function fromConformName(name: string): string {
  return name.replace(/\[(\d+)\]/g, ".$1");
}

/** Label key of a field: `investments.0.amount` -> `simulation.field.investments.amount`. */
export function fieldLabelKey(path: string): string {
  return `simulation.field.${path
    .split(".")
    .filter((part) => !/^\d+$/.test(part))
    .join(".")}`;
}
