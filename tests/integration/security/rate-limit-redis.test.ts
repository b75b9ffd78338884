// The Redis rate-limit store against a real redis-server, started here on a free port of its
// own (no persistence, in a temp folder) and stopped afterwards. Two store instances hold two
// separate connections, as two app processes would.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { checkRateLimits, MemoryRateLimitStore, parseRateLimitConfig, rulesFrom } from "~/platform/security/rate-limit";
import { DatabaseRateLimitStore } from "~/platform/security/rate-limit-db.server";
import { RedisRateLimitStore, type RedisRateLimitStoreOptions } from "~/platform/security/rate-limit-redis.server";
import { createRateLimitStore } from "~/platform/security/rate-limit-store.server";

const REDIS_SERVER = process.env.HB_REDIS_SERVER ?? "redis-server";

/** Fails loudly instead of skipping: a machine without Redis must not report these tests green. */
function assertRedisServerInstalled() {
  const probe = spawnSync(REDIS_SERVER, ["--version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      `redis-server not found (tried "${REDIS_SERVER}"). Install it (Debian/Ubuntu: apt-get install -y redis-server; ` +
        `macOS: brew install redis) or set HB_REDIS_SERVER to the redis-server binary.`,
    );
  }
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** One PING over a plain socket: true when the server answers PONG. */
function pings(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.on("error", () => done(false));
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", (data) => done(data.toString().startsWith("+PONG")));
  });
}

// Every server this file starts, so none outlives it, even when a test hangs or times out.
const running = new Set<ChildProcess>();
process.once("exit", () => running.forEach((child) => child.kill("SIGKILL")));

class RedisServer {
  private process?: ChildProcess;
  private readonly dir = mkdtempSync(path.join(tmpdir(), "hb-redis-"));

  private constructor(readonly port: number) {}

  static async start(port?: number): Promise<RedisServer> {
    const server = new RedisServer(port ?? (await freePort()));
    await server.start();
    return server;
  }

