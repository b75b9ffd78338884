// Moving a deployment to another database (SQLite to PostgreSQL, or either to either): every
// row of every model into a portable archive, read from one consistent snapshot, and back
// into an empty database in one transaction, with the row counts of both sides compared.
// The CLIs are scripts/db/export.ts and scripts/db/import.ts.
//
// The archive is gzipped NDJSON, one JSON object per line:
//   {"format":"herbestemming-data","version":1,"createdAt":…,"provider":"sqlite",
//    "migrations":[…],"models":[{"model":"Municipality","rows":285,"linked":{}},…]}
//   {"model":"Municipality","row":{"nisCode":"11001",…}}     every row, models in TRANSFER_PLAN
//                                                              order, rows in primary key order
//   {"model":"Dossier","key":{"id":"…"},"set":{"preferredScenarioId":"…"}}
//                                                              deferred foreign keys (second pass)
//   {"end":{"rows":1234,"links":56}}                          present only in a complete archive
// Rows hold every field exactly as Prisma returns it: DateTime as ISO 8601 with milliseconds
// (the JSON of a Date; both databases keep milliseconds), Int and Float as JSON numbers (a
// double's shortest decimal form reads back to the same double), booleans, null, enums as
// their names. No column list is kept here: a field added to a model travels by itself.
import { pipeline as pipelineStreams, Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import { z } from "zod";
import { Prisma } from "../../app/generated/prisma-sqlite/client";
import type { Provider } from "../../app/platform/database-url";
import { delegateOf, MODEL_NAMES, type ModelName } from "../../app/platform/db-models.server";
import type { Db } from "../../app/platform/db.server";
import { readMigrations } from "./schema-engine";
import { planGaps, planOf, TRANSFER_PLAN, type ModelPlan } from "./transfer-plan";

export const ARCHIVE_FORMAT = "herbestemming-data";
export const ARCHIVE_VERSION = 1;

const DEFAULT_PAGE_SIZE = 1_000;
// Rows per createMany. What Prisma keeps of recent statements grows with their size (bounded,
// released later): importing 80,000 rows into PostgreSQL peaked at ~230 MB of live heap with
// 500 rows per statement and stayed at ~85 MB with 100, at the same speed (2,000-3,500 rows/s
// on a busy 2-core machine; Prisma's own work dominates).
const MAX_BATCH_ROWS = 100;
// Bind parameters per statement: SQLite allows 32,766, PostgreSQL 65,535.
const MAX_BIND_PARAMETERS = 30_000;
// An interactive transaction ends after 5 s unless told otherwise; a large deployment takes minutes.
const TRANSACTION_OPTIONS = { maxWait: 30_000, timeout: 12 * 60 * 60 * 1000 };

type Row = Record<string, unknown>;

/** A refused import, a damaged archive: the message tells the operator what to do. */
export class TransferError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TransferError";
  }
}

export type CountLine = { name: string; source: number; target: number };

/** The target's counts differ from the archive's; the import was rolled back. */
export class CountMismatchError extends TransferError {
  constructor(readonly counts: CountLine[]) {
    super(`Row counts differ between the archive and the target; nothing was imported.\n${formatCountTable(counts)}`);
    this.name = "CountMismatchError";
  }
}

const HeaderSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.literal(ARCHIVE_VERSION),
  createdAt: z.string(),
  provider: z.enum(["sqlite", "postgresql"]),
  migrations: z.array(z.string()),
  models: z.array(
    z.object({
      model: z.enum(MODEL_NAMES as [ModelName, ...ModelName[]]),
      rows: z.number().int().min(0),
      /** Rows whose deferred foreign key is set, per deferred field. */
      linked: z.record(z.string(), z.number().int().min(0)),
    }),
  ),
});
export type ArchiveHeader = z.infer<typeof HeaderSchema>;

const Value = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const Values = z.record(z.string(), Value);
const ModelSchema = z.enum(MODEL_NAMES as [ModelName, ...ModelName[]]);
const LineSchema = z.union([
  z.strictObject({ model: ModelSchema, row: Values }),
  z.strictObject({ model: ModelSchema, key: Values, set: Values }),
  z.strictObject({ end: z.strictObject({ rows: z.number().int().min(0), links: z.number().int().min(0) }) }),
]);

export type TransferProgress = { model: ModelName; rows: number; of: number };
type OnProgress = (progress: TransferProgress) => void | Promise<void>;

