// One app process per SQLite file: the lock file a server takes at start.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { claimSqliteDatabase, DatabaseInUseError } from "~/platform/single-server.server";

const dir = mkdtempSync(path.join(tmpdir(), "hb-single-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The id of a process that has certainly ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
  return Number(child.stdout.toString());
}

describe("claiming a SQLite database for one server", () => {
  it("refuses a second server while the first runs, and frees the file when released", () => {
    const file = path.join(dir, "a.db");
    // The test runner's parent process is certainly running: it plays the first server.
    const release = claimSqliteDatabase(file, process.ppid);
    expect(readFileSync(`${file}.server.lock`, "utf8")).toBe(String(process.ppid));
    expect(() => claimSqliteDatabase(file)).toThrow(DatabaseInUseError);
    expect(() => claimSqliteDatabase(file)).toThrow(`process ${process.ppid}`);
    release();
    expect(existsSync(`${file}.server.lock`)).toBe(false);
    claimSqliteDatabase(file)();
  });

  it("takes over a lock left by a process that no longer runs (a crash)", () => {
    const file = path.join(dir, "b.db");
    const gone = deadPid();
    writeFileSync(`${file}.server.lock`, String(gone));
    const release = claimSqliteDatabase(file);
    expect(readFileSync(`${file}.server.lock`, "utf8")).toBe(String(process.pid));
    release();
  });

  it("leaves a lock that another server has taken over alone when releasing", () => {
    const file = path.join(dir, "c.db");
    const release = claimSqliteDatabase(file);
    writeFileSync(`${file}.server.lock`, String(process.ppid)); // someone else holds it now
    release();
    expect(readFileSync(`${file}.server.lock`, "utf8")).toBe(String(process.ppid));
  });
});
