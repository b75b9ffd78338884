// Runs `npm run db:migrate` for one database URL in a process of its own. The schema engine
// (scripts/db/schema-engine.ts) leaves its driver adapter's connection open after it is
// freed, and on SQLite that connection keeps a lock on the file until it happens to be
// garbage collected: a Prisma client of the same process then fails with "database is
// locked". A child process releases everything when it exits.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";

const MIGRATE = fileURLToPath(new URL("./migrate.ts", import.meta.url));

/** Applies the committed migrations to `url`; resolves with the runner's output. */
export function migrateInOwnProcess(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--import", "tsx", MIGRATE],
      { env: { ...process.env, DATABASE_URL: url }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error((stderr || stdout || error.message).trim()));
        else resolve(stdout.trim());
      },
    );
  });
}