function assertPlanComplete() {
  const { missing, repeated } = planGaps();
  if (missing.length || repeated.length) {
    throw new Error(`scripts/db/transfer-plan.ts is out of date (missing: ${missing.join(", ") || "none"}; repeated: ${repeated.join(", ") || "none"})`);
  }
}

/** Migrations Prisma recorded as applied, by name. */
export async function appliedMigrations(db: Db): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ migration_name: string }[]>(
    "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
  );
  return rows.map((r) => r.migration_name).sort();
}

function pick(row: Row, fields: readonly string[]): Row {
  return Object.fromEntries(fields.map((f) => [f, row[f]]));
}

/** The `where` that names one row by its primary key (Prisma names a compound key a_b). */
function uniqueWhere(plan: ModelPlan, row: Row): Row {
  if (plan.key.length === 1) return pick(row, plan.key);
  return { [plan.key.join("_")]: pick(row, plan.key) };
}

/** The rows of a model in primary key order, a page at a time (a cursor, not an offset). */
async function* pages(db: Db, plan: ModelPlan, pageSize: number, args: { where?: Row; select?: Row } = {}) {
  let last: Row | undefined;
  for (;;) {
    const page = await delegateOf(db, plan.model).findMany({
      ...args,
      orderBy: plan.key.map((field) => ({ [field]: "asc" })),
      take: pageSize,
      ...(last ? { cursor: uniqueWhere(plan, last), skip: 1 } : {}),
    });
    if (page.length) yield page;
    if (page.length < pageSize) return;
    last = page[page.length - 1];
  }
}

/** JSON turns NaN and ±Infinity into null: refuse rather than change a value silently. */
function checkedRow(model: ModelName, row: Row): Row {
  for (const [field, value] of Object.entries(row)) {
    if (typeof value === "number" && !Number.isFinite(value)) {
      throw new TransferError(`${model}.${field} holds ${value}, which the archive cannot carry: correct that row first`);
    }
  }
  return row;
}

async function readHeader(db: Db, provider: Provider, now: Date): Promise<ArchiveHeader> {
  const migrations = await appliedMigrations(db);
  const models: ArchiveHeader["models"] = [];
  for (const plan of TRANSFER_PLAN) {
    const table = delegateOf(db, plan.model);
    const linked: Record<string, number> = {};
    for (const field of plan.deferred) linked[field] = await table.count({ where: { [field]: { not: null } } });
    models.push({ model: plan.model, rows: await table.count(), linked });
  }
  return { format: ARCHIVE_FORMAT, version: ARCHIVE_VERSION, createdAt: now.toISOString(), provider, migrations, models };
}

async function* archiveText(db: Db, header: ArchiveHeader, pageSize: number, onProgress?: OnProgress): AsyncGenerator<string> {
  yield `${JSON.stringify(header)}\n`;
  let rows = 0;
  for (const { model, rows: expected } of header.models) {
    let written = 0;
    for await (const page of pages(db, planOf(model), pageSize)) {
      yield page.map((row) => `${JSON.stringify({ model, row: checkedRow(model, row) })}\n`).join("");
      written += page.length;
      await onProgress?.({ model, rows: written, of: expected });
    }
    // Counted and read in one snapshot, so only a broken snapshot could make these differ.
    if (written !== expected) throw new Error(`${model}: counted ${expected} rows but read ${written}`);
    rows += written;
  }
  let links = 0;
  for (const plan of TRANSFER_PLAN.filter((p) => p.deferred.length)) {
    const where = { OR: plan.deferred.map((field) => ({ [field]: { not: null } })) };
    const select = Object.fromEntries([...plan.key, ...plan.deferred].map((field) => [field, true]));
    for await (const page of pages(db, plan, pageSize, { where, select })) {
      yield page
        .map((row) => {
          const set = Object.fromEntries(plan.deferred.filter((f) => row[f] !== null).map((f) => [f, row[f]]));
          return `${JSON.stringify({ model: plan.model, key: pick(row, plan.key), set })}\n`;
        })
        .join("");
      links += page.length;
    }
  }
  yield `${JSON.stringify({ end: { rows, links } })}\n`;
}

export type ExportOptions = {
  /** The source's provider: PostgreSQL reads in a REPEATABLE READ, READ ONLY transaction. */
  provider: Provider;
  pageSize?: number;
  onProgress?: OnProgress;
  now?: Date;
};

