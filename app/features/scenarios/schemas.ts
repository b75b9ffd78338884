// Scenario form: name, description, new function category and the programme (areas per
// function). Shared by the conform form and the action; messages are keys.
import { readNumber } from "~/features/simulation/editor-schema";
import { z } from "~/platform/validation";

import { FUNCTION_CATEGORIES, type FunctionCategory } from "./function-categories";

export { FUNCTION_CATEGORIES, type FunctionCategory };

export const MAX_PROGRAMME_ROWS = 30;

const text = (value: unknown) => (typeof value === "string" ? value.trim() : value);
const optionalText = (value: unknown) => {
  const t = text(value);
  return t === "" || t === undefined ? null : t;
};

export const ProgrammeRowSchema = z.object({
  function: z.preprocess(text, z.string({ error: "error.required" }).min(1).max(120)),
  areaM2: z.preprocess(
    readNumber,
    z
      .number({ error: (i) => (i.input === undefined ? "error.required" : "error.invalidNumber") })
      .positive({ error: "scenarios.error.areaPositive" })
      .max(1_000_000, { error: "scenarios.error.areaTooLarge" }),
  ),
});
export type ProgrammeRow = z.output<typeof ProgrammeRowSchema>;

export const ProgrammeSchema = z.array(ProgrammeRowSchema).max(MAX_PROGRAMME_ROWS, { error: "scenarios.error.tooManyRows" });

export const ScenarioSchema = z.object({
  name: z.preprocess(text, z.string({ error: "error.required" }).min(1).max(120)),
  description: z.preprocess(optionalText, z.string().max(4000).nullable()),
  functionCategory: z.enum(FUNCTION_CATEGORIES, { error: "error.invalidChoice" }),
  programme: z.preprocess((v) => (v === undefined || v === "" ? [] : v), ProgrammeSchema),
});
export type ScenarioInput = z.output<typeof ScenarioSchema>;

/** The edit form also names the version it started from (optimistic locking). */
export const ScenarioEditSchema = ScenarioSchema.extend({
  version: z.preprocess(readNumber, z.number().int().min(1)),
});

/** Stored programme JSON, read defensively: rows that do not validate are dropped. */
export function readProgramme(json: string): ProgrammeRow[] {
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return value.flatMap((row) => {
      const parsed = ProgrammeRowSchema.safeParse(row);
      return parsed.success ? [parsed.data] : [];
    });
  } catch {
    return [];
  }
}
