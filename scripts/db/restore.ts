// `npm run db:restore -- <backup folder>`: puts a backup made by `npm run db:backup` back.
// Stop the app first: the restore refuses to run while any process has the database open.
// It checks the backup against its manifest (sha256 of the database and of every file)
// before touching anything, then replaces the database file (its -wal/-shm go) and the
// uploads folder. What it replaces is kept beside as *.before-restore-<timestamp>.
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { configuredPaths, DB_FILE, hashTree, inspectDatabase, MANIFEST, type Manifest, sha256File, UPLOADS } from "./backup";

export class RestoreError extends Error {}

/** Checks a backup folder against its manifest; throws RestoreError naming what is wrong. */
export async function verifyBackup(backupDir: string): Promise<Manifest> {
  const manifestFile = path.join(backupDir, MANIFEST);
  if (!existsSync(manifestFile)) throw new RestoreError(`${backupDir} holds no ${MANIFEST}: not a backup folder`);
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest;
  if (manifest.format !== 1) throw new RestoreError(`Unknown backup format ${String(manifest.format)}`);
  const dbFile = path.join(backupDir, manifest.database.file || DB_FILE);
  if (!existsSync(dbFile)) throw new RestoreError("The backup's database file is missing");
  if ((await sha256File(dbFile)) !== manifest.database.sha256) throw new RestoreError("The backup's database does not match its checksum");
  const files = await hashTree(path.join(backupDir, manifest.uploads.dir || UPLOADS));
  const expected = manifest.uploads.sha256;
  const missing = Object.keys(expected).filter((f) => !(f in files.sha256));
  const changed = Object.keys(expected).filter((f) => f in files.sha256 && files.sha256[f] !== expected[f]);
  if (missing.length || changed.length) {
    throw new RestoreError(`Uploaded files do not match the manifest (missing: ${missing.length}, changed: ${changed.length})`);
  }
  return manifest;
}

/**
 * True when another process has the database open. Leaving WAL mode needs the database to
 * itself, so SQLite refuses (SQLITE_BUSY) while the app holds a connection.
 */
export function databaseInUse(databaseFile: string): boolean {
  if (!existsSync(databaseFile)) return false;
  const conn = new Database(databaseFile, { timeout: 0 });
  try {
    conn.pragma("journal_mode = DELETE");
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === "SQLITE_BUSY") return true;
    throw error;
  } finally {
    conn.close();
  }
}

export type RestoreOptions = { backupDir: string; databaseFile: string; uploadsDir: string; now?: Date };

export async function restore({ backupDir, databaseFile, uploadsDir, now = new Date() }: RestoreOptions) {
  const manifest = await verifyBackup(backupDir);
  if (databaseInUse(databaseFile)) {
    throw new RestoreError("The database is in use: stop the app (and any other process using it) before restoring");
  }
  const suffix = `before-restore-${now.toISOString().replace(/\.\d+Z$/, "Z").replace(/:/g, "-")}`;
  mkdirSync(path.dirname(databaseFile), { recursive: true });

  // Copy next to the target first, then swap by rename: never a half-written database.
  const incoming = `${databaseFile}.restoring`;
  rmSync(incoming, { force: true });
  cpSync(path.join(backupDir, manifest.database.file || DB_FILE), incoming);
  const replaced = existsSync(databaseFile);
  if (replaced) renameSync(databaseFile, `${databaseFile}.${suffix}`);
  for (const extra of ["-wal", "-shm", "-journal"]) rmSync(`${databaseFile}${extra}`, { force: true });
  renameSync(incoming, databaseFile);

  const incomingUploads = `${uploadsDir}.restoring`;
  rmSync(incomingUploads, { recursive: true, force: true });
  cpSync(path.join(backupDir, manifest.uploads.dir || UPLOADS), incomingUploads, { recursive: true });
  if (existsSync(uploadsDir)) renameSync(uploadsDir, `${uploadsDir}.${suffix}`);
  renameSync(incomingUploads, uploadsDir);

  const { tables, integrity } = inspectDatabase(databaseFile);
  if (integrity !== "ok") throw new RestoreError(`The restored database fails SQLite's integrity check: ${integrity}`);
  for (const [table, count] of Object.entries(manifest.database.tables)) {
    if (tables[table] !== count) throw new RestoreError(`Table ${table}: ${tables[table]} rows after restoring, ${count} in the backup`);
  }
  return { manifest, keptAside: replaced ? suffix : null };
}

async function main() {
  const backupDir = process.argv[2];
  if (!backupDir) {
    console.error("Usage: npm run db:restore -- <backup folder>   (stop the app first)");
    process.exit(2);
  }
  const paths = configuredPaths();
  const { manifest, keptAside } = await restore({ backupDir: path.resolve(backupDir), databaseFile: paths.databaseFile, uploadsDir: paths.uploadsDir });
  console.log(`Restored the backup of ${manifest.createdAt} into ${paths.databaseFile} and ${paths.uploadsDir}.`);
  if (keptAside) console.log(`The replaced database and uploads are kept as *.${keptAside}; delete them once you are satisfied.`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(`Restore failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
