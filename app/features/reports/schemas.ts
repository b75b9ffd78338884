// Forms of the report tab: the final report itself and a decision (besluit). Shared by the
// form (conform) and the action; messages are keys.
import { z } from "~/platform/validation";

export const DECISION_BODIES = ["MUNICIPAL_COUNCIL", "COLLEGE", "CHURCH_COUNCIL", "DIOCESE", "OTHER"] as const;
export const DECISION_OUTCOMES = ["PROCEED", "SHELVE", "OTHER"] as const;

export const MAX_TEXT = 20_000;

const optionalId = z
  .string()
  .trim()
  .max(64)
  .optional()
  .transform((v) => (v ? v : null));

export const ReportSchema = z.object({
  intent: z.literal("saveReport"),
  conclusions: z.string().max(MAX_TEXT).optional().transform((v) => v?.trim() ?? ""),
  recommendation: z.string().max(MAX_TEXT).optional().transform((v) => v?.trim() ?? ""),
  preferredScenarioId: optionalId,
  documentId: optionalId,
  /** The report's version the edit started from; 0 when there was no report yet. */
  version: z.coerce.number().int().min(0),
});

export type ReportInput = Omit<z.output<typeof ReportSchema>, "intent">;

export const DecisionSchema = z.object({
  intent: z.literal("addDecision"),
  body: z.enum(DECISION_BODIES),
  date: z
    .string({ error: "error.required" })
    .trim()
    .min(1, { error: "error.required" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "error.invalidDate" })
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), { error: "error.invalidDate" })
    // Not in the future: a decision is recorded once it has been taken.
    .refine((v) => Date.parse(`${v}T00:00:00Z`) <= Date.now(), { error: "reports.error.decisionInFuture" }),
  outcome: z.enum(DECISION_OUTCOMES),
  note: z
    .string()
    .max(2000)
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : null)),
  documentId: optionalId,
});

export type DecisionInput = Omit<z.output<typeof DecisionSchema>, "intent">;
