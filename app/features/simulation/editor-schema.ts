/**
 * The simulation editor's form: browser form values (nested strings from conform) to the
 * engine's input schema, and stored inputs back to form values.
 *
 * The form submits text, so numbers are read here, accepting the Belgian decimal comma
 * ("3,2", "1.234,56") as well as a dot. Text that is not a number is passed on unchanged, so
 * the input schema answers with its own "enter a number" key on that field. The subsidy block
 * counts only when its checkbox `hasSubsidy` is ticked.
 */
import { z } from "zod";
import { simulationInputSchema, type SimulationInput } from "./schema";

type Raw = Record<string, unknown>;

/**
 * "1.234,56" -> 1234.56; "800.000" -> 800000 (dots grouping thousands); "3.2" -> 3.2;
 * "" -> undefined; other text unchanged.
 */
export function readNumber(value: unknown): unknown {
  if (typeof value !== "string") return value;
  let text = value.trim().replace(/[\s\u00a0€%]/g, "");
  if (text === "") return undefined;
  if (text.includes(",")) text = text.replace(/\./g, "").replace(",", ".");
  else if (/^[-+]?\d{1,3}(\.\d{3})+$/.test(text)) text = text.replace(/\./g, "");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(text)) return value;
  const n = Number(text);
  return Number.isFinite(n) ? n : value;
}

function readNullableNumber(value: unknown): unknown {
  const n = readNumber(value);
  return n === undefined ? null : n;
}

function readBoolean(value: unknown): boolean {
  return value === "on" || value === "true" || value === true;
}

function rows(value: unknown, read: (row: Raw) => Raw): unknown {
  if (value === undefined || value === null || value === "") return [];
  if (!Array.isArray(value)) return value;
  return value.map((row) => (row && typeof row === "object" ? read(row as Raw) : row));
}

function numbers(row: Raw, fields: string[]): Raw {
  const out: Raw = { ...row };
  for (const field of fields) out[field] = readNumber(row[field]);
  return out;
}

/** Form value (strings) to the raw input the schema expects. */
export function formToRaw(value: unknown): unknown {
  if (!value || typeof value !== "object") return value;
  const v = value as Raw;
  const subsidy = v.subsidy && typeof v.subsidy === "object" ? (v.subsidy as Raw) : {};
  return {
    startYear: readNumber(v.startYear),
    horizonYears: readNumber(v.horizonYears),
    discountRatePct: readNumber(v.discountRatePct),
    vatRecoverable: readBoolean(v.vatRecoverable),
    equity: readNumber(v.equity),
    residualValue: readNumber(v.residualValue),
    subsidy: readBoolean(v.hasSubsidy)
      ? {
          label: subsidy.label,
          ratePct: readNumber(subsidy.ratePct),
          baseUpliftPct: readNumber(subsidy.baseUpliftPct),
          delayYears: readNumber(subsidy.delayYears),
          cap: readNullableNumber(subsidy.cap),
        }
      : null,
    investments: rows(v.investments, (r) => ({
      ...numbers(r, ["amount", "vatPct", "yearOffset"]),
      subsidyEligible: readBoolean(r.subsidyEligible),
    })),
    grants: rows(v.grants, (r) => numbers(r, ["amount", "yearOffset"])),
    loans: rows(v.loans, (r) => numbers(r, ["principal", "ratePct", "termYears", "yearOffset"])),
    revenues: rows(v.revenues, (r) => ({
      ...numbers(r, ["amount", "indexationPct", "occupancyPct", "fromYear"]),
      untilYear: readNullableNumber(r.untilYear),
    })),
    operatingCosts: rows(v.operatingCosts, (r) => ({
      ...numbers(r, ["amount", "indexationPct", "fromYear"]),
      untilYear: readNullableNumber(r.untilYear),
    })),
  };
}

/** Parse the editor's form value with the engine's schema (use with disableAutoCoercion). */
export const editorSchema = z.preprocess(formToRaw, simulationInputSchema);

/** A number as the form shows it: Belgian decimal comma, no thousands separator. */
export function numberText(value: number | null | undefined): string {
  if (value === null || value === undefined) return "";
  return String(value).replace(".", ",");
}

export type EditorFormValue = Record<string, unknown>;

/** Stored inputs to the form's default value. */
export function inputToForm(input: SimulationInput): EditorFormValue {
  const s = input.subsidy ?? null;
  return {
    startYear: numberText(input.startYear),
    horizonYears: numberText(input.horizonYears),
    discountRatePct: numberText(input.discountRatePct),
    vatRecoverable: input.vatRecoverable ? "on" : undefined,
    equity: numberText(input.equity),
    residualValue: numberText(input.residualValue),
    hasSubsidy: s ? "on" : undefined,
    subsidy: s
      ? {
          label: s.label,
          ratePct: numberText(s.ratePct),
          baseUpliftPct: numberText(s.baseUpliftPct),
          delayYears: numberText(s.delayYears),
          cap: numberText(s.cap),
        }
      : NEW_SUBSIDY,
    investments: input.investments.map((r) => ({
      label: r.label,
      category: r.category,
      amount: numberText(r.amount),
      vatPct: String(r.vatPct),
      yearOffset: numberText(r.yearOffset),
      subsidyEligible: r.subsidyEligible ? "on" : undefined,
    })),
    grants: input.grants.map((r) => ({ label: r.label, amount: numberText(r.amount), yearOffset: numberText(r.yearOffset) })),
    loans: input.loans.map((r) => ({
      label: r.label,
      principal: numberText(r.principal),
      ratePct: numberText(r.ratePct),
      termYears: numberText(r.termYears),
      type: r.type,
      yearOffset: numberText(r.yearOffset),
    })),
    revenues: input.revenues.map((r) => ({
      label: r.label,
      category: r.category,
      amount: numberText(r.amount),
      indexationPct: numberText(r.indexationPct),
      occupancyPct: numberText(r.occupancyPct),
      fromYear: numberText(r.fromYear),
      untilYear: numberText(r.untilYear),
    })),
    operatingCosts: input.operatingCosts.map((r) => ({
      label: r.label,
      category: r.category,
      amount: numberText(r.amount),
      indexationPct: numberText(r.indexationPct),
      fromYear: numberText(r.fromYear),
      untilYear: numberText(r.untilYear),
    })),
  };
}

const NEW_SUBSIDY = { label: "", ratePct: "", baseUpliftPct: "0", delayYears: "0", cap: "" };

/** Default values of a new row in each list (what "add a row" inserts). */
export const NEW_ROWS = {
  investments: { label: "", category: "OTHER", amount: "", vatPct: "21", yearOffset: "0" },
  grants: { label: "", amount: "", yearOffset: "0" },
  loans: { label: "", principal: "", ratePct: "", termYears: "", type: "ANNUITY", yearOffset: "0" },
  revenues: { label: "", category: "RENT", amount: "", indexationPct: "0", occupancyPct: "100", fromYear: "1", untilYear: "" },
  operatingCosts: { label: "", category: "MAINTENANCE", amount: "", indexationPct: "0", fromYear: "1", untilYear: "" },
} as const;

/** The inputs of a scenario's very first draft: valid, empty lists, this year as t = 0. */
export function emptyInput(startYear: number): SimulationInput {
  return simulationInputSchema.parse({ startYear });
}
