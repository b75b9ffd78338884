import { db } from "~/platform/db.server";

let cache: { value: boolean; at: number } | undefined;

/** True when the database holds the demo seed, so every page can say the data is fictional. */
export async function isDemoInstance(): Promise<boolean> {
  const now = Date.now();
  if (cache && now - cache.at < 60_000) return cache.value;
  const value = (await db.user.count({ where: { isDemo: true } })) > 0;
  cache = { value, at: now };
  return value;
}
