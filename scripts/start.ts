// `npm start` (after the build): the newcomer's one command. Applies migrations, loads the
// reference data and, on an empty database, the demo data; then serves the built app.
// Without SESSION_SECRET it uses a random one kept in data/ (fine on a laptop; a real
// deployment sets SESSION_SECRET and uses `npm run serve`, see docs/deploy.md).
import { spawn } from "node:child_process";
import { migrate } from "./db/migrate";

async function main() {
  const applied = await migrate();
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  const { runSeed } = await import("../prisma/seed");
  await runSeed({ demo: process.env.SEED_DEMO === "false" ? "never" : "if-empty" });
  const { getEnv } = await import("../app/platform/env.server");
  const env = getEnv();
  const { disconnectDb } = await import("../app/platform/db.server");
  await disconnectDb();

  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", SESSION_SECRET: env.SESSION_SECRET },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(`Could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
