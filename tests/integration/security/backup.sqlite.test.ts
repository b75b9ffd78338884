// Backup while a writer is busy, restore into a new folder: same rows, same files.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { backup, hashTree, inspectDatabase } from "../../../scripts/db/backup";
import { databaseInUse, restore, RestoreError } from "../../../scripts/db/restore";

const TMP = mkdtempSync(path.join(process.env.HB_TEST_TMP ?? "/tmp", "backup-"));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

// A second process writing one audit row per transaction, ids w-000001, w-000002, ...
const WRITER = `
const Database = require(${JSON.stringify(require.resolve("better-sqlite3"))});
const db = new Database(process.argv[1], { timeout: 5000 });
db.pragma("journal_mode = WAL");
const insert = db.prepare("INSERT INTO AuditEvent (id, at, action, entityType) VALUES (?, ?, 'UPDATE', 'Writer')");
let n = 0;
const tick = () => { for (let i = 0; i < 20; i++) { n++; insert.run("w-" + String(n).padStart(6, "0"), Date.now()); } if (n === 200) process.stdout.write("busy\\n"); setImmediate(tick); };
process.on("SIGTERM", () => { db.close(); process.exit(0); });
tick();
`;

function startWriter(file: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["-e", WRITER, file], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("busy") && resolve(child));
    child.on("exit", (code) => reject(new Error(`writer exited early (${code})`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners("exit");
    child.on("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

function seed(dir: string) {
  const databaseFile = path.join(dir, "herbestemming.db");
  mkdirSync(dir, { recursive: true });
  copyFileSync(path.join(process.env.HB_TEST_TMP!, "template.db"), databaseFile);
  const conn = new Database(databaseFile);
  conn.pragma("journal_mode = WAL");
  const insert = conn.prepare("INSERT INTO AuditEvent (id, at, action, entityType, summary) VALUES (?, ?, 'CREATE', 'Seed', ?)");
  conn.transaction(() => {
    for (let i = 0; i < 500; i++) insert.run(`s-${i}`, Date.now(), JSON.stringify({ i, text: "é ".repeat(i % 50) }));
  })();
  conn.close();
  const uploadsDir = path.join(dir, "uploads");
  for (let i = 0; i < 30; i++) {
    const sub = path.join(uploadsDir, `dossier-${i % 4}`, i % 3 ? "v1" : "");
    mkdirSync(sub, { recursive: true });
    writeFileSync(path.join(sub, `bestand-${i}.pdf`), randomBytes(1000 + i * 97));
  }
  return { databaseFile, uploadsDir };
}

describe("backup and restore", () => {
  it("copies a consistent database and every upload while a writer is busy, and restores both into a new folder", async () => {
    const source = seed(path.join(TMP, "source"));
    const sourceFiles = await hashTree(source.uploadsDir);
    const writer = await startWriter(source.databaseFile);
    let result: Awaited<ReturnType<typeof backup>>;
    try {
      result = await backup({ ...source, backupsRoot: path.join(TMP, "backups") });
      // Files added after the backup are not in it; the writer goes on meanwhile.
      appendFileSync(path.join(source.uploadsDir, "later.txt"), "after the backup");
    } finally {
      await stop(writer);
    }
    const { manifest, dir } = result;
    expect(path.basename(dir)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z$/);
    expect(manifest.uploads.files).toBe(30);
    expect(manifest.uploads.sha256).toEqual(sourceFiles.sha256);
    expect(manifest.database.tables.Municipality).toBeGreaterThan(200);
    const written = manifest.database.tables.AuditEvent - 500;
    expect(written).toBeGreaterThanOrEqual(200);
    // The source went on growing after the snapshot.
    expect(inspectDatabase(source.databaseFile).tables.AuditEvent).toBeGreaterThan(manifest.database.tables.AuditEvent);

    const target = { databaseFile: path.join(TMP, "restored", "db", "herbestemming.db"), uploadsDir: path.join(TMP, "restored", "uploads") };
    await restore({ backupDir: dir, ...target });
    const restored = inspectDatabase(target.databaseFile);
    expect(restored.integrity).toBe("ok");
    expect(restored.tables).toEqual(manifest.database.tables);
    // A snapshot, not a smear: the writer's rows are exactly w-1 .. w-n, without gaps.
    const conn = new Database(target.databaseFile, { readonly: true });
    const ids = conn.prepare("SELECT id FROM AuditEvent WHERE entityType = 'Writer' ORDER BY id").pluck().all() as string[];
    conn.close();
    expect(ids).toEqual(Array.from({ length: written }, (_, i) => `w-${String(i + 1).padStart(6, "0")}`));
    expect((await hashTree(target.uploadsDir)).sha256).toEqual(sourceFiles.sha256);
  });

  it("refuses to restore over a database in use, or a backup that does not match its manifest", async () => {
    const source = seed(path.join(TMP, "refuse"));
    const { dir } = await backup({ ...source, backupsRoot: path.join(TMP, "refuse-backups") });

    const running = new Database(source.databaseFile);
    running.pragma("journal_mode = WAL");
    try {
      expect(databaseInUse(source.databaseFile)).toBe(true);
      await expect(restore({ backupDir: dir, ...source })).rejects.toThrow(/in use: stop the app/);
    } finally {
      running.close();
    }
    expect(databaseInUse(source.databaseFile)).toBe(false);

    writeFileSync(path.join(dir, "uploads", "dossier-1", "v1", "bestand-1.pdf"), "tampered");
    await expect(restore({ backupDir: dir, ...source })).rejects.toThrow(RestoreError);
    await expect(restore({ backupDir: path.join(TMP, "nothing-here"), ...source })).rejects.toThrow(/not a backup folder/);
  });
});
