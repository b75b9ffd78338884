// `npm run db:migration -- <name>`: writes the next migration for EVERY provider from one
// change to prisma/models.prisma. Each migration is the difference between the models as
// the newest migration left them (prisma/migrated-models.prisma) and the models now, so
// SQLite and PostgreSQL always move together and under the same folder name. The drift
// test (tests/integration/platform/migrations.test.ts) fails when they fall apart.
// PostgreSQL's schema engine wants a live server even to diff: a throwaway one is started
// (scripts/db/throwaway-postgres.ts), or PG_DIFF_URL names one. Review the SQL before committing.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  MIGRATED_MODELS,
  PROVIDERS,
  diffModels,
  explainEngineError,
  providerDir,
  readMigratedModels,
  readModels,
} from "./schema-engine";
import { startThrowawayPostgres } from "./throwaway-postgres";

async function main() {
  const name = (process.argv[2] ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
  if (!name) {
    console.error("Usage: npm run db:migration -- <name>");
    process.exit(2);
  }
  const from = readMigratedModels();
  const to = readModels();
  const server = process.env.PG_DIFF_URL ? undefined : await startThrowawayPostgres();
  const pgUrl = process.env.PG_DIFF_URL ?? server!.url();
  try {
    const scripts = new Map<string, string>();
    for (const provider of PROVIDERS) {
      const sql = await diffModels(provider, from, to, provider === "postgresql" ? pgUrl : undefined);
      if (sql) scripts.set(provider, sql);
    }
    if (scripts.size === 0) {
      console.log("No changes: the models match the migrations.");
      return;
    }
    const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
    for (const provider of PROVIDERS) {
      const baseDir = path.join(providerDir(provider), "migrations");
      const dir = path.join(baseDir, `${stamp}_${name}`);
      mkdirSync(dir, { recursive: true });
      // A provider without changes still gets the folder, so both lists stay identical.
      writeFileSync(path.join(dir, "migration.sql"), scripts.get(provider) ?? "-- No changes for this provider.\n");
      const lock = path.join(baseDir, "migration_lock.toml");
      if (!existsSync(lock)) writeFileSync(lock, `# Written by scripts/db/new-migration.ts\nprovider = "${provider}"\n`);
      console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
    }
    writeFileSync(MIGRATED_MODELS, to);
  } finally {
    await server?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`Could not create the migration: ${explainEngineError(error)}`);
  process.exit(1);
});
