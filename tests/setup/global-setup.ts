// Runs once before all test files: builds a migrated template database holding the
// reference data. Each test file then works on its own copy (per-worker.ts), so tests
// never see each other's rows and need no cleanup. SQLite by default; PostgreSQL with
// HB_TEST_DB=postgresql (see test-database.ts).
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { PG_TEMPLATE, databaseUrl, testDatabase } from "./test-database";

async function buildTemplate(url: string) {
  const { migrate } = await import("../../scripts/db/migrate");
  await migrate(url);
  const { createClient } = await import("../../app/platform/db.server");
  const { upsertMunicipalities } = await import("../../prisma/seed/municipalities");
  const client = createClient(url);
  await upsertMunicipalities(client);
  // SQLite: fold the WAL into the main file so a plain file copy is a complete database.
  if (url.startsWith("file:")) await client.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  await client.$disconnect();
  (globalThis as { __db?: unknown }).__db = undefined;
}

export default async function setup() {
  // One folder per run, so two runs at once (two developers, or a watch and a full run)
  // never delete each other's databases. Workers find it through HB_TEST_TMP.
  const TMP_DIR = path.resolve("tests/.tmp", `run-${process.pid}`);
  process.env.HB_TEST_TMP = TMP_DIR;
  rmSync(TMP_DIR, { recursive: true, force: true });
  mkdirSync(TMP_DIR, { recursive: true });
  process.env.NODE_ENV = "test";
  process.env.SESSION_SECRET ??= "test-session-secret-that-is-long-enough-000";
  const cleanups: (() => Promise<void> | void)[] = [() => rmSync(TMP_DIR, { recursive: true, force: true })];

  if (testDatabase() === "postgresql") {
    if (!process.env.HB_PG_ADMIN_URL) {
      const { startThrowawayPostgres } = await import("../../scripts/db/throwaway-postgres");
      const server = await startThrowawayPostgres();
      process.env.HB_PG_ADMIN_URL = server.url();
      cleanups.push(() => server.stop());
    }
    const adminUrl = process.env.HB_PG_ADMIN_URL;
    const { dropDatabase } = await import("./test-database");
    await dropDatabase(adminUrl, PG_TEMPLATE);
    const pg = (await import("pg")).default;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${PG_TEMPLATE}"`);
    await admin.end();
    const url = databaseUrl(adminUrl, PG_TEMPLATE);
    process.env.DATABASE_URL = url;
    await buildTemplate(url);
  } else {
    const url = `file:${path.join(TMP_DIR, "template.db")}`;
    process.env.DATABASE_URL = url;
    await buildTemplate(url);
  }
  return async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
}
