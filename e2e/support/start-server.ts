// Starts the built app for the end-to-end tests on a fresh database with the demo data.
import { rmSync, mkdirSync } from "node:fs";
import { spawn } from "node:child_process";
import path from "node:path";
import { migrate } from "../../scripts/db/migrate";
import { sqliteFilePath } from "../../app/platform/database-url";

async function main() {
  const url = process.env.DATABASE_URL!;
  const file = sqliteFilePath(url);
  const dir = path.dirname(file);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
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
