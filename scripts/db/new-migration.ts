// `npm run db:migration -- <name>`: writes the next migration as the difference between
// the schema the committed migrations produce and prisma/models.prisma. Needs no database
// and no native engine. Review the SQL before committing it.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { explainEngineError, noFilter, openSchemaEngine, readMigrations, readSchemaFiles } from "./schema-engine";

async function main() {
  const name = (process.argv[2] ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
  if (!name) {
    console.error("Usage: npm run db:migration -- <name>");
    process.exit(2);
  }
  const migrations = readMigrations("sqlite");
  // The engine's own "from migrations" diff needs a shadow database that the SQLite driver
  // adapter cannot feed multi-statement scripts to, so we replay the migrations into a
  // throwaway file and diff from that database instead.
  const scratch = mkdtempSync(path.join(tmpdir(), "herbestemming-migration-"));
  const engine = await openSchemaEngine(`file:${path.join(scratch, "scratch.db")}`);
  try {
    await engine.applyMigrations({ migrationsList: migrations, filters: noFilter });
    const schema = readSchemaFiles("sqlite");
    const result = await engine.diff({
      from: { tag: "schemaDatasource", files: schema.files, configDir: process.cwd() },
      to: { tag: "schemaDatamodel", ...schema },
      script: true,
      exitCode: true,
      filters: noFilter,
    });
    if (result.exitCode === 0 || !result.stdout || /^-- This is an empty migration/.test(result.stdout.trim())) {
      console.log("No changes: the models match the migrations.");
      return;
    }
    const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
    const dir = path.join(migrations.baseDir, `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), result.stdout);
    const lock = path.join(migrations.baseDir, "migration_lock.toml");
    if (!existsSync(lock)) {
      writeFileSync(lock, '# Written by scripts/db/new-migration.ts\nprovider = "sqlite"\n');
    }
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  } finally {
    engine.free();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`Could not create the migration: ${explainEngineError(error)}`);
  process.exit(1);
});
