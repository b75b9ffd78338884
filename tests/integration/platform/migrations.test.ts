// The migrations of the two providers are written together from one change to the models
// (scripts/db/new-migration.ts). These checks fail when they drift apart: a model change
// without a migration, a migration for one provider only, or SQL that does not produce
// the models. The last check runs on the database of the suite (SQLite by default,
// PostgreSQL under `npm run test:postgres`), so CI checks both.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import pg from "pg";
import { providerOf } from "~/platform/database-url";
import {
  PROVIDERS,
  diffDatabaseAgainstModels,
  diffModels,
  providerDir,
  readMigratedModels,
  readModels,
} from "../../../scripts/db/schema-engine";
import { dumpSchema } from "../../../scripts/db/throwaway-postgres";
import { databaseUrl, dropDatabase } from "../../setup/test-database";

function migrationNames(provider: (typeof PROVIDERS)[number]) {
  const dir = path.join(providerDir(provider), "migrations");
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

describe("migrations of both providers", () => {
  it("exist under the same names for SQLite and PostgreSQL", () => {
    const sqlite = migrationNames("sqlite");
    expect(sqlite.length).toBeGreaterThan(0);
    expect(migrationNames("postgresql")).toEqual(sqlite);
    for (const provider of PROVIDERS) {
      for (const name of sqlite) {
        expect(existsSync(path.join(providerDir(provider), "migrations", name, "migration.sql"))).toBe(true);
      }
      const lock = readFileSync(path.join(providerDir(provider), "migrations", "migration_lock.toml"), "utf8");
      expect(lock).toContain(`provider = "${provider}"`);
    }
  });

  it("cover the current models (run `npm run db:migration -- <name>` after changing them)", () => {
    expect(readMigratedModels()).toBe(readModels());
  });

  it("share one models file through a link in each provider folder", () => {
    for (const provider of PROVIDERS) {
      expect(readFileSync(path.join(providerDir(provider), "models.prisma"), "utf8")).toBe(readModels());
    }
  });

  it("produce exactly the models on the database under test", async () => {
    const url = process.env.DATABASE_URL!;
    if (providerOf(url) === "sqlite") {
      expect(await diffDatabaseAgainstModels(url)).toBeNull();
      return;
    }
    // The WebAssembly engine cannot introspect PostgreSQL through the pg adapter (it trips
    // over the catalogue's "char" columns), so compare what the migrations built with what
    // the models alone build in an empty database, as pg_dump sees both.
    const adminUrl = process.env.HB_PG_ADMIN_URL!;
    const name = `hb_models_${process.pid}_${Date.now()}`;
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`CREATE DATABASE "${name}"`);
    await client.end();
    const fromModels = databaseUrl(adminUrl, name);
    try {
      const fresh = new pg.Client({ connectionString: fromModels });
      await fresh.connect();
      await fresh.query((await diffModels("postgresql", null, readModels(), fromModels))!);
      await fresh.end();
      const migrated = await dumpSchema(url, ["_prisma_migrations"]);
      expect(migrated).toContain('CREATE TABLE public."Dossier"');
      expect(migrated).toBe(await dumpSchema(fromModels));
    } finally {
      await dropDatabase(adminUrl, name);
    }
  });
});