  get url() {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start() {
    const args = ["--port", String(this.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"];
    const child = spawn(REDIS_SERVER, [...args, "--dir", this.dir, "--loglevel", "warning"], { stdio: ["ignore", "pipe", "pipe"] });
    this.process = child;
    running.add(child);
    child.once("exit", () => running.delete(child));
    let output = "";
    child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
    const deadline = Date.now() + 10_000;
    while (!(await pings(this.port))) {
      if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode}):\n${output}`);
      if (Date.now() > deadline) throw new Error(`redis-server did not answer PING on ${this.port} within 10 s:\n${output}`);
      await sleep(50);
    }
  }

  async stop() {
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGCONT"); // in case a test left it paused
    child.kill("SIGTERM");
    const killer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(killer);
  }

  /** Freezes the server: connections stay open but nothing is answered. */
  pause() {
    this.process?.kill("SIGSTOP");
  }

  resume() {
    this.process?.kill("SIGCONT");
  }

  async remove() {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

const quietLog = () => ({ warn: vi.fn(), info: vi.fn() });

let redis: RedisServer;
let raw: Redis;
const opened: { close(): Promise<void> }[] = [];
const servers: RedisServer[] = [];

/** A server of the test's own, for tests that stop or freeze it. */
async function ownRedisServer() {
  const server = await RedisServer.start();
  servers.push(server);
  return server;
}

function store(url: string, options: RedisRateLimitStoreOptions = {}) {
  const s = new RedisRateLimitStore(url, { log: quietLog(), ...options });
  opened.push(s);
  return s;
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

beforeAll(async () => {
  assertRedisServerInstalled();
  redis = await RedisServer.start();
  raw = new Redis(redis.url);
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

afterAll(async () => {
  raw?.disconnect();
  await Promise.all([redis, ...servers].filter(Boolean).map((server) => server.remove()));
});

describe("rate limits in Redis (shared between processes)", () => {
  it("two stores on two connections count one shared window, kept under a namespaced key", async () => {
    const a = store(redis.url);
    const b = store(redis.url);
    const before = Date.now();
    const first = await a.hit("login:10.0.0.1", 60_000);
    expect(first.count).toBe(1);
    expect(first.resetAt).toBeGreaterThanOrEqual(before + 59_000);
    expect(first.resetAt).toBeLessThanOrEqual(Date.now() + 60_000);
    expect((await b.hit("login:10.0.0.1", 60_000)).count).toBe(2);
    expect((await a.hit("login:10.0.0.1", 60_000)).count).toBe(3);
    expect(await raw.get("hb:rl:login:10.0.0.1")).toBe("3");
    const ttl = await raw.pttl("hb:rl:login:10.0.0.1");
    expect(ttl).toBeGreaterThan(55_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  it("starts a new window once the old one has expired", async () => {
    const a = store(redis.url);
    const b = store(redis.url);
    const first = await a.hit("api:10.0.0.2", 300);
    expect(first.count).toBe(1);
    expect((await b.hit("api:10.0.0.2", 300)).count).toBe(2);
    expect(first.resetAt - Date.now()).toBeLessThanOrEqual(300);
    await sleep(Math.max(0, first.resetAt - Date.now()) + 50);
    expect(await raw.exists("hb:rl:api:10.0.0.2")).toBe(0);
    const next = await b.hit("api:10.0.0.2", 300);
    expect(next.count).toBe(1);
    expect(next.resetAt).toBeGreaterThan(first.resetAt);
    expect((await a.hit("api:10.0.0.2", 300)).count).toBe(2);
  });

  it("gives 200 concurrent hits from two connections the counts 1..200, each once", async () => {
    const a = store(redis.url);
    const b = store(redis.url);
    const hits = await Promise.all(Array.from({ length: 200 }, (_, i) => (i % 2 ? a : b).hit("api:10.0.0.3", 60_000)));
    expect(hits.map((h) => h.count).sort((x, y) => x - y)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(await raw.get("hb:rl:api:10.0.0.3")).toBe("200");
  });

  it("keeps keys apart: other addresses, other rules, another namespace", async () => {
    const a = store(redis.url);
    const other = store(redis.url, { prefix: "other-app:rl:" });
    for (let i = 0; i < 5; i++) await a.hit("login:10.0.0.4", 60_000);
    expect((await a.hit("login:10.0.0.5", 60_000)).count).toBe(1);
    expect((await a.hit("api:10.0.0.4", 60_000)).count).toBe(1);
    expect((await other.hit("login:10.0.0.4", 60_000)).count).toBe(1);
    expect((await a.hit("login:10.0.0.4", 60_000)).count).toBe(6);
    expect(await raw.get("other-app:rl:login:10.0.0.4")).toBe("1");
  });

  it("refuses past the limit counted across both processes, with the seconds left", async () => {
    const a = store(redis.url);
    const b = store(redis.url);
    const rules = rulesFrom(parseRateLimitConfig({ RATE_LIMIT_LOGIN: "3" }));
    const login = { method: "POST", path: "/login", contentType: "application/x-www-form-urlencoded", clientId: "10.0.0.6" };
    expect((await checkRateLimits(a, rules, login)).ok).toBe(true);
    expect((await checkRateLimits(b, rules, login)).ok).toBe(true);
    expect((await checkRateLimits(a, rules, login)).ok).toBe(true);
    expect(await checkRateLimits(b, rules, login)).toEqual({ ok: false, rule: "login", limit: 3, retryAfterSeconds: 60 });
    expect((await checkRateLimits(a, rules, { ...login, clientId: "10.0.0.7" })).ok).toBe(true);
  });

  it("repairs a counter that lost its expiry instead of counting it forever", async () => {
    await raw.set("hb:rl:login:10.0.0.8", "41");
    const hit = await store(redis.url).hit("login:10.0.0.8", 60_000);
    expect(hit.count).toBe(42);
    expect(await raw.pttl("hb:rl:login:10.0.0.8")).toBeGreaterThan(55_000);
  });
});

describe("choosing the store from the configuration", () => {
  it("makes a Redis store when REDIS_URL is set, counting in that Redis", async () => {
    const config = parseRateLimitConfig({ REDIS_URL: redis.url, DATABASE_URL: "postgresql://app@db/hb" });
    expect(config.RATE_LIMIT_STORE).toBe("redis");
    const chosen = await createRateLimitStore(config);
    opened.push(chosen as RedisRateLimitStore);
    expect(chosen).toBeInstanceOf(RedisRateLimitStore);
    expect((await chosen.hit("api:10.0.0.9", 60_000)).count).toBe(1);
    expect(await raw.get("hb:rl:api:10.0.0.9")).toBe("1");
  });

  it("makes the database store for PostgreSQL and the memory store otherwise", async () => {
    expect(await createRateLimitStore(parseRateLimitConfig({ DATABASE_URL: "postgresql://app@db/hb" }))).toBeInstanceOf(
      DatabaseRateLimitStore,
    );
    expect(await createRateLimitStore(parseRateLimitConfig({ DATABASE_URL: "file:./data/app.db" }))).toBeInstanceOf(
      MemoryRateLimitStore,
    );
    await expect(createRateLimitStore({ RATE_LIMIT_STORE: "redis" })).rejects.toThrow("REDIS_URL");
  });
});

describe("when Redis is unreachable, requests neither hang nor get refused", () => {
  it("counts per process while the server is down, warns once, and shares again when it is back", async () => {
    const own = await ownRedisServer();
    const log = quietLog();
    const s = store(own.url, { log, commandTimeoutMs: 300, retryAfterMs: 200 });
    expect((await s.hit("login:10.1.0.1", 60_000)).count).toBe(1);
    await own.stop();

    const down = await timed(async () => {
      const counts: number[] = [];
      for (let i = 0; i < 5; i++) counts.push((await s.hit("login:10.1.0.1", 60_000)).count);
      return counts;
    });
    // Counted from scratch in this process's memory: nobody is locked out by the outage…
    expect(down.value).toEqual([1, 2, 3, 4, 5]);
    expect(down.ms).toBeLessThan(2_000);
    expect(log.warn).toHaveBeenCalledTimes(1);
    expect(log.warn.mock.calls[0]?.[1]).toMatch(/Redis unreachable/);
    // …and the limits still hold in this process.
    const rules = rulesFrom(parseRateLimitConfig({ RATE_LIMIT_LOGIN: "5" }));
    const login = { method: "POST", path: "/login", contentType: "", clientId: "10.1.0.1" };
    expect(await checkRateLimits(s, rules, login)).toMatchObject({ ok: false, rule: "login" });

    await own.start();
    const check = new Redis(own.url);
    try {
      // ioredis reconnects on its own (at most 2 s apart); hits then land in Redis again.
      const deadline = Date.now() + 8_000;
      while ((await check.exists("hb:rl:login:10.1.0.1")) === 0) {
        if (Date.now() > deadline) throw new Error("the store did not return to Redis after it came back");
        await s.hit("login:10.1.0.1", 60_000);
        await sleep(100);
      }
      expect(log.info).toHaveBeenCalledWith({}, expect.stringMatching(/reachable again/));
    } finally {
      check.disconnect();
    }
  });

  it("gives up on a server that stops answering after the command timeout, then skips it for a while", async () => {
    const own = await ownRedisServer();
    const log = quietLog();
    const s = store(own.url, { log, commandTimeoutMs: 300, retryAfterMs: 60_000 });
    expect((await s.hit("api:10.1.0.2", 60_000)).count).toBe(1);
    own.pause();
    const first = await timed(() => s.hit("api:10.1.0.2", 60_000));
    expect(first.value.count).toBe(1); // from memory
    expect(first.ms).toBeGreaterThanOrEqual(250);
    expect(first.ms).toBeLessThan(1_500);
    const next = await timed(() => s.hit("api:10.1.0.2", 60_000));
    expect(next.value.count).toBe(2);
    expect(next.ms).toBeLessThan(100);
    expect(log.warn).toHaveBeenCalledTimes(1);
    // Closing is bounded too, with the server still frozen.
    const closing = await timed(() => s.close());
    expect(closing.ms).toBeLessThan(1_000);
  });

  it("does not hold up requests when Redis is down from the start", async () => {
    const log = quietLog();
    const s = store(`redis://127.0.0.1:${await freePort()}`, { log, commandTimeoutMs: 300, connectTimeoutMs: 300 });
    const first = await timed(() => s.hit("login:10.1.0.3", 60_000));
    expect(first.value.count).toBe(1);
    expect(first.ms).toBeLessThan(1_500);
    expect(log.warn).toHaveBeenCalledTimes(1);
    const closing = await timed(() => s.close());
    expect(closing.ms).toBeLessThan(500);
  });
});
