// `npm run db:backup [-- --out <folder>]`: a consistent copy of the SQLite database, taken
// while the app runs (SQLite's online backup API: a snapshot that writers do not disturb),
// with the uploaded files, into <DATA_DIR>/backups/<timestamp>/ and a manifest that lets
// `npm run db:restore` check the copy before it replaces anything.
import { createHash } from "node:crypto";
import { cpSync, createReadStream, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { DEFAULT_DATABASE_URL, providerOf, sqliteFilePath } from "../../app/platform/database-url";

export const MANIFEST = "manifest.json";
export const DB_FILE = "herbestemming.db";
export const UPLOADS = "uploads";
const BUSY_TIMEOUT_MS = 10_000;

export type Manifest = {
  format: 1;
  createdAt: string;
  database: { file: string; bytes: number; sha256: string; tables: Record<string, number> };
  uploads: { dir: string; files: number; bytes: number; sha256: Record<string, string> };
};

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(file)
      .on("data", (chunk) => hash.update(chunk))
      .on("end", () => resolve(hash.digest("hex")))
      .on("error", reject);
  });
}

/** Every regular file under `dir`, as paths relative to it with forward slashes, sorted. */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (sub: string) => {
    for (const entry of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else if (entry.isFile()) out.push(rel);
    }
  };
  walk("");
  return out.sort();
}

export async function hashTree(dir: string): Promise<{ sha256: Record<string, string>; bytes: number }> {
  const sha256: Record<string, string> = {};
  let bytes = 0;
  for (const rel of listFiles(dir)) {
    const file = path.join(dir, ...rel.split("/"));
    sha256[rel] = await sha256File(file);
    bytes += statSync(file).size;
  }
  return { sha256, bytes };
}

/** Row counts of every table (SQLite's own tables aside), and the integrity check. */
export function inspectDatabase(file: string): { tables: Record<string, number>; integrity: string } {
  const conn = new Database(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  try {
    const integrity = conn.pragma("integrity_check", { simple: true }) as string;
    const names = conn
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[];
    const tables: Record<string, number> = {};
    for (const name of names) {
      tables[name] = conn.prepare(`SELECT COUNT(*) FROM "${name.replace(/"/g, '""')}"`).pluck().get() as number;
    }
    return { tables, integrity };
  } finally {
    conn.close();
  }
}

function timestamp(date: Date) {
  return date.toISOString().replace(/\.\d+Z$/, "Z").replace(/:/g, "-");
}

export type BackupOptions = {
  databaseFile: string;
  uploadsDir: string;
  backupsRoot: string;
  now?: Date;
};

export async function backup({ databaseFile, uploadsDir, backupsRoot, now = new Date() }: BackupOptions) {
  if (!existsSync(databaseFile)) throw new Error(`No database at ${databaseFile}`);
  let dir = path.join(backupsRoot, timestamp(now));
  for (let n = 2; existsSync(dir); n++) dir = path.join(backupsRoot, `${timestamp(now)}-${n}`);
  mkdirSync(dir, { recursive: true });

  // The online backup copies a consistent snapshot page by page; the app's writers carry on.
  const target = path.join(dir, DB_FILE);
  const source = new Database(databaseFile, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  try {
    // Large steps: a write by another connection between steps makes SQLite start over.
    await source.backup(target, { progress: () => 100_000 });
  } finally {
    source.close();
  }
  // The copy stands alone: one file, no -wal beside it.
  const copy = new Database(target, { timeout: BUSY_TIMEOUT_MS });
  try {
    copy.pragma("journal_mode = DELETE");
  } finally {
    copy.close();
  }
  const { tables, integrity } = inspectDatabase(target);
  if (integrity !== "ok") throw new Error(`The copy fails SQLite's integrity check: ${integrity}`);

  // Files after the database: uploads are written before the row that names them, so every
  // file the copied rows refer to is there (a few newer ones may be too).
  const uploadsTarget = path.join(dir, UPLOADS);
  if (existsSync(uploadsDir)) cpSync(uploadsDir, uploadsTarget, { recursive: true });
  else mkdirSync(uploadsTarget);
  const files = await hashTree(uploadsTarget);

  const manifest: Manifest = {
    format: 1,
    createdAt: now.toISOString(),
    database: { file: DB_FILE, bytes: statSync(target).size, sha256: await sha256File(target), tables },
    uploads: { dir: UPLOADS, files: Object.keys(files.sha256).length, bytes: files.bytes, sha256: files.sha256 },
  };
  writeFileSync(path.join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return { dir, manifest };
}

/** Where the running configuration keeps the database and the uploads. */
export function configuredPaths(env: Record<string, string | undefined> = process.env) {
  const dataDir = path.resolve(env.DATA_DIR || "data");
  const url = env.DATABASE_URL || DEFAULT_DATABASE_URL;
  if (providerOf(url) === "postgresql") {
    throw new Error(
      "db:backup and db:restore copy the embedded SQLite database. On PostgreSQL, back up with pg_dump and the object store's own versioning (docs/deploy.md, Backups).",
    );
  }
  return {
    databaseFile: sqliteFilePath(url),
    uploadsDir: path.join(dataDir, UPLOADS),
    backupsRoot: path.join(dataDir, "backups"),
  };
}

async function main() {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf("--out");
  const paths = configuredPaths();
  const backupsRoot = outIndex >= 0 && args[outIndex + 1] ? path.resolve(args[outIndex + 1]) : paths.backupsRoot;
  const { dir, manifest } = await backup({ ...paths, backupsRoot });
  const rows = Object.values(manifest.database.tables).reduce((a, b) => a + b, 0);
  console.log(`Backup written to ${dir}`);
  console.log(`  database: ${Object.keys(manifest.database.tables).length} tables, ${rows} rows, sha256 ${manifest.database.sha256}`);
  console.log(`  uploads: ${manifest.uploads.files} files, ${manifest.uploads.bytes} bytes`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
