// Rate-limit counters in the database (RateLimitBucket), for when the app runs as several
// processes that must share one count per address. Opt in with RATE_LIMIT_STORE=database;
// the in-memory store is faster and enough for one process.
import { db as defaultDb, lockKey, type Db } from "../db.server";
import type { RateLimitHit, RateLimitStore } from "./rate-limit";

const PRUNE_EVERY = 1_000;
const PRUNE_OLDER_THAN_MS = 24 * 60 * 60 * 1000;

export class DatabaseRateLimitStore implements RateLimitStore {
  private hits = 0;

  constructor(
    private readonly db: Db = defaultDb,
    private readonly now: () => number = Date.now,
  ) {}

  async hit(key: string, windowMs: number): Promise<RateLimitHit> {
    const now = this.now();
    if (++this.hits % PRUNE_EVERY === 0) {
      await this.db.rateLimitBucket.deleteMany({ where: { windowStart: { lt: new Date(now - PRUNE_OLDER_THAN_MS) } } });
    }
    // Read and write in one transaction, under a lock per key, so two processes never both
    // start a new window or count from the same old value.
    return this.db.$transaction(async (tx) => {
      await lockKey(tx, `rate-limit:${key}`);
      const bucket = await tx.rateLimitBucket.findUnique({ where: { key } });
      if (!bucket || bucket.windowStart.getTime() + windowMs <= now) {
        const windowStart = new Date(now);
        await tx.rateLimitBucket.upsert({ where: { key }, create: { key, windowStart, count: 1 }, update: { windowStart, count: 1 } });
        return { count: 1, resetAt: now + windowMs };
      }
      const updated = await tx.rateLimitBucket.update({ where: { key }, data: { count: { increment: 1 } } });
      return { count: updated.count, resetAt: bucket.windowStart.getTime() + windowMs };
    });
  }
}
