// A private, disposable PostgreSQL server for tests, benchmarks and migration diffs: a fresh
// cluster in a temporary folder on a port of its own, tuned for speed over durability
// (fsync off), gone when stopped. Uses the server binaries of the machine (Debian's
// postgresql package); set PG_BIN to their folder when they live elsewhere.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);

export type ThrowawayPostgres = {
  port: number;
  /** A connection URL for one database of the cluster (default: the `postgres` database). */
  url(database?: string): string;
  /** Creates a database, optionally as a copy of a template database. */
  createDatabase(name: string, template?: string): Promise<string>;
  stop(): Promise<void>;
};

/** The folder of the PostgreSQL server binaries: PG_BIN, or the newest Debian version. */
export function postgresBinDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(path.join(root, v, "bin", "initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions.length) {
    throw new Error(
      "No PostgreSQL server binaries found. Install them (Debian: apt-get install postgresql) or set PG_BIN to the folder holding initdb and postgres.",
    );
  }
  return path.join(root, versions[0], "bin");
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

// PostgreSQL refuses to run as root; as root we run its programs as the postgres user
// (directly through uid/gid, so signals reach the server itself and not a wrapper).
const asRoot = process.getuid?.() === 0;

async function waitUntilReady(url: string, child: ChildProcess, log: () => string, timeoutMs = 30_000) {
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`PostgreSQL stopped while starting:\n${log()}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      if (Date.now() - started > timeoutMs) throw new Error(`PostgreSQL did not start within ${timeoutMs} ms:\n${log()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export type ThrowawayOptions = {
  port?: number;
  /** Keep PostgreSQL's crash safety (fsync, synchronous commit): for fair benchmarks. */
  durable?: boolean;
};

export async function startThrowawayPostgres(options: ThrowawayOptions = {}): Promise<ThrowawayPostgres> {
  const bin = postgresBinDir();
  const port = options.port ?? (await freePort());
  const base = mkdtempSync(path.join(tmpdir(), "hb-postgres-"));
  const dataDir = path.join(base, "data");
  const socketDir = path.join(base, "socket");
  mkdirSync(dataDir);
  mkdirSync(socketDir);
  const ids = asRoot ? await userIds("postgres") : {};
  if (ids.uid !== undefined && ids.gid !== undefined) {
    for (const dir of [base, dataDir, socketDir]) chownSync(dir, ids.uid, ids.gid);
  }
  // C collation and UTF-8: the same ordering as SQLite, whatever the machine's locale.
  await run(
    path.join(bin, "initdb"),
    ["-D", dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"],
    { ...ids, cwd: base },
  );

  const child = spawn(path.join(bin, "postgres"), [
    "-D", dataDir,
    "-p", String(port),
    "-k", socketDir,
    "-c", "listen_addresses=127.0.0.1",
    ...(options.durable ? [] : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]),
    "-c", "max_connections=300",
    "-c", "shared_buffers=128MB",
  ], { ...ids, cwd: base, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);

  const url = (database = "postgres") => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  try {
    await waitUntilReady(url(), child, () => output);
  } catch (error) {
    child.kill("SIGKILL");
    rmSync(base, { recursive: true, force: true });
    throw error;
  }

  // Should the test process end without stop(), take the server down with it.
  const onExit = () => child.kill("SIGQUIT");
  process.once("exit", onExit);

  let stopped = false;
  return {
    port,
    url,
    async createDatabase(name, template) {
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      process.off("exit", onExit);
      // SIGINT is PostgreSQL's "fast shutdown": disconnect clients, stop at once.
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGINT");
        setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
      });
      rmSync(base, { recursive: true, force: true });
    },
  };
}

async function userIds(name: string): Promise<{ uid?: number; gid?: number }> {
  const [{ stdout: uid }, { stdout: gid }] = await Promise.all([run("id", ["-u", name]), run("id", ["-g", name])]);
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}

/** Drops a database, first ending any connection still open to it. */
export async function dropDatabase(adminUrl: string, name: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** The schema of a database as SQL (pg_dump --schema-only), for comparing two databases. */
export async function dumpSchema(url: string, excludeTables: string[] = []): Promise<string> {
  const args = ["--schema-only", "--no-owner", "--no-privileges", ...excludeTables.map((t) => `--exclude-table=${t}`), url];
  const { stdout } = await run(path.join(postgresBinDir(), "pg_dump"), args, { maxBuffer: 64 * 1024 * 1024 });
  // Drop comments, settings, and the random \\restrict tokens of each dump.
  return stdout
    .split("\n")
    .filter((line) => line.trim() && !line.startsWith("--") && !/^\\(un)?restrict /.test(line) && !line.startsWith("SET ") && !line.startsWith("SELECT pg_catalog"))
    .join("\n");
}
