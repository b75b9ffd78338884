// Runs before each test file: gives it a fresh copy of the template database and a fresh
// Prisma client pointed at it (a copied file on SQLite, a database made from the template
// on PostgreSQL).
import { copyFileSync } from "node:fs";
import path from "node:path";
import { afterAll } from "vitest";
import { createDatabaseFromTemplate, dropDatabase, testDatabase } from "./test-database";

const TMP_DIR = process.env.HB_TEST_TMP ?? path.resolve("tests/.tmp");
const id = `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
const adminUrl = process.env.HB_PG_ADMIN_URL;
const pgName = `hb_test_${id.replace(/-/g, "_")}`;

if (testDatabase() === "postgresql") {
  if (!adminUrl) throw new Error("HB_PG_ADMIN_URL is not set: run the tests through vitest's global setup");
  process.env.DATABASE_URL = await createDatabaseFromTemplate(adminUrl, pgName);
} else {
  const file = path.join(TMP_DIR, `db-${id}.db`);
  copyFileSync(path.join(TMP_DIR, "template.db"), file);
  process.env.DATABASE_URL = `file:${file}`;
}
process.env.NODE_ENV = "test";
process.env.SESSION_SECRET = "test-session-secret-that-is-long-enough-000";
process.env.DATA_DIR = path.join(TMP_DIR, `data-${id}`);
process.env.LOG_LEVEL = "silent";

const globals = globalThis as { __db?: { $disconnect(): Promise<void> } };
globals.__db = undefined;

afterAll(async () => {
  await globals.__db?.$disconnect();
  globals.__db = undefined;
  if (testDatabase() === "postgresql" && adminUrl) await dropDatabase(adminUrl, pgName);
});
