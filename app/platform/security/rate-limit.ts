// Rate limits per client address, by fixed window. The counting lives behind RateLimitStore
// so a shared store (the RateLimitBucket table, Redis) can replace the in-memory one when
// the app runs as several processes. Which store runs is decided in rate-limit-store.server.ts.
import { z } from "zod";

export type RateLimitHit = { count: number; resetAt: number };

export interface RateLimitStore {
  /** Counts one hit for `key` in its current window and returns the count so far. */
  hit(key: string, windowMs: number): Promise<RateLimitHit>;
  /** Lets go of connections the store holds (Redis), at shutdown. */
  close?(): Promise<void>;
}

/** One process's counters. Expired windows are swept now and then, so memory stays small. */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly buckets = new Map<string, RateLimitHit>();
  private lastSweep = 0;

  constructor(private readonly now: () => number = Date.now) {}

  async hit(key: string, windowMs: number): Promise<RateLimitHit> {
    const now = this.now();
    this.sweep(now);
    const current = this.buckets.get(key);
    if (!current || current.resetAt <= now) {
      const fresh = { count: 1, resetAt: now + windowMs };
      this.buckets.set(key, fresh);
      return { ...fresh };
    }
    current.count += 1;
    return { ...current };
  }

  get size() {
    return this.buckets.size;
  }

  private sweep(now: number) {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [key, bucket] of this.buckets) if (bucket.resetAt <= now) this.buckets.delete(key);
  }
}

export type RateLimitRule = {
  name: "login" | "password" | "upload" | "api";
  limit: number;
  windowMs: number;
  /** Plain data about the request, so rules stay testable without a server. */
  matches(req: { method: string; path: string; contentType: string }): boolean;
};

const positive = z.coerce.number().int().min(1).max(1_000_000);
const booleanish = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

export const RATE_LIMIT_STORES = ["memory", "database", "redis"] as const;
export type RateLimitStoreKind = (typeof RATE_LIMIT_STORES)[number];

/**
 * The store when RATE_LIMIT_STORE is not set: a shared one whenever the deployment has one,
 * because several app instances then count together. Redis if configured (made for this);
 * else PostgreSQL, which several instances share (SQLite is one machine, one process).
 */
export function defaultRateLimitStore(env: { REDIS_URL?: string; DATABASE_URL?: string }): RateLimitStoreKind {
  if (env.REDIS_URL) return "redis";
  if (env.DATABASE_URL?.startsWith("postgres")) return "database";
  return "memory";
}

function isRedisUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "redis:" || url.protocol === "rediss:") && url.hostname !== "";
  } catch {
    return false;
  }
}
const redisUrl = z.string().refine(isRedisUrl, "must be a redis:// or rediss:// URL (e.g. redis://localhost:6379/0)");

/** The limits, from the environment (per minute unless RATE_LIMIT_WINDOW_SECONDS says otherwise). */
export const RateLimitConfigSchema = z
  .object({
    RATE_LIMIT_OFF: booleanish.default(false),
    /**
     * memory: this process only; database: shared by every process on the database
     * (RateLimitBucket); redis: shared through REDIS_URL. Unset: see defaultRateLimitStore.
     */
    RATE_LIMIT_STORE: z.enum(RATE_LIMIT_STORES).optional(),
    REDIS_URL: redisUrl.optional(),
    /** Read only to choose the default store; not kept in the config (it may hold a password). */
    DATABASE_URL: z.string().optional(),
    RATE_LIMIT_WINDOW_SECONDS: positive.default(60),
    RATE_LIMIT_LOGIN: positive.default(20),
    RATE_LIMIT_PASSWORD: positive.default(10),
    RATE_LIMIT_UPLOAD: positive.default(30),
    RATE_LIMIT_API: positive.default(600),
  })
  .transform(({ DATABASE_URL, RATE_LIMIT_STORE, ...config }, ctx) => {
    const store = RATE_LIMIT_STORE ?? defaultRateLimitStore({ REDIS_URL: config.REDIS_URL, DATABASE_URL });
    if (store === "redis" && !config.REDIS_URL) {
      ctx.addIssue({ code: "custom", path: ["REDIS_URL"], message: "is required when RATE_LIMIT_STORE=redis" });
      return z.NEVER;
    }
    return { ...config, RATE_LIMIT_STORE: store };
  });
export type RateLimitConfig = z.infer<typeof RateLimitConfigSchema>;

export function parseRateLimitConfig(source: Record<string, string | undefined>): RateLimitConfig {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  return RateLimitConfigSchema.parse(cleaned);
}

const isPost = (method: string) => method.toUpperCase() === "POST";
// Remix's single fetch posts to "/login.data" when JavaScript runs; count it as "/login".
const routePath = (path: string) => path.replace(/\.data$/, "").replace(/\/+$/, "") || "/";

export function rulesFrom(config: RateLimitConfig): RateLimitRule[] {
  if (config.RATE_LIMIT_OFF) return [];
  const windowMs = config.RATE_LIMIT_WINDOW_SECONDS * 1000;
  return [
    { name: "login", limit: config.RATE_LIMIT_LOGIN, windowMs, matches: (r) => isPost(r.method) && routePath(r.path) === "/login" },
    {
      name: "password",
      limit: config.RATE_LIMIT_PASSWORD,
      windowMs,
      matches: (r) => isPost(r.method) && routePath(r.path).startsWith("/wachtwoord"),
    },
    {
      name: "upload",
      limit: config.RATE_LIMIT_UPLOAD,
      windowMs,
      matches: (r) => r.method.toUpperCase() !== "GET" && /^multipart\/form-data/i.test(r.contentType),
    },
    { name: "api", limit: config.RATE_LIMIT_API, windowMs, matches: (r) => r.path === "/api" || r.path.startsWith("/api/") },
  ];
}

export type RateLimitVerdict =
  | { ok: true }
  | { ok: false; rule: RateLimitRule["name"]; retryAfterSeconds: number; limit: number };

/** Counts the request against every rule it falls under; the first one exceeded refuses it. */
export async function checkRateLimits(
  store: RateLimitStore,
  rules: readonly RateLimitRule[],
  req: { method: string; path: string; contentType: string; clientId: string },
  now: number = Date.now(),
): Promise<RateLimitVerdict> {
  for (const rule of rules) {
    if (!rule.matches(req)) continue;
    const { count, resetAt } = await store.hit(`${rule.name}:${req.clientId}`, rule.windowMs);
    if (count > rule.limit) {
      return { ok: false, rule: rule.name, limit: rule.limit, retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now) / 1000)) };
    }
  }
  return { ok: true };
}
