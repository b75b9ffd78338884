// The one place that turns the rate-limit configuration into a store. The shared stores are
// imported only when chosen: a deployment without Redis never loads ioredis.
import { MemoryRateLimitStore, type RateLimitConfig, type RateLimitStore } from "./rate-limit";

export async function createRateLimitStore(
  config: Pick<RateLimitConfig, "RATE_LIMIT_STORE" | "REDIS_URL">,
): Promise<RateLimitStore> {
  switch (config.RATE_LIMIT_STORE) {
    case "memory":
      return new MemoryRateLimitStore();
    case "database": {
      const { DatabaseRateLimitStore } = await import("./rate-limit-db.server");
      return new DatabaseRateLimitStore();
    }
    case "redis": {
      // parseRateLimitConfig already refuses this; a config built by hand might not.
      if (!config.REDIS_URL) throw new Error("RATE_LIMIT_STORE=redis needs REDIS_URL");
      const { RedisRateLimitStore } = await import("./rate-limit-redis.server");
      return new RedisRateLimitStore(config.REDIS_URL);
    }
  }
}
