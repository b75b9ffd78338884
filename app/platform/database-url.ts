import path from "node:path";

/** The embedded default: a SQLite file under data/, relative to the project root. */
export const DEFAULT_DATABASE_URL = "file:./data/herbestemming.db";

export type Provider = "sqlite" | "postgresql";

/** The database a URL points at: `file:` is the embedded SQLite, `postgres(ql)://` PostgreSQL. */
export function providerOf(databaseUrl: string): Provider {
  if (databaseUrl.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return "postgresql";
  throw new Error(`DATABASE_URL must start with file: or postgresql://, got ${databaseUrl.split(":")[0]}:`);
}

/** Turns a `file:` URL into the path better-sqlite3 opens (relative to the working dir). */
export function sqliteFilePath(databaseUrl: string): string {
  if (!databaseUrl.startsWith("file:")) {
    throw new Error(`DATABASE_URL must start with file: for SQLite, got ${databaseUrl.split(":")[0]}:`);
  }
  const raw = databaseUrl.slice("file:".length).split("?")[0];
  if (raw === ":memory:") return raw;
  return path.resolve(raw);
}
