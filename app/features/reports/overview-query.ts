// The ?jaar= (and ?tabel=) of the annual overview and its downloads; a missing or bad year
// falls back to the current one. Pure.
import { z } from "zod";

export const OVERVIEW_TABLE_NAMES = ["guided", "started", "completed", "published", "perProvince", "perFunction"] as const;

export function overviewQuery(url: URL, now = new Date()) {
  const schema = z.object({
    jaar: z.coerce.number().int().min(1900).max(2200).catch(now.getUTCFullYear()).default(now.getUTCFullYear()),
    tabel: z.enum(OVERVIEW_TABLE_NAMES).catch("guided").default("guided"),
  });
  return schema.parse(Object.fromEntries(url.searchParams));
}
