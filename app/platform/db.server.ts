// The one Prisma client of the process, for the database DATABASE_URL names: the embedded
// SQLite file (default) or PostgreSQL (several app instances; docs/deploy.md). Both clients
// are generated from the same models (prisma/models.prisma), so they take the same queries;
// the code is typed against the SQLite one and stays within what both databases do. Where
// they differ, a helper here hides it (textContains).
//
// SQLite runs in WAL mode (readers never block the writer) with a busy timeout (concurrent
// writers wait instead of failing).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import Database from "better-sqlite3";
import { PrismaClient as PostgresClient } from "~/generated/prisma-postgresql/client";
import { PrismaClient } from "~/generated/prisma-sqlite/client";
import { providerOf, sqliteFilePath, type Provider } from "./database-url";
import { getEnv } from "./env.server";

export type Db = PrismaClient;
import type { Prisma } from "~/generated/prisma-sqlite/client";
export type { Prisma };

const BUSY_TIMEOUT_MS = 5_000;

/**
 * WAL is a property of the database file, so it is set once through a short-lived
 * connection before Prisma opens its own (the adapter offers no per-connection hook).
 */
export function enableWal(file: string) {
  if (file === ":memory:") return;
  mkdirSync(path.dirname(file), { recursive: true });
  const conn = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  try {
    conn.pragma("journal_mode = WAL");
  } finally {
    conn.close();
  }
}

export function createClient(url: string, options: { poolSize?: number } = {}): PrismaClient {
  if (providerOf(url) === "postgresql") {
    const adapter = new PrismaPg({ connectionString: url, max: options.poolSize ?? getEnv().DATABASE_POOL_SIZE });
    // Same models, same query API: only the generated types differ in provider-only extras.
    return new PostgresClient({ adapter }) as unknown as PrismaClient;
  }
  const file = sqliteFilePath(url);
  enableWal(file);
  // better-sqlite3's `timeout` is SQLite's busy timeout; it enforces foreign keys by default.
  const adapter = new PrismaBetterSqlite3({ url: file, timeout: BUSY_TIMEOUT_MS });
  return new PrismaClient({ adapter });
}

const globalForDb = globalThis as unknown as { __db?: PrismaClient };

export const db: PrismaClient = (globalForDb.__db ??= createClient(getEnv().DATABASE_URL));

/** The database this process runs on. */
export function dbProvider(): Provider {
  return providerOf(getEnv().DATABASE_URL);
}

/**
 * A filter for "the text contains this term, whatever the case". SQLite's LIKE already
 * ignores the case of ASCII letters; PostgreSQL needs ILIKE, which Prisma calls
 * `mode: "insensitive"` (absent from the SQLite client's types, hence the cast).
 */
export function textContains(term: string): { contains: string } {
  return dbProvider() === "postgresql" ? ({ contains: term, mode: "insensitive" } as { contains: string }) : { contains: term };
}

/**
 * Makes transactions that name the same key run one after the other, until each ends.
 * PostgreSQL runs transactions side by side, so "read the last number, write the next"
 * needs a lock: a transaction-scoped advisory lock, released by commit or rollback.
 * SQLite needs none: it runs one writing transaction at a time.
 */
export async function lockKey(tx: Prisma.TransactionClient, key: string): Promise<void> {
  if (dbProvider() !== "postgresql") return;
  await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock(hashtext($1))", key);
}

export async function disconnectDb() {
  await db.$disconnect();
}
