import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import {
  checkRateLimits,
  MemoryRateLimitStore,
  parseRateLimitConfig,
  rulesFrom,
} from "~/platform/security/rate-limit";

/** The one-line messages a bad configuration produces, as server.ts prints them. */
function configErrors(env: Record<string, string>): string[] {
  try {
    parseRateLimitConfig(env);
  } catch (error) {
    if (error instanceof ZodError) return error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw error;
  }
  throw new Error(`no error for ${JSON.stringify(env)}`);
}

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

const login = { method: "POST", path: "/login", contentType: "application/x-www-form-urlencoded" };

describe("rate limits", () => {
  it("counts per key within a window and starts again after it", async () => {
    const c = clock();
    const store = new MemoryRateLimitStore(c.now);
    expect(await store.hit("a", 60_000)).toEqual({ count: 1, resetAt: c.now() + 60_000 });
    expect((await store.hit("a", 60_000)).count).toBe(2);
    expect((await store.hit("b", 60_000)).count).toBe(1);
    c.advance(60_000);
    expect((await store.hit("a", 60_000)).count).toBe(1);
  });

  it("forgets expired windows, so memory does not grow with every address ever seen", async () => {
    const c = clock();
    const store = new MemoryRateLimitStore(c.now);
    for (let i = 0; i < 100; i++) await store.hit(`ip-${i}`, 1_000);
    c.advance(120_000);
    await store.hit("fresh", 1_000);
    expect(store.size).toBe(1);
  });

  it("refuses the request after the limit with the seconds until the window ends", async () => {
    const c = clock();
    const store = new MemoryRateLimitStore(c.now);
    const rules = rulesFrom(parseRateLimitConfig({ RATE_LIMIT_LOGIN: "3" }));
    for (let i = 0; i < 3; i++) expect((await checkRateLimits(store, rules, { ...login, clientId: "1.2.3.4" }, c.now())).ok).toBe(true);
    c.advance(15_500);
    expect(await checkRateLimits(store, rules, { ...login, clientId: "1.2.3.4" }, c.now())).toEqual({
      ok: false,
      rule: "login",
      limit: 3,
      retryAfterSeconds: 45,
    });
    // Another address is not affected.
    expect((await checkRateLimits(store, rules, { ...login, clientId: "5.6.7.8" }, c.now())).ok).toBe(true);
    c.advance(44_500);
    expect((await checkRateLimits(store, rules, { ...login, clientId: "1.2.3.4" }, c.now())).ok).toBe(true);
  });

  it("covers login (also as single-fetch .data), password links, uploads and the API, and nothing else", () => {
    const rules = rulesFrom(parseRateLimitConfig({}));
    const match = (req: { method: string; path: string; contentType?: string }) =>
      rules.filter((r) => r.matches({ contentType: "", ...req })).map((r) => r.name);
    expect(match({ method: "POST", path: "/login" })).toEqual(["login"]);
    expect(match({ method: "POST", path: "/login.data" })).toEqual(["login"]);
    expect(match({ method: "GET", path: "/login" })).toEqual([]);
    expect(match({ method: "POST", path: "/wachtwoord/abc" })).toEqual(["password"]);
    expect(match({ method: "POST", path: "/dossiers/x/documenten", contentType: "multipart/form-data; boundary=x" })).toEqual(["upload"]);
    expect(match({ method: "GET", path: "/api/cases.geojson" })).toEqual(["api"]);
    expect(match({ method: "GET", path: "/apiary" })).toEqual([]);
    expect(match({ method: "POST", path: "/dossiers/x" })).toEqual([]);
  });

  it("reads its limits from the environment, checked, with defaults; can be switched off for benchmarks", () => {
    const config = parseRateLimitConfig({ RATE_LIMIT_API: "1000", RATE_LIMIT_LOGIN: "" });
    expect(config).toMatchObject({ RATE_LIMIT_API: 1000, RATE_LIMIT_LOGIN: 20, RATE_LIMIT_PASSWORD: 10, RATE_LIMIT_UPLOAD: 30, RATE_LIMIT_OFF: false, RATE_LIMIT_STORE: "memory" });
    expect(() => parseRateLimitConfig({ RATE_LIMIT_LOGIN: "many" })).toThrow();
    expect(() => parseRateLimitConfig({ RATE_LIMIT_LOGIN: "0" })).toThrow();
    expect(rulesFrom(parseRateLimitConfig({ RATE_LIMIT_OFF: "true" }))).toEqual([]);
  });

  it("shares the counts by default whenever the deployment has something to share them in", () => {
    const store = (env: Record<string, string>) => parseRateLimitConfig(env).RATE_LIMIT_STORE;
    expect(store({})).toBe("memory");
    expect(store({ DATABASE_URL: "file:./data/herbestemming.db" })).toBe("memory");
    // Several instances share one PostgreSQL, so they count there.
    expect(store({ DATABASE_URL: "postgresql://app:pw@db:5432/herbestemming" })).toBe("database");
    expect(store({ DATABASE_URL: "postgres://app@db/herbestemming" })).toBe("database");
    // Redis wins over the database when both are there.
    expect(store({ REDIS_URL: "redis://cache:6379/0", DATABASE_URL: "postgresql://app@db/hb" })).toBe("redis");
    expect(store({ REDIS_URL: "rediss://user:pw@cache.example:6380" })).toBe("redis");
    // An explicit choice is kept, and an empty REDIS_URL counts as unset.
    expect(store({ RATE_LIMIT_STORE: "memory", REDIS_URL: "redis://cache:6379" })).toBe("memory");
    expect(store({ RATE_LIMIT_STORE: "database", REDIS_URL: "" })).toBe("database");
    expect(store({ REDIS_URL: "", DATABASE_URL: "file:x.db" })).toBe("memory");
  });

  it("keeps the Redis address for the store but never the database address", () => {
    const config = parseRateLimitConfig({ REDIS_URL: "redis://cache:6379/2", DATABASE_URL: "postgresql://app:secret@db/hb" });
    expect(config.REDIS_URL).toBe("redis://cache:6379/2");
    expect(JSON.stringify(config)).not.toContain("secret");
  });

  it("names the variable when the Redis configuration is wrong", () => {
    expect(configErrors({ RATE_LIMIT_STORE: "redis" })).toEqual(["REDIS_URL: is required when RATE_LIMIT_STORE=redis"]);
    for (const url of ["http://cache:6379", "cache:6379", "redis://", "not a url"]) {
      expect(configErrors({ REDIS_URL: url })).toEqual([expect.stringMatching(/^REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/)]);
    }
    expect(configErrors({ RATE_LIMIT_STORE: "memcached" })[0]).toMatch(/^RATE_LIMIT_STORE: /);
  });
});
