// The one Prisma client of the process. SQLite runs in WAL mode (readers never block the
// writer) with a busy timeout (concurrent writers wait instead of failing).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { PrismaClient } from "~/generated/prisma-sqlite/client";
import { sqliteFilePath } from "./database-url";
import { getEnv } from "./env.server";

export type Db = PrismaClient;
export type { Prisma } from "~/generated/prisma-sqlite/client";

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

export function createClient(url: string): PrismaClient {
  const file = sqliteFilePath(url);
  enableWal(file);
  // better-sqlite3's `timeout` is SQLite's busy timeout; it enforces foreign keys by default.
  const adapter = new PrismaBetterSqlite3({ url: file, timeout: BUSY_TIMEOUT_MS });
  return new PrismaClient({ adapter });
}

const globalForDb = globalThis as unknown as { __db?: PrismaClient };

export const db: PrismaClient = (globalForDb.__db ??= createClient(getEnv().DATABASE_URL));

export async function disconnectDb() {
  await db.$disconnect();
}
