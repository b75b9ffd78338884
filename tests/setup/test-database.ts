// Which database the tests run on: SQLite by default, PostgreSQL when HB_TEST_DB=postgresql
// (`npm run test:postgres`). On PostgreSQL the global setup starts a throwaway server (or
// uses HB_PG_ADMIN_URL), migrates a template database once, and every test file gets its own
// database copied from it with CREATE DATABASE ... TEMPLATE.
import pg from "pg";

export type TestDatabase = "sqlite" | "postgresql";

export function testDatabase(): TestDatabase {
  const value = process.env.HB_TEST_DB ?? "sqlite";
  if (value !== "sqlite" && value !== "postgresql") {
    throw new Error(`HB_TEST_DB must be sqlite or postgresql, got ${value}`);
  }
  return value;
}

export const PG_TEMPLATE = "hb_template";

/** The URL of another database on the same server as `adminUrl`. */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Creates a database as a copy of the template. PostgreSQL refuses to copy a template while
 * another CREATE DATABASE reads it, which happens when test files start together: retry.
 */
export async function createDatabaseFromTemplate(adminUrl: string, name: string, template = PG_TEMPLATE) {
  for (let attempt = 1; ; attempt++) {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
      return databaseUrl(adminUrl, name);
    } catch (error) {
      if (attempt >= 50 || !/being accessed by other users/.test(String(error))) throw error;
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 150));
    } finally {
      await client.end();
    }
  }
}

export { dropDatabase } from "../../scripts/db/throwaway-postgres";
