// The call form: one zod schema for the browser (conform) and the server.
import { z } from "~/platform/validation";

export const CallFormSchema = z
  .object({
    number: z.number({ error: (i) => (i.input === undefined ? "error.required" : "error.invalidNumber") })
      .int({ error: "calls.error.number" })
      .min(1, { error: "calls.error.number" })
      .max(9999, { error: "calls.error.number" }),
    title: z.string().trim().min(1).max(160),
    opensOn: z.date(),
    closesOn: z.date(),
    description: z.string().trim().max(4000).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.closesOn.getTime() <= value.opensOn.getTime()) {
      ctx.addIssue({ code: "custom", path: ["closesOn"], message: "calls.error.closeBeforeOpen" });
    }
  });

export type CallFormValue = z.infer<typeof CallFormSchema>;

export type CallStatus = "upcoming" | "open" | "closed";

/** Open from the opening day through the closing day (dates are stored as UTC midnight). */
export function callStatus(call: { opensOn: Date | string; closesOn: Date | string }, today: Date = new Date()): CallStatus {
  const day = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  if (day < new Date(call.opensOn).getTime()) return "upcoming";
  if (day > new Date(call.closesOn).getTime()) return "closed";
  return "open";
}
