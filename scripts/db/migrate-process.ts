// Runs `npm run db:migrate` for one database URL in a process of its own, so the import's
// process holds nothing of the schema engine: it keeps a timer alive for seconds after it
// is freed, and (before closeSchemaEngine) kept a SQLite lock until garbage collection.
// A child process releases everything when it exits, and its failure reads as one message.
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