/**
 * Writes the archive of every row to `out` (gzipped). Everything is read in one transaction,
 * so the archive is one consistent snapshot while the app keeps running: on SQLite (WAL) a
 * read transaction sees the database as of its first read, writers carry on beside it; on
 * PostgreSQL REPEATABLE READ gives the same. Memory holds one page of rows at a time.
 */
export async function exportDatabase(db: Db, out: Writable, options: ExportOptions): Promise<ArchiveHeader> {
  assertPlanComplete();
  await checkSourceMigrations(db, options.provider);
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const postgres = options.provider === "postgresql";
  return db.$transaction(
    async (transaction) => {
      const tx = transaction as unknown as Db;
      // Before the first query, which is when PostgreSQL takes the snapshot.
      if (postgres) await tx.$executeRawUnsafe("SET TRANSACTION READ ONLY");
      const header = await readHeader(tx, options.provider, options.now ?? new Date());
      await pipeline(Readable.from(archiveText(tx, header, pageSize, options.onProgress)), createGzip(), out);
      return header;
    },
    {
      ...TRANSACTION_OPTIONS,
      // The SQLite client's types know only SQLite's level; the PostgreSQL client takes this one.
      isolationLevel: (postgres ? "RepeatableRead" : undefined) as Prisma.TransactionIsolationLevel | undefined,
    },
  );
}

/** The client reads every column of the current models, so the source must have exactly the app's migrations. */
async function checkSourceMigrations(db: Db, provider: Provider) {
  const applied = await appliedMigrations(db);
  const known = readMigrations(provider).migrationDirectories.map((d) => d.path);
  const pending = known.filter((m) => !applied.includes(m));
  const unknown = applied.filter((m) => !known.includes(m));
  if (pending.length) {
    throw new TransferError(`The database lacks migrations of this version of the app (${pending.join(", ")}): run \`npm run db:migrate\` on it first`);
  }
  if (unknown.length) {
    throw new TransferError(`The database has migrations this version of the app does not know (${unknown.join(", ")}): export with the version it runs`);
  }
}

/** The archive's lines, decompressed, one at a time (the stream's backpressure holds). */
async function* archiveLines(input: Readable): AsyncGenerator<string, void, undefined> {
  const text = pipelineStreams(input, createGunzip(), () => undefined);
  text.setEncoding("utf8");
  let rest = "";
  try {
    for await (const chunk of text as AsyncIterable<string>) {
      const parts = (rest + chunk).split("\n");
      rest = parts.pop() ?? "";
      for (const line of parts) if (line) yield line;
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("Z_")) {
      throw new TransferError(
        code === "Z_BUF_ERROR"
          ? "The archive is cut off (incomplete gzip data): copy it again"
          : "The file is not an archive written by `npm run db:export` (not gzip data)",
      );
    }
    throw error;
  }
  if (rest) yield rest;
}

function parseJsonLine(text: string, lineNumber: number): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new TransferError(`Line ${lineNumber} of the archive is not JSON: the archive is damaged`);
  }
}

