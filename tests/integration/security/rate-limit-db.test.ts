import { describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { checkRateLimits, parseRateLimitConfig, rulesFrom } from "~/platform/security/rate-limit";
import { DatabaseRateLimitStore } from "~/platform/security/rate-limit-db.server";

describe("rate limits in the database (shared between processes)", () => {
  it("counts per key and window like the memory store, and two stores share the count", async () => {
    let now = 1_800_000_000_000;
    const a = new DatabaseRateLimitStore(db, () => now);
    const b = new DatabaseRateLimitStore(db, () => now);
    expect(await a.hit("login:1.2.3.4", 60_000)).toEqual({ count: 1, resetAt: now + 60_000 });
    expect((await b.hit("login:1.2.3.4", 60_000)).count).toBe(2);
    expect((await a.hit("login:5.6.7.8", 60_000)).count).toBe(1);
    now += 60_000;
    expect(await b.hit("login:1.2.3.4", 60_000)).toEqual({ count: 1, resetAt: now + 60_000 });
    expect(await db.rateLimitBucket.count()).toBe(2);
  });

  it("keeps an exact count under concurrent hits and refuses past the limit", async () => {
    const store = new DatabaseRateLimitStore(db);
    const results = await Promise.all(Array.from({ length: 25 }, () => store.hit("api:9.9.9.9", 60_000)));
    expect(results.map((r) => r.count).sort((x, y) => x - y)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    const rules = rulesFrom(parseRateLimitConfig({ RATE_LIMIT_API: "25" }));
    const verdict = await checkRateLimits(store, rules, { method: "GET", path: "/api/x", contentType: "", clientId: "9.9.9.9" });
    expect(verdict).toMatchObject({ ok: false, rule: "api" });
  });
});
