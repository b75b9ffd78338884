// Starts the built app for the end-to-end tests on a fresh database with the demo data:
// a new SQLite file, or (under `npm run test:postgres`) a new PostgreSQL database on the
// throwaway server whose admin URL is in HB_PG_ADMIN_URL.
import { rmSync, mkdirSync } from "node:fs";
import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { migrate } from "../../scripts/db/migrate";
import { providerOf, sqliteFilePath } from "../../app/platform/database-url";

async function freshDatabase(url: string) {
  if (providerOf(url) === "sqlite") {
    const dir = path.dirname(sqliteFilePath(url));
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    return;
  }
  const adminUrl = process.env.HB_PG_ADMIN_URL;
  if (!adminUrl) throw new Error("HB_PG_ADMIN_URL must name the PostgreSQL server's admin database");
  const name = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  rmSync(process.env.DATA_DIR!, { recursive: true, force: true });
  mkdirSync(process.env.DATA_DIR!, { recursive: true });
}

async function main() {
  const url = process.env.DATABASE_URL!;
  await freshDatabase(url);
  await migrate(url);
  // The seed runs outside production mode (it refuses demo data there); the server in it.
  process.env.NODE_ENV = "test";
  const { runSeed } = await import("../../prisma/seed");
  await runSeed({ demo: "if-empty" });
  const { disconnectDb } = await import("../../app/platform/db.server");
  await disconnectDb();
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