function parseHeader(text: string | undefined): ArchiveHeader {
  if (text === undefined) throw new TransferError("The archive is empty");
  const value = parseJsonLine(text, 1) as { format?: unknown; version?: unknown };
  if (value?.format !== ARCHIVE_FORMAT) throw new TransferError("The file is not an archive written by `npm run db:export`");
  if (value.version !== ARCHIVE_VERSION) {
    throw new TransferError(`The archive has format version ${String(value.version)}; this version of the app reads ${ARCHIVE_VERSION}`);
  }
  const parsed = HeaderSchema.safeParse(value);
  if (!parsed.success) throw new TransferError(`The archive's header is damaged: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

function sameList(a: readonly string[], b: readonly string[]) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The archive must describe the models of this version of the app, with the same second pass. */
function checkHeaderAgainstPlan(header: ArchiveHeader) {
  const named = header.models.map((m) => m.model);
  const missing = MODEL_NAMES.filter((m) => !named.includes(m));
  const repeated = named.filter((m, i) => named.indexOf(m) !== i);
  const deferredDiffer = header.models.filter((m) => !sameList(Object.keys(m.linked).sort(), [...planOf(m.model).deferred].sort()));
  if (missing.length || repeated.length || deferredDiffer.length) {
    throw new TransferError(
      `The archive was written by another version of the app (models missing: ${missing.join(", ") || "none"}; ` +
        `repeated: ${repeated.join(", ") || "none"}; other deferred keys: ${deferredDiffer.map((m) => m.model).join(", ") || "none"}). ` +
        "Export and import with the same version.",
    );
  }
}

function checkMigrations(archive: readonly string[], target: readonly string[]) {
  if (sameList(archive, target)) return;
  const onlyArchive = archive.filter((m) => !target.includes(m));
  const onlyTarget = target.filter((m) => !archive.includes(m));
  throw new TransferError(
    "The archive and the target database are at different migrations " +
      `(only in the archive: ${onlyArchive.join(", ") || "none"}; only in the target: ${onlyTarget.join(", ") || "none"}). ` +
      "Export and import with the same version of the app: run `npm run db:migrate` on the source, then export again.",
  );
}

/** Each model's rows and set deferred keys on `db`, beside what the archive's header says. */
export async function countAgainstHeader(db: Db, header: ArchiveHeader): Promise<CountLine[]> {
  const lines: CountLine[] = [];
  for (const { model, rows, linked } of header.models) {
    const table = delegateOf(db, model);
    lines.push({ name: model, source: rows, target: await table.count() });
    for (const [field, count] of Object.entries(linked)) {
      lines.push({ name: `${model}.${field} (set)`, source: count, target: await table.count({ where: { [field]: { not: null } } }) });
    }
  }
  return lines;
}

export function formatCountTable(lines: readonly CountLine[]): string {
  const width = Math.max("model".length, ...lines.map((l) => l.name.length));
  const numberWidth = Math.max(6, ...lines.flatMap((l) => [String(l.source).length, String(l.target).length]));
  const row = (name: string, source: string, target: string, note = "") =>
    `${name.padEnd(width)} | ${source.padStart(numberWidth)} | ${target.padStart(numberWidth)}${note}`.trimEnd();
  return [
    row("model", "source", "target"),
    `${"-".repeat(width)}-|-${"-".repeat(numberWidth)}-|-${"-".repeat(numberWidth)}`,
    ...lines.map((l) => row(l.name, String(l.source), String(l.target), l.source === l.target ? "" : "  <- differs")),
  ].join("\n");
}

async function nonEmptyModels(db: Db): Promise<string[]> {
  const found: string[] = [];
  for (const model of MODEL_NAMES) {
    const count = await delegateOf(db, model).count();
    if (count > 0) found.push(`${model}: ${count}`);
  }
  return found;
}

/**
 * The second pass's UPDATE of one row. Plain SQL, because an update through Prisma would
 * stamp the row's @updatedAt fields with the time of the import. Tables and columns carry
 * the names of the models and fields (the schema maps none; the plan's test reads the
 * tables under these names).
 */
function linkUpdate(plan: ModelPlan, key: Row, set: Row): Prisma.Sql {
  const name = (identifier: string) => Prisma.raw(`"${identifier.replace(/"/g, '""')}"`);
  const assignments = Prisma.join(Object.entries(set).map(([field, value]) => Prisma.sql`${name(field)} = ${value}`));
  const conditions = Prisma.join(plan.key.map((field) => Prisma.sql`${name(field)} = ${key[field]}`), " AND ");
  return Prisma.sql`UPDATE ${name(plan.model)} SET ${assignments} WHERE ${conditions}`;
}

