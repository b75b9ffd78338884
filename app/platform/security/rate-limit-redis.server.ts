// Rate-limit counters in Redis, shared by every app process that points at the same REDIS_URL.
// One round trip per hit: a Lua script runs INCR and (for a new key) PEXPIRE atomically on the
// server, so concurrent hits from any number of processes get distinct counts, and the key
// expiring IS the window ending (fixed window, no clean-up job).
//
// When Redis is unreachable the store does not refuse requests and does not make them wait:
// it counts in this process's memory until Redis answers again, and logs one warning per
// outage. A Redis hiccup then neither locks everyone out (failing closed) nor drops the limits
// altogether (failing fully open): each process still enforces them on its own, so while
// the outage lasts an address gets up to (number of processes × limit) per window.
import { Redis } from "ioredis";
import { z } from "zod";
import { logger } from "../logger.server";
import { MemoryRateLimitStore, type RateLimitHit, type RateLimitStore } from "./rate-limit";

// KEYS[1]: the counter; ARGV[1]: window in ms. Returns { count, ms until the window ends }.
// A counter without expiry gets the window: a new one (INCR made it), and also one left
// without expiry by hand, which would otherwise count forever and lock its address out.
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return { count, ttl }
`;

const HitReply = z.tuple([z.number().int().min(1), z.number().int().min(0)]);

type ScriptedRedis = Redis & { hbRateLimitHit(key: string, windowMs: number): Promise<unknown> };

export type RedisRateLimitStoreOptions = {
  /** Namespace for the counters, so they never collide with other data in the same Redis. */
  prefix?: string;
  /** Longest one attempt to connect to Redis may take before it is given up (and retried). */
  connectTimeoutMs?: number;
  /** Longest a request may wait for Redis to answer one hit. */
  commandTimeoutMs?: number;
  /** After a failed or slow hit, count in memory this long before trying Redis again. */
  retryAfterMs?: number;
  now?: () => number;
  log?: { warn(obj: object, msg: string): void; info(obj: object, msg: string): void };
};

export class RedisRateLimitStore implements RateLimitStore {
  private readonly client: ScriptedRedis;
  private readonly fallback: MemoryRateLimitStore;
  private readonly prefix: string;
  private readonly retryAfterMs: number;
  private readonly now: () => number;
  private readonly log: NonNullable<RedisRateLimitStoreOptions["log"]>;
  private everReady = false;
  private closed = false;
  private outage = false;
  private skipRedisUntil = 0;

  constructor(url: string, options: RedisRateLimitStoreOptions = {}) {
    this.prefix = options.prefix ?? "hb:rl:";
    this.retryAfterMs = options.retryAfterMs ?? 5_000;
    this.now = options.now ?? Date.now;
    this.log = options.log ?? logger;
    this.fallback = new MemoryRateLimitStore(this.now);
    this.client = new Redis(url, {
      connectionName: "herbestemming-rate-limit",
      connectTimeout: options.connectTimeoutMs ?? 2_000,
      commandTimeout: options.commandTimeoutMs ?? 500,
      // A hit is only worth one attempt: it is answered from memory rather than retried.
      maxRetriesPerRequest: 1,
      // Reconnect for as long as the process lives, at most 2 s apart.
      retryStrategy: (times) => Math.min(times * 100, 2_000),
    }) as ScriptedRedis;
    this.client.defineCommand("hbRateLimitHit", { numberOfKeys: 1, lua: HIT_SCRIPT });
    this.client.on("ready", () => {
      this.everReady = true;
      this.skipRedisUntil = 0;
      this.reportRecovery();
    });
    // A server that shuts down cleanly closes the connection without an error.
    this.client.on("reconnecting", () => this.reportOutage("connection lost"));
    // Without a listener ioredis prints every failed reconnect attempt to the console.
    this.client.on("error", (error: Error) => this.reportOutage(error));
  }

  async hit(key: string, windowMs: number): Promise<RateLimitHit> {
    const now = this.now();
    // Known to be down: answer at once. Before the first connection, commands wait in
    // ioredis's queue (at most commandTimeoutMs), so a request at start-up is still shared.
    const down = this.closed || now < this.skipRedisUntil || (this.everReady && this.client.status !== "ready");
    if (down) return this.fallback.hit(key, windowMs);
    try {
      const window = Math.max(1, Math.ceil(windowMs));
      const [count, ttl] = HitReply.parse(await this.client.hbRateLimitHit(this.prefix + key, window));
      this.reportRecovery();
      // From the reply's arrival, not the request's: on a slow round trip (or the first, which
      // waits for the connection) the window then ends at or just after Redis's expiry,
      // so Retry-After never sends a client back too early.
      return { count, resetAt: this.now() + ttl };
    } catch (error) {
      this.skipRedisUntil = this.now() + this.retryAfterMs;
      this.reportOutage(error);
      return this.fallback.hit(key, windowMs);
    }
  }

  /** Closes the connection; hits after this are counted in memory. */
  async close(): Promise<void> {
    this.closed = true;
    // QUIT lets Redis finish what it was sent; a connection that is not up is just dropped.
    if (this.client.status === "ready") {
      try {
        await this.client.quit();
        return;
      } catch {
        // Fall through: the connection went away while quitting.
      }
    }
    this.client.disconnect();
  }

  private reportOutage(error: unknown) {
    if (this.outage || this.closed) return;
    this.outage = true;
    this.log.warn({ err: error }, "Redis unreachable: rate limits are counted per process until it is back");
  }

  private reportRecovery() {
    if (!this.outage) return;
    this.outage = false;
    this.log.info({}, "Redis reachable again: rate limits are shared again");
  }
}
