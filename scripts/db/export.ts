// `npm run db:export [-- --out <file>]`: writes every row of the database DATABASE_URL names
// (default: the SQLite file data/herbestemming.db; a postgresql:// URL works too) to a
// portable archive, by default <DATA_DIR>/exports/herbestemming-<timestamp>.ndjson.gz, for
// `npm run db:import` on another database. The app may keep running: the archive is one
// consistent snapshot (scripts/db/transfer.ts). Uploaded files are not in it; they move
// separately (see docs/deploy.md).
import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import { once } from "node:events";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { DEFAULT_DATABASE_URL, providerOf, sqliteFilePath, type Provider } from "../../app/platform/database-url";
import type { Db } from "../../app/platform/db.server";
import { sha256File } from "./backup";
import { describeDatabase, exportDatabase, type ExportOptions, TransferError } from "./transfer";

const USAGE = "Usage: npm run db:export [-- --out <file.ndjson.gz>]   (source: DATABASE_URL)";

/**
 * Writes the archive to `<file>.partial` and renames it when complete, so a file under the
 * chosen name is always a whole archive. Refuses to replace an existing file.
 */
export async function exportToFile(db: Db, provider: Provider, file: string, options: Omit<ExportOptions, "provider"> = {}) {
  if (existsSync(file)) throw new TransferError(`${file} exists already: choose another name with --out`);
  mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  // flush: fsync before close, so a renamed archive is on disk.
  const stream = createWriteStream(partial, { flush: true });
  try {
    const header = await exportDatabase(db, stream, { ...options, provider });
    renameSync(partial, file);
    return { header, bytes: statSync(file).size, sha256: await sha256File(file) };
  } catch (error) {
    // The file opens asynchronously: close it before removing it, or it reappears empty.
    if (!stream.closed) {
      stream.destroy();
      await once(stream, "close");
    }
    rmSync(partial, { force: true });
    throw error;
  }
}

function defaultArchivePath(now = new Date()) {
  const stamp = now.toISOString().replace(/\.\d+Z$/, "Z").replace(/:/g, "-");
  return path.join(process.env.DATA_DIR || "data", "exports", `herbestemming-${stamp}.ndjson.gz`);
}

async function main() {
  let out: string | undefined;
  try {
    ({ out } = parseArgs({ options: { out: { type: "string" } } }).values);
  } catch {
    console.error(USAGE);
    process.exit(2);
  }
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const provider = providerOf(url);
  if (provider === "sqlite" && !existsSync(sqliteFilePath(url))) throw new TransferError(`No database at ${sqliteFilePath(url)}`);
  const file = path.resolve(out ?? defaultArchivePath());

  const { db, disconnectDb } = await import("../../app/platform/db.server");
  try {
    console.log(`Exporting ${describeDatabase(url)} to ${file}`);
    const { header, bytes, sha256 } = await exportToFile(db, provider, file, {
      onProgress: ({ model, rows, of }) => {
        if (rows === of) console.log(`  ${model}: ${rows} rows`);
      },
    });
    const rows = header.models.reduce((sum, m) => sum + m.rows, 0);
    console.log(`Archive written: ${rows} rows of ${header.models.length} models, ${header.migrations.length} migration(s), ${bytes} bytes`);
    console.log(`  sha256 ${sha256}`);
    console.log(`Import it with: DATABASE_URL=<target> npm run db:import -- ${file}`);
  } finally {
    await disconnectDb();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