/** Inserts the archive's rows and applies its second pass; returns what the end line says. */
async function copyRows(tx: Db, lines: AsyncGenerator<string, void, undefined>, header: ArchiveHeader, onProgress?: OnProgress) {
  const expected = new Map(header.models.map((m) => [m.model, m.rows]));
  const order = TRANSFER_PLAN.map((p) => p.model);
  let current: ModelPlan | undefined;
  let batch: Row[] = [];
  let batchLimit = MAX_BATCH_ROWS;
  let insertedOfModel = 0;
  let rows = 0;
  let links = 0;
  let linking = false;
  let end: { rows: number; links: number } | undefined;

  const flush = async () => {
    if (!current || !batch.length) return;
    await delegateOf(tx, current.model).createMany({ data: batch });
    insertedOfModel += batch.length;
    rows += batch.length;
    batch = [];
    await onProgress?.({ model: current.model, rows: insertedOfModel, of: expected.get(current.model) ?? 0 });
  };

  for (let lineNumber = 2; ; lineNumber++) {
    const next = await lines.next();
    if (next.done) break;
    if (end) throw new TransferError(`Line ${lineNumber}: the archive goes on after its end line`);
    const parsed = LineSchema.safeParse(parseJsonLine(next.value, lineNumber));
    if (!parsed.success) throw new TransferError(`Line ${lineNumber} of the archive is not a row, a link or the end line`);
    const line = parsed.data;

    if ("end" in line) {
      await flush();
      end = line.end;
    } else if ("row" in line) {
      if (linking || (current && order.indexOf(line.model) < order.indexOf(current.model))) {
        throw new TransferError(`Line ${lineNumber}: a ${line.model} row out of order; the archive was not written by \`npm run db:export\``);
      }
      if (line.model !== current?.model) {
        await flush();
        current = planOf(line.model);
        insertedOfModel = 0;
        // Fewer rows per statement for wide tables, to stay under the bind parameter limits.
        batchLimit = Math.max(1, Math.min(MAX_BATCH_ROWS, Math.floor(MAX_BIND_PARAMETERS / Math.max(1, Object.keys(line.row).length))));
      }
      const row: Row = { ...line.row };
      for (const field of current.deferred) row[field] = null;
      batch.push(row);
      if (batch.length >= batchLimit) await flush();
    } else {
      await flush();
      linking = true;
      const plan = planOf(line.model);
      const keyOk = sameList(Object.keys(line.key).sort(), [...plan.key].sort());
      const setOk = Object.keys(line.set).length > 0 && Object.keys(line.set).every((f) => plan.deferred.includes(f));
      if (!keyOk || !setOk) throw new TransferError(`Line ${lineNumber}: a ${line.model} link that names other fields than its key and deferred keys`);
      const count = await tx.$executeRaw(linkUpdate(plan, line.key, line.set));
      if (count !== 1) throw new TransferError(`Line ${lineNumber}: a link for a ${line.model} row that the archive does not hold`);
      links++;
    }
  }
  if (!end) throw new TransferError("The archive ends early (no end line): it was cut off while being written or copied");
  if (end.rows !== rows || end.links !== links) {
    throw new TransferError(`The archive holds ${rows} rows and ${links} links, its end line says ${end.rows} and ${end.links}: it is damaged`);
  }
}

export type ImportReport = { header: ArchiveHeader; counts: CountLine[]; matches: boolean };

/**
 * Reads an archive into `db`, which must already be migrated (migrate(url)) to the archive's
 * migrations and hold no rows at all. Everything is written in one transaction: an import
 * that fails at any point, the count check included, leaves the target as empty as it was.
 * Neither database has a practical size limit for one transaction (SQLite grows its WAL,
 * PostgreSQL writes the rows as it goes), so none is split. The counts are taken again after
 * the commit, as the app will see them; `matches` is false when any differs.
 */
export async function importDatabase(db: Db, input: Readable, options: { onProgress?: OnProgress } = {}): Promise<ImportReport> {
  assertPlanComplete();
  const lines = archiveLines(input);
  try {
    const first = await lines.next();
    const header = parseHeader(first.done ? undefined : first.value);
    checkHeaderAgainstPlan(header);
    checkMigrations(header.migrations, await appliedMigrations(db));
    await db.$transaction(async (transaction) => {
      const tx = transaction as unknown as Db;
      const present = await nonEmptyModels(tx);
      if (present.length) {
        throw new TransferError(
          `The target database already holds rows (${present.slice(0, 4).join(", ")}${present.length > 4 ? ", …" : ""}). ` +
            "Import only into a new, empty database: " +
            "create it, and do not start the app on it before the import (the app's start loads reference data).",
        );
      }
      await copyRows(tx, lines, header, options.onProgress);
      const counts = await countAgainstHeader(tx, header);
      if (counts.some((c) => c.source !== c.target)) throw new CountMismatchError(counts);
    }, TRANSACTION_OPTIONS);
    const counts = await countAgainstHeader(db, header);
    return { header, counts, matches: counts.every((c) => c.source === c.target) };
  } finally {
    // Closes the file when the import stops before the archive's end.
    await lines.return(undefined);
  }
}

/** A database URL fit to print: the SQLite file, or the PostgreSQL URL without its password. */
export function describeDatabase(url: string): string {
  if (url.startsWith("file:")) return url.slice("file:".length).split("?")[0];
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(a PostgreSQL database)";
  }
}
