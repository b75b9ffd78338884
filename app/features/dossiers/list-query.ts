// The dossier list's query (filters, search, sort, page), read from and written to the URL,
// so a filtered view can be bookmarked, shared and exported as it is. Pure module.
import { z } from "~/platform/validation";
import { PHASES } from "./phases";

export const SORT_KEYS = ["reference", "church", "municipality", "phase", "startDate", "targetDate"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const STATUSES = ["open", "closed"] as const;

const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const blankToUndefined = (v: unknown) => (v === "" ? undefined : v);

export const ListQuerySchema = z.object({
  q: z.preprocess(blankToUndefined, optional(z.string().trim().min(1).max(100))),
  phase: z.preprocess(blankToUndefined, optional(z.enum(PHASES))),
  status: z.preprocess(blankToUndefined, optional(z.enum(STATUSES))),
  province: z.preprocess(blankToUndefined, optional(z.string().max(60))),
  municipality: z.preprocess(blankToUndefined, optional(z.string().regex(/^\d{5}$/))),
  lead: z.preprocess(blankToUndefined, optional(z.string().max(40))),
  call: z.preprocess(blankToUndefined, optional(z.string().max(40))),
  year: z.preprocess(blankToUndefined, optional(z.coerce.number().int().min(1990).max(2100))),
  sort: z.preprocess(blankToUndefined, z.enum(SORT_KEYS).default("reference").catch("reference")),
  dir: z.preprocess(blankToUndefined, z.enum(["asc", "desc"]).default("desc").catch("desc")),
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).default(1).catch(1)),
});

export type ListQuery = z.infer<typeof ListQuerySchema>;

export function parseListQuery(searchParams: URLSearchParams): ListQuery {
  return ListQuerySchema.parse(Object.fromEntries(searchParams));
}

/** The query as URL parameters, without defaults, so URLs stay short. */
export function toSearchParams(query: Partial<ListQuery>, overrides: Partial<ListQuery> = {}): URLSearchParams {
  const merged = { ...query, ...overrides };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === null || value === "") continue;
    if (key === "page" && value === 1) continue;
    if (key === "sort" && value === "reference") continue;
    if (key === "dir" && value === "desc") continue;
    params.set(key, String(value));
  }
  return params;
}
