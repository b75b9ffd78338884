// Runs before each test file: gives it a fresh copy of the template database and a fresh
// Prisma client pointed at it.
import { copyFileSync } from "node:fs";
import path from "node:path";
import { afterAll } from "vitest";

const TMP_DIR = process.env.HB_TEST_TMP ?? path.resolve("tests/.tmp");
const file = path.join(TMP_DIR, `db-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}.db`);
copyFileSync(path.join(TMP_DIR, "template.db"), file);

process.env.NODE_ENV = "test";
process.env.DATABASE_URL = `file:${file}`;
process.env.SESSION_SECRET = "test-session-secret-that-is-long-enough-000";
process.env.DATA_DIR = path.join(TMP_DIR, `data-${path.basename(file, ".db")}`);
process.env.LOG_LEVEL = "silent";

const globals = globalThis as { __db?: { $disconnect(): Promise<void> } };
globals.__db = undefined;

afterAll(async () => {
  await globals.__db?.$disconnect();
  globals.__db = undefined;
});
