// Runs once before all test files: builds a migrated template database holding the
// reference data. Each test file then works on its own copy (per-worker.ts), so tests
// never see each other's rows and need no cleanup.
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";

export default async function setup() {
  // One folder per run, so two runs at once (two developers, or a watch and a full run)
  // never delete each other's databases. Workers find it through HB_TEST_TMP.
  const TMP_DIR = path.resolve("tests/.tmp", `run-${process.pid}`);
  const TEMPLATE_DB = path.join(TMP_DIR, "template.db");
  process.env.HB_TEST_TMP = TMP_DIR;
  rmSync(TMP_DIR, { recursive: true, force: true });
  mkdirSync(TMP_DIR, { recursive: true });
  process.env.NODE_ENV = "test";
  process.env.DATABASE_URL = `file:${TEMPLATE_DB}`;
  process.env.SESSION_SECRET ??= "test-session-secret-that-is-long-enough-000";
  const { migrate } = await import("../../scripts/db/migrate");
  await migrate(`file:${TEMPLATE_DB}`);
  const { createClient } = await import("../../app/platform/db.server");
  const { upsertMunicipalities } = await import("../../prisma/seed/municipalities");
  const client = createClient(`file:${TEMPLATE_DB}`);
  await upsertMunicipalities(client);
  // Fold the WAL into the main file so a plain file copy is a complete database.
  await client.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  await client.$disconnect();
  (globalThis as { __db?: unknown }).__db = undefined;
  return () => rmSync(TMP_DIR, { recursive: true, force: true });
}
