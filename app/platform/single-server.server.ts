// SQLite deployments run exactly one app process (docs/deploy.md): two processes writing one
// file through Prisma's interactive transactions wait on each other's lock and time out.
// The server claims the database file with a lock file holding its process id, and a second
// server on the same file stops at start with a message saying why, instead of failing
// later under load. A lock left by a process that no longer runs (a crash, SIGKILL) is taken
// over. PostgreSQL needs no such guard: any number of processes may share it.
import { openSync, readFileSync, unlinkSync, writeSync, closeSync } from "node:fs";

export class DatabaseInUseError extends Error {
  constructor(
    readonly file: string,
    readonly pid: number,
  ) {
    super(
      `Another Herbestemming server (process ${pid}) already serves ${file}. A SQLite database takes one app process; ` +
        "stop the other one, or use PostgreSQL for several instances (docs/deploy.md).",
    );
    this.name = "DatabaseInUseError";
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Claims `databaseFile` for this process; returns a function that gives the claim back. */
export function claimSqliteDatabase(databaseFile: string, pid = process.pid): () => void {
  const lockFile = `${databaseFile}.server.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      // "wx": create or fail, in one step, so two servers starting together cannot both win.
      const fd = openSync(lockFile, "wx");
      writeSync(fd, String(pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(lockFile, "utf8").trim() === String(pid)) unlinkSync(lockFile);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(lockFile, "utf8").trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== pid && isRunning(holder)) {
        throw new DatabaseInUseError(databaseFile, holder);
      }
      unlinkSync(lockFile); // left behind by a process that is gone: take it over
    }
  }
  throw new Error(`Could not claim ${lockFile}`);
}
