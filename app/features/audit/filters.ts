// The audit viewer's filter: parsed from the query string with zod (bad values get a
// message per field), and turned into a period in Brussels time. Pure.
import { z } from "~/platform/validation";
import { AUDIT_ACTIONS } from "./actions";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

const dateText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine((v) => v === undefined || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))), {
    message: "error.invalidDate",
  });

export const AuditFilterSchema = z
  .object({
    user: optionalText(64),
    entityType: optionalText(64),
    action: z.enum(AUDIT_ACTIONS).optional(),
    from: dateText,
    to: dateText,
    page: z.coerce.number().int().min(1).max(100_000).optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], message: "audit.error.periodOrder" });

export type AuditFilter = z.infer<typeof AuditFilterSchema>;

/** The UTC instant at which a Brussels calendar day starts ("2026-03-29" -> 2026-03-28T23:00Z). */
export function brusselsDayStart(day: string): Date {
  const [y, m, d] = day.split("-").map(Number);
  const utcMidnight = Date.UTC(y, m - 1, d);
  // Brussels is UTC+1 or UTC+2; read the offset that applies on that day.
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/Brussels",
    hour: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(utcMidnight));
  const hour = Number(parts.find((p) => p.type === "hour")?.value ?? 0);
  return new Date(utcMidnight - hour * 60 * 60 * 1000);
}

/** [from, to) in UTC for the filter's period: "to" includes the whole day. */
export function periodOf(filter: Partial<Pick<AuditFilter, "from" | "to">>): { gte?: Date; lt?: Date } {
  const period: { gte?: Date; lt?: Date } = {};
  if (filter.from) period.gte = brusselsDayStart(filter.from);
  if (filter.to) {
    const next = new Date(Date.parse(`${filter.to}T00:00:00Z`) + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    period.lt = brusselsDayStart(next);
  }
  return period;
}

/** The filter as query-string pairs (for paging links and the CSV link), without empties. */
export function filterQuery(filter: Partial<AuditFilter>, overrides: { page?: number } = {}): string {
  const params = new URLSearchParams();
  for (const key of ["user", "entityType", "action", "from", "to"] as const) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  const page = overrides.page ?? filter.page;
  if (page && page > 1) params.set("page", String(page));
  return params.toString();
}
