// The database the app opens runs in WAL mode with a busy timeout, so readers never block
// the writer and a second writer waits instead of failing with "database is locked".
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { sqliteFilePath } from "~/platform/database-url";
import { db } from "~/platform/db.server";

describe("SQLite settings", () => {
  it("uses WAL and a busy timeout on the app's own connection", async () => {
    const mode = await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    expect(mode[0].journal_mode).toBe("wal");
    const timeout = await db.$queryRawUnsafe<Record<string, unknown>[]>("PRAGMA busy_timeout");
    expect(Number(Object.values(timeout[0])[0])).toBeGreaterThanOrEqual(1000);
  });

  it("lets a write wait for another process's lock instead of failing", async () => {
    await db.auditEvent.count();
    // Another process takes the write lock and keeps it for a moment.
    const holder = spawn(
      process.execPath,
      [
        "-e",
        `const db = new (require(${JSON.stringify(require.resolve("better-sqlite3"))}))(process.argv[1]);
         db.exec("BEGIN IMMEDIATE"); process.stdout.write("locked\\n");
         setTimeout(() => { db.exec("COMMIT"); db.close(); }, 1000);`,
        sqliteFilePath(process.env.DATABASE_URL!),
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    await new Promise((resolve) => holder.stdout.once("data", resolve));
    const started = Date.now();
    await expect(db.auditEvent.create({ data: { action: "UPDATE", entityType: "BusyTest" } })).resolves.toMatchObject({ entityType: "BusyTest" });
    // It did wait for the lock (rather than the lock being gone already).
    expect(Date.now() - started).toBeGreaterThan(50);
    await new Promise((resolve) => holder.once("exit", resolve));
  });
});
