// `npm run test:postgres`: the integration and end-to-end suites again, on PostgreSQL. Starts
// a throwaway PostgreSQL server (Debian's binaries; scripts/db/throwaway-postgres.ts) on a
// port of its own, runs Vitest (a database per test file, copied from a migrated template)
// and Playwright (a fresh demo database), and stops the server whatever the outcome.
// Set HB_PG_ADMIN_URL to use a server of your own instead (its databases are created and
// dropped by the tests: never point it at a server that holds data you need).
import { spawn } from "node:child_process";
import { startThrowawayPostgres } from "./db/throwaway-postgres";

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main() {
  // `-- unit` or `-- e2e` runs one half; further arguments go to that runner (files, -g ...).
  const [only, ...rest] = process.argv.slice(2);
  const server = process.env.HB_PG_ADMIN_URL ? undefined : await startThrowawayPostgres();
  const adminUrl = process.env.HB_PG_ADMIN_URL ?? server!.url();
  const e2eUrl = new URL(adminUrl);
  e2eUrl.pathname = "/hb_e2e";
  const env = {
    ...process.env,
    HB_TEST_DB: "postgresql",
    HB_PG_ADMIN_URL: adminUrl,
    E2E_DATABASE_URL: e2eUrl.toString(),
  };
  if (server) console.log(`PostgreSQL test server on port ${server.port}`);
  let code = 0;
  try {
    if (only !== "e2e") code = await run("npx", ["vitest", "run", ...(only === "unit" ? rest : [])], env);
    if (code === 0 && only !== "unit") code = await run("npx", ["playwright", "test", ...(only === "e2e" ? rest : [])], env);
  } finally {
    await server?.stop();
  }
  process.exit(code);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
