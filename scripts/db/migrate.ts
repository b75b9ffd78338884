// `npm run db:migrate`: applies the committed migrations in prisma/<provider>/migrations
// to DATABASE_URL (default: data/herbestemming.db; a postgresql:// URL selects PostgreSQL),
// keeping Prisma's _prisma_migrations table so `prisma migrate deploy` can take over where
// the native engine is available.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { DEFAULT_DATABASE_URL, providerOf, sqliteFilePath } from "../../app/platform/database-url";
import { closeSchemaEngine, explainEngineError, noFilter, openSchemaEngine, readMigrations } from "./schema-engine";

export async function migrate(databaseUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL) {
  const provider = providerOf(databaseUrl);
  if (provider === "sqlite") {
    const file = sqliteFilePath(databaseUrl);
    if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
  }
  const engine = await openSchemaEngine(databaseUrl, provider);
  try {
    const result = await engine.applyMigrations({ migrationsList: readMigrations(provider), filters: noFilter });
    return result.appliedMigrationNames;
  } finally {
    await closeSchemaEngine(engine);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  migrate()
    .then((names) => {
      console.log(names.length ? `Applied ${names.length} migration(s): ${names.join(", ")}` : "Database is up to date.");
      process.exit(0);
    })
    .catch((error: unknown) => {
      console.error(`Migration failed: ${explainEngineError(error)}`);
      process.exit(1);
    });
}
