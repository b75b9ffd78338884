// PostgreSQL only: two connection pools in one process, as two app instances have. On SQLite
// two pools in ONE process would wait on each other's write lock while blocking the event
// loop the other needs, which is why SQLite deployments run one app process (docs/deploy.md).
import { describe, expect, it } from "vitest";
import { createClient, db } from "~/platform/db.server";
import { DatabaseRateLimitStore } from "~/platform/security/rate-limit-db.server";

describe("rate limits in PostgreSQL, shared by several instances", () => {
  it("two processes' connection pools starting the same new window at once still count exactly", async () => {
    // Two clients = two pools, as two app instances have; on PostgreSQL their transactions
    // truly run side by side, so this fails without the per-key lock.
    const other = createClient(process.env.DATABASE_URL!);
    try {
      const stores = [new DatabaseRateLimitStore(db), new DatabaseRateLimitStore(other)];
      const results = await Promise.all(Array.from({ length: 40 }, (_, i) => stores[i % 2].hit("login:7.7.7.7", 60_000)));
      expect(results.map((r) => r.count).sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    } finally {
      await other.$disconnect();
    }
  });
});
