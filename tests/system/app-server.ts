// Runs the real built server (server.ts on BUILD_DIR) as a child process on a database of
// its own, for tests and benchmarks that need the whole stack: kill it, restart it, load it.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import pg from "pg";
import { freePort } from "../../scripts/db/throwaway-postgres";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export { freePort };

/** Builds the app into `buildDir` unless a build is already there. */
export function ensureBuild(buildDir: string) {
  if (existsSync(path.resolve(ROOT, buildDir, "server/index.js"))) return;
  const result = spawnSync("npx", ["remix", "vite:build"], { cwd: ROOT, env: { ...process.env, BUILD_DIR: buildDir }, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`build into ${buildDir} failed`);
}

/** A fresh database (a SQLite file path or any DATABASE_URL) with the reference and demo data. */
export function seedDatabase(fileOrUrl: string, { demo = true } = {}) {
  const url = /^(file:|postgres(ql)?:)/.test(fileOrUrl) ? fileOrUrl : `file:${fileOrUrl}`;
  if (url.startsWith("file:")) mkdirSync(path.dirname(url.slice("file:".length)), { recursive: true });
  const result = spawnSync(process.execPath, ["--import", "tsx", "tests/system/seed-db.ts"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url, SEED_DEMO: demo ? "true" : "false", LOG_LEVEL: "silent" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (result.status !== 0) throw new Error(`seeding ${fileOrUrl} failed`);
}

/**
 * A database of its own for a test server, with the same kind of content as `sourceUrl`:
 * on SQLite a consistent copy of the file into `dir`; on PostgreSQL a new database on the
 * same server (HB_PG_ADMIN_URL), migrated and seeded with the demo data.
 */
export async function databaseFor(sourceUrl: string, dir: string, name: string): Promise<string> {
  if (sourceUrl.startsWith("file:")) {
    const file = path.join(dir, "app.db");
    await copyDatabase(path.resolve(sourceUrl.slice("file:".length).split("?")[0]), file);
    return `file:${file}`;
  }
  const adminUrl = process.env.HB_PG_ADMIN_URL;
  if (!adminUrl) throw new Error("HB_PG_ADMIN_URL must name the PostgreSQL server's admin database");
  const database = `hb_${name.replace(/[^a-z0-9]/gi, "_")}_${process.pid}_${Date.now()}`.toLowerCase();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  seedDatabase(url.toString());
  return url.toString();
}

/** A consistent copy of a database that may be in use (SQLite's online backup). */
export async function copyDatabase(from: string, to: string) {
  mkdirSync(path.dirname(to), { recursive: true });
  const source = new Database(from, { fileMustExist: true, timeout: 10_000 });
  try {
    await source.backup(to);
  } finally {
    source.close();
  }
}

export type AppServer = {
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything the server wrote to stdout (JSON log lines) and stderr. */
  output: () => string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  /** Resolves once `text` appears in the output. */
  waitForOutput: (text: string, timeoutMs?: number) => Promise<void>;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
};

export type StartOptions = {
  /** A SQLite file, or use databaseUrl for any database. */
  databaseFile?: string;
  databaseUrl?: string;
  dataDir: string;
  buildDir?: string;
  port?: number;
  env?: Record<string, string>;
  timeoutMs?: number;
};

export const TEST_SESSION_SECRET = "system-test-session-secret-that-is-long-enough";

export async function startServer(options: StartOptions): Promise<AppServer> {
  const port = options.port ?? (await freePort());
  mkdirSync(options.dataDir, { recursive: true });
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: options.databaseUrl ?? `file:${options.databaseFile}`,
      DATA_DIR: options.dataDir,
      SESSION_SECRET: TEST_SESSION_SECRET,
      BUILD_DIR: options.buildDir ?? process.env.BUILD_DIR ?? "build",
      LOG_LEVEL: "info",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const waiters: { text: string; resolve: () => void }[] = [];
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const w of [...waiters]) {
      if (output.includes(w.text)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;

  const waitForOutput = (text: string, timeoutMs = 15_000) =>
    new Promise<void>((resolve, reject) => {
      if (output.includes(text)) return resolve();
      const timer = setTimeout(() => reject(new Error(`"${text}" did not appear; output:\n${output.slice(-2000)}`)), timeoutMs);
      waiters.push({ text, resolve: () => (clearTimeout(timer), resolve()) });
    });

  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  let ready = false;
  while (!ready) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output.slice(-2000)}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server did not become healthy:\n${output.slice(-2000)}`);
    }
    try {
      ready = (await fetch(`${url}/healthz`)).ok;
    } catch {
      // not listening yet
    }
    if (!ready) await new Promise((r) => setTimeout(r, 200));
  }

  return {
    url,
    port,
    child,
    output: () => output,
    exited,
    waitForOutput,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
