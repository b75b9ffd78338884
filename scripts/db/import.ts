// `npm run db:import -- <archive>`: loads an archive written by `npm run db:export` into the
// database DATABASE_URL names (PostgreSQL or SQLite). It migrates the target first, then
// refuses unless the archive was made at the same migrations and the target holds no rows
// at all; it writes everything in one transaction, and prints each model's rows in the
// archive and in the target (exit code 1 when any differs; then nothing was imported).
import { createReadStream, existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { DEFAULT_DATABASE_URL } from "../../app/platform/database-url";
import { migrateInOwnProcess } from "./migrate-process";
import { CountMismatchError, describeDatabase, formatCountTable, importDatabase, TransferError } from "./transfer";

const USAGE = "Usage: npm run db:import -- <archive.ndjson.gz>   (target: DATABASE_URL, a new empty database)";

async function main() {
  let positionals: string[];
  try {
    ({ positionals } = parseArgs({ options: {}, allowPositionals: true }));
  } catch {
    positionals = [];
  }
  if (positionals.length !== 1) {
    console.error(USAGE);
    process.exit(2);
  }
  const file = path.resolve(positionals[0]);
  if (!existsSync(file)) throw new TransferError(`No archive at ${file}`);
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;

  console.log(`Migrating ${describeDatabase(url)}`);
  try {
    const output = await migrateInOwnProcess(url);
    if (output) console.log(`  ${output}`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // SQLite's "busy", as the schema engine words it: another process has the file open.
    const inUse = url.startsWith("file:") && /SocketTimeout|database is locked/.test(message);
    throw new TransferError(
      inUse ? "The target database is in use by another process (the app?): stop it; the target must be a new database" : `Migrating the target failed: ${message}`,
    );
  }
  const { db, disconnectDb } = await import("../../app/platform/db.server");
  try {
    console.log(`Importing ${file}`);
    const report = await importDatabase(db, createReadStream(file), {
      onProgress: ({ model, rows, of }) => {
        if (rows === of) console.log(`  ${model}: ${rows} rows`);
      },
    });
    console.log(formatCountTable(report.counts));
    if (report.matches) {
      console.log(`Import complete: the archive of ${report.header.createdAt} (${report.header.provider}) is in ${describeDatabase(url)}; all counts match.`);
    } else {
      console.error("The counts after the import differ from the archive's (marked above).");
      process.exitCode = 1;
    }
  } catch (error) {
    if (error instanceof CountMismatchError) {
      console.error(error.message);
      process.exitCode = 1;
      return;
    }
    throw error;
  } finally {
    await disconnectDb();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(`Import failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
