// Moving a deployment between databases (scripts/db/transfer.ts, `npm run db:export` and
// `npm run db:import`): a SQLite database with the demo data and rows that exercise every
// cycle of the schema goes into PostgreSQL (a throwaway server started here, or the suite's
// own under `npm run test:postgres`), into SQLite, and back out of PostgreSQL, and every row
// must come out field for field. Refusals and damaged archives must leave the target empty.
import { execFile } from "node:child_process";
import { copyFileSync, createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { gunzipSync, gzipSync } from "node:zlib";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countRows, delegateOf, MODEL_NAMES, type ModelName } from "~/platform/db-models.server";
import { createClient, type Db } from "~/platform/db.server";
import { seedDemo } from "../../../prisma/seed/demo";
import { upsertMunicipalities } from "../../../prisma/seed/municipalities";
import { exportToFile } from "../../../scripts/db/export";
import { migrateInOwnProcess } from "../../../scripts/db/migrate-process";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../../../scripts/db/throwaway-postgres";
import { planGaps, TRANSFER_PLAN } from "../../../scripts/db/transfer-plan";
import { CountMismatchError, importDatabase, TransferError } from "../../../scripts/db/transfer";
import { databaseUrl, dropDatabase } from "../../setup/test-database";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../../..");

const dir = mkdtempSync(path.join(tmpdir(), "hb-transfer-"));
let server: ThrowawayPostgres | undefined;
let adminUrl: string;
const pgDatabases: string[] = [];
const clients: Db[] = [];
let sqliteTemplate: string;
let pgTemplate: string;
let source: Db;
let sourceUrl: string;
let archive: string;

function client(url: string) {
  const db = createClient(url, { poolSize: 2 });
  clients.push(db);
  return db;
}

let created = 0;
function uniqueName(prefix: string) {
  return `${prefix}_${process.pid}_${Date.now()}_${created++}`;
}

async function createPgDatabase(template?: string) {
  const name = uniqueName("hb_transfer");
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
  } finally {
    await admin.end();
  }
  pgDatabases.push(name);
  return { name, url: databaseUrl(adminUrl, name) };
}

/** A new, migrated, empty database: a copy of a template migrated once (migrate runs in tests of the CLI). */
async function emptyTarget(provider: "sqlite" | "postgresql"): Promise<{ url: string; db: Db }> {
  if (provider === "postgresql") {
    const { url } = await createPgDatabase(pgTemplate);
    return { url, db: client(url) };
  }
  const file = path.join(dir, `${uniqueName("target")}.db`);
  copyFileSync(sqliteTemplate, file);
  const url = `file:${file}`;
  return { url, db: client(url) };
}

function importFile(db: Db, file = archive) {
  return importDatabase(db, createReadStream(file));
}

function readArchive(file: string): Record<string, unknown>[] {
  return gunzipSync(readFileSync(file))
    .toString("utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

function writeArchive(lines: unknown[]): string {
  const file = path.join(dir, `${uniqueName("edited")}.ndjson.gz`);
  writeFileSync(file, gzipSync(lines.map((l) => `${JSON.stringify(l)}\n`).join("")));
  return file;
}

/** Every row of a model, keyed by its primary key (databases may order text differently). */
async function rowsByKey(db: Db, model: ModelName): Promise<Map<string, Record<string, unknown>>> {
  const plan = TRANSFER_PLAN.find((p) => p.model === model)!;
  const rows = await delegateOf(db, model).findMany();
  return new Map(rows.map((row) => [JSON.stringify(plan.key.map((k) => row[k])), row]));
}

async function expectSameRows(actual: Db, expected: Db) {
  for (const model of MODEL_NAMES) {
    const [want, got] = [await rowsByKey(expected, model), await rowsByKey(actual, model)];
    expect([...got.keys()].sort(), model).toEqual([...want.keys()].sort());
    for (const [key, row] of want) expect(got.get(key), `${model} ${key}`).toEqual(row);
  }
}

async function expectEmpty(db: Db) {
  expect(Object.values(await countRows(db)).every((n) => n === 0)).toBe(true);
}

// Values that a lossy copy would change: a float with all 17 digits, one that is the sum of
// two others, an integral float, milliseconds on dates, a leap day, text JSON must escape.
const EDGE = {
  lat: 51.05434173919234,
  lng: 0.1 + 0.2,
  floorAreaM2: 1234,
  startDate: new Date("2024-02-29T23:59:59.999Z"),
  text: 'Sint-Baafs ✝ “quotes” "double" \\ backslash\nnew line\ttab \u2028 separator 🚲',
};

/**
 * Rows for each cycle of the schema, with ids chosen so that the row referred to sorts after
 * the row referring to it: an import that follows the primary key order alone would fail.
 */
async function addCycleRows(db: Db) {
  const author = await db.user.findFirstOrThrow({ where: { email: "team@herbestemming.test" } });
  const church = await db.church.create({
    data: {
      id: "transfer-church",
      name: EDGE.text,
      nisCode: "44021",
      lat: EDGE.lat,
      lng: EDGE.lng,
      floorAreaM2: EDGE.floorAreaM2,
      postalCode: null,
    },
  });
  await db.dossier.create({
    data: {
      id: "aaa-transfer-dossier",
      reference: "HK-2024-900",
      year: 2024,
      seq: 900,
      churchId: church.id,
      applicantType: "MUNICIPALITY",
      applicantName: "Gemeente Gent",
      startDate: EDGE.startDate,
      targetDate: null,
      phase: "SIMULATION",
    },
  });
  await db.scenario.create({
    data: { id: "zzz-transfer-scenario", dossierId: "aaa-transfer-dossier", name: "Bibliotheek", functionCategory: "LIBRARY" },
  });
  await db.dossier.update({ where: { id: "aaa-transfer-dossier" }, data: { preferredScenarioId: "zzz-transfer-scenario" } });
  await db.simulationVersion.create({
    data: { id: "zzz-transfer-v1", scenarioId: "zzz-transfer-scenario", number: 1, status: "SUPERSEDED", inputs: "{}" },
  });
  await db.simulationVersion.create({
    data: { id: "aaa-transfer-v2", scenarioId: "zzz-transfer-scenario", number: 2, inputs: "{}", basedOnId: "zzz-transfer-v1" },
  });
  const comment = (id: string, parentId: string | null) =>
    db.comment.create({ data: { id, versionId: "aaa-transfer-v2", parentId, authorId: author.id, body: EDGE.text } });
  await comment("zzz-transfer-root", null);
  await comment("aaa-transfer-reply", "zzz-transfer-root");
  await comment("mmm-transfer-reply-to-reply", "aaa-transfer-reply");
  // Tables the demo data leaves empty.
  await db.session.create({ data: { id: "transfer-session", userId: author.id, expiresAt: new Date("2030-01-01T00:00:00.001Z") } });
  await db.loginAttempt.create({ data: { email: author.email, success: false } });
  await db.rateLimitBucket.create({ data: { key: "login:203.0.113.9", windowStart: new Date(), count: 3 } });
  const document = await db.document.create({ data: { dossierId: "aaa-transfer-dossier", title: "Plan", kind: "DESIGN", createdById: author.id } });
  await db.documentVersion.create({
    data: { documentId: document.id, number: 1, fileName: "plan.pdf", mimeType: "application/pdf", size: 1234, sha256: "a".repeat(64) },
  });
  await db.auditEvent.create({ data: { userId: author.id, action: "test", entityType: "Dossier", dossierId: "aaa-transfer-dossier", summary: '{"a":1}' } });
  await db.notification.create({ data: { userId: author.id, kind: "test", dossierId: "aaa-transfer-dossier", readAt: null } });
  await db.outboxMessage.create({ data: { to: author.email, subject: "Onderwerp", body: EDGE.text, attempts: 2, lastError: null } });
}

beforeAll(async () => {
  if (process.env.HB_PG_ADMIN_URL) {
    adminUrl = process.env.HB_PG_ADMIN_URL;
  } else {
    server = await startThrowawayPostgres();
    adminUrl = server.url();
  }
  sqliteTemplate = path.join(dir, "template.db");
  pgTemplate = (await createPgDatabase()).name;
  sourceUrl = `file:${path.join(dir, "source.db")}`;
  await Promise.all([
    migrateInOwnProcess(`file:${sqliteTemplate}`),
    migrateInOwnProcess(databaseUrl(adminUrl, pgTemplate)),
    migrateInOwnProcess(sourceUrl),
  ]);
  source = client(sourceUrl);
  await upsertMunicipalities(source);
  await seedDemo(source);
  await addCycleRows(source);
  archive = path.join(dir, "source.ndjson.gz");
  // Small pages: the cursor crosses many page boundaries, compound keys included.
  await exportToFile(source, "sqlite", archive, { pageSize: 7 });
}, 120_000);

afterAll(async () => {
  for (const db of clients) await db.$disconnect();
  for (const name of pgDatabases.reverse()) await dropDatabase(adminUrl, name);
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("the transfer plan", () => {
  it("names every model once and follows the primary and foreign keys of the migrated schema", () => {
    expect(planGaps()).toEqual({ missing: [], repeated: [] });
    const conn = new Database(sqliteTemplate, { readonly: true });
    try {
      const position = new Map(TRANSFER_PLAN.map((p, i) => [p.model as string, i]));
      for (const [index, plan] of TRANSFER_PLAN.entries()) {
        const columns = conn.pragma(`table_info("${plan.model}")`) as { name: string; notnull: number; pk: number }[];
        const primaryKey = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
        expect(primaryKey, `${plan.model}'s primary key`).toEqual(plan.key);
        const foreignKeys = conn.pragma(`foreign_key_list("${plan.model}")`) as { table: string; from: string }[];
        for (const fk of foreignKeys) {
          const before = position.get(fk.table)! < index;
          expect(before || plan.deferred.includes(fk.from), `${plan.model}.${fk.from} -> ${fk.table}: copy ${fk.table} first or defer the key`).toBe(true);
        }
        for (const field of plan.deferred) {
          expect(foreignKeys.map((fk) => fk.from), `${plan.model}.${field} is a foreign key`).toContain(field);
          expect(columns.find((c) => c.name === field)?.notnull, `${plan.model}.${field} is nullable`).toBe(0);
        }
      }
      // Identity columns would need their sequences moved on along with the rows.
      expect(conn.prepare("SELECT name FROM sqlite_master WHERE sql LIKE '%AUTOINCREMENT%'").all()).toEqual([]);
    } finally {
      conn.close();
    }
  });
});

describe("export", () => {
  it("writes a header with the migrations and the counts, every row, the deferred keys and an end line", async () => {
    const lines = readArchive(archive);
    const header = lines[0] as { format: string; provider: string; migrations: string[]; models: { model: string; rows: number; linked: Record<string, number> }[] };
    expect(header).toMatchObject({ format: "herbestemming-data", version: 1, provider: "sqlite" });
    expect(header.migrations.length).toBeGreaterThan(0);
    const counts = await countRows(source);
    expect(Object.fromEntries(header.models.map((m) => [m.model, m.rows]))).toEqual(counts);
    expect(header.models.find((m) => m.model === "Comment")?.linked).toEqual({ parentId: 2 });

    const rows = lines.filter((l) => "row" in l);
    expect(rows).toHaveLength(Object.values(counts).reduce((a, b) => a + b, 0));
    const church = rows.find((l) => (l.row as { id?: string }).id === "transfer-church")!.row as Record<string, unknown>;
    expect(church).toMatchObject({ lat: EDGE.lat, lng: EDGE.lng, floorAreaM2: EDGE.floorAreaM2, postalCode: null, name: EDGE.text });
    const dossier = rows.find((l) => (l.row as { id?: string }).id === "aaa-transfer-dossier")!.row as Record<string, unknown>;
    expect(dossier).toMatchObject({ startDate: "2024-02-29T23:59:59.999Z", targetDate: null, preferredScenarioId: "zzz-transfer-scenario" });
    expect(lines).toContainEqual({ model: "Comment", key: { id: "aaa-transfer-reply" }, set: { parentId: "zzz-transfer-root" } });
    expect(lines.at(-1)).toEqual({ end: { rows: rows.length, links: lines.filter((l) => "set" in l).length } });
  });

  for (const provider of ["sqlite", "postgresql"] as const) {
    it(`reads one snapshot on ${provider}: a row written during the export is not in the archive`, async () => {
      const { url, db } = await emptyTarget(provider);
      await importFile(db);
      const writer = client(url);
      const before = await db.loginAttempt.count();
      let inserted: string | undefined;
      const file = path.join(dir, `${uniqueName("snapshot")}.ndjson.gz`);
      await exportToFile(db, provider, file, {
        pageSize: 50,
        onProgress: async () => {
          inserted ??= (await writer.loginAttempt.create({ data: { email: "during@export.test", success: true } })).id;
        },
      });
      expect(await db.loginAttempt.count()).toBe(before + 1);
      const attempts = readArchive(file).filter((l) => l.model === "LoginAttempt" && "row" in l);
      expect(attempts).toHaveLength(before);
      expect(attempts.map((l) => (l.row as { id: string }).id)).not.toContain(inserted);
    }, 60_000);
  }

  it("refuses to replace a file, and a database at other migrations than the app's", async () => {
    await expect(exportToFile(source, "sqlite", archive)).rejects.toThrow(/exists already/);
    const { db } = await emptyTarget("sqlite");
    const [latest] = await db.$queryRawUnsafe<{ name: string }[]>("SELECT max(migration_name) AS name FROM _prisma_migrations");
    await db.$executeRawUnsafe("DELETE FROM _prisma_migrations WHERE migration_name = ?", latest.name);
    const file = path.join(dir, `${uniqueName("behind")}.ndjson.gz`);
    await expect(exportToFile(db, "sqlite", file)).rejects.toThrow(`lacks migrations of this version of the app (${latest.name})`);
    expect(existsSync(file) || existsSync(`${file}.partial`)).toBe(false);
  });
});

describe("import", () => {
  it("copies a SQLite deployment into PostgreSQL: every row field for field, counts checked", async () => {
    const { db } = await emptyTarget("postgresql");
    const report = await importFile(db);
    expect(report.matches).toBe(true);
    const counts = await countRows(source);
    for (const model of MODEL_NAMES) expect(report.counts.find((c) => c.name === model)).toEqual({ name: model, source: counts[model], target: counts[model] });
    expect(report.counts.find((c) => c.name === "Comment.parentId (set)")).toEqual({ name: "Comment.parentId (set)", source: 2, target: 2 });
    await expectSameRows(db, source);

    const church = await db.church.findUniqueOrThrow({ where: { id: "transfer-church" } });
    expect(Object.is(church.lat, EDGE.lat) && Object.is(church.lng, EDGE.lng)).toBe(true);
    expect(church).toMatchObject({ floorAreaM2: 1234, postalCode: null, name: EDGE.text });
    const dossier = await db.dossier.findUniqueOrThrow({ where: { id: "aaa-transfer-dossier" } });
    expect(dossier.startDate.getTime()).toBe(EDGE.startDate.getTime());
    expect(dossier).toMatchObject({ targetDate: null, preferredScenarioId: "zzz-transfer-scenario" });
    expect(await db.simulationVersion.findUniqueOrThrow({ where: { id: "aaa-transfer-v2" } })).toMatchObject({ basedOnId: "zzz-transfer-v1" });
    const thread = await db.comment.findUniqueOrThrow({ where: { id: "zzz-transfer-root" }, include: { replies: { include: { replies: true } } } });
    expect(thread.replies.map((r) => [r.id, r.replies.map((rr) => rr.id)])).toEqual([["aaa-transfer-reply", ["mmm-transfer-reply-to-reply"]]]);
  }, 60_000);

  it("copies SQLite into SQLite, and PostgreSQL back into SQLite, with every row unchanged", async () => {
    const sqlite = await emptyTarget("sqlite");
    expect((await importFile(sqlite.db)).matches).toBe(true);
    await expectSameRows(sqlite.db, source);

    const postgres = await emptyTarget("postgresql");
    await importFile(postgres.db);
    const fromPostgres = path.join(dir, `${uniqueName("from-postgres")}.ndjson.gz`);
    await exportToFile(postgres.db, "postgresql", fromPostgres, { pageSize: 13 });
    const back = await emptyTarget("sqlite");
    expect((await importFile(back.db, fromPostgres)).matches).toBe(true);
    await expectSameRows(back.db, source);
  }, 60_000);

  for (const provider of ["postgresql", "sqlite"] as const) {
    it(`refuses a ${provider} target that holds rows, and writes nothing`, async () => {
      const { db } = await emptyTarget(provider);
      // What the app's first start does: the reference data.
      await upsertMunicipalities(db);
      const before = await countRows(db);
      await expect(importFile(db)).rejects.toThrow(/already holds rows \(Municipality: 285\)/);
      expect(await countRows(db)).toEqual(before);
    }, 60_000);
  }

  it("leaves the target empty when a row fails halfway (one transaction)", async () => {
    const lines = readArchive(archive);
    // The church that the cycle rows' dossier needs, taken out; header and end line adjusted
    // so that only the foreign key can fail, after hundreds of rows went in.
    const kept = lines.filter((l) => !(l.model === "Church" && (l.row as { id?: string } | undefined)?.id === "transfer-church"));
    const header = kept[0] as { models: { model: string; rows: number }[] };
    header.models.find((m) => m.model === "Church")!.rows -= 1;
    (kept.at(-1) as { end: { rows: number } }).end.rows -= 1;
    const { db } = await emptyTarget("postgresql");
    await expect(importFile(db, writeArchive(kept))).rejects.toThrow();
    await expectEmpty(db);
  }, 60_000);

  it("refuses an archive from other migrations, a cut-off or unended archive, and one whose counts are off", async () => {
    const lines = readArchive(archive);
    const { db } = await emptyTarget("sqlite");

    const otherMigrations = structuredClone(lines);
    (otherMigrations[0] as { migrations: string[] }).migrations.push("29990101000000_from_the_future");
    await expect(importFile(db, writeArchive(otherMigrations))).rejects.toThrow(/different migrations \(only in the archive: 29990101000000_from_the_future/);

    const cut = path.join(dir, "cut.ndjson.gz");
    const bytes = readFileSync(archive);
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    await expect(importFile(db, cut)).rejects.toThrow(/cut off/);

    await expect(importFile(db, writeArchive(lines.slice(0, -1)))).rejects.toThrow(/ends early/);

    const notAnArchive = path.join(dir, "plain.txt");
    writeFileSync(notAnArchive, "model,rows\n");
    await expect(importFile(db, notAnArchive)).rejects.toThrow(TransferError);

    const miscounted = structuredClone(lines);
    (miscounted[0] as { models: { model: string; rows: number }[] }).models.find((m) => m.model === "Task")!.rows += 1;
    const error = await importFile(db, writeArchive(miscounted)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CountMismatchError);
    const task = (error as CountMismatchError).counts.find((c) => c.name === "Task")!;
    expect(task.source).toBe(task.target + 1);
    expect((error as Error).message).toMatch(/Task +\| +\d+ \| +\d+ +<- differs/);

    await expectEmpty(db);
  }, 60_000);
});

describe("the command line", () => {
  const cli = (script: string, args: string[], env: Record<string, string>) =>
    run(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/db", script), ...args], { cwd: ROOT, env: { ...process.env, ...env } }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );

  it("npm run db:export and db:import move a database into a new file and print the counts", async () => {
    const file = path.join(dir, "cli.ndjson.gz");
    const exported = await cli("export.ts", ["--out", file], { DATABASE_URL: sourceUrl });
    expect(exported.stderr).toBe("");
    expect(exported).toMatchObject({ code: 0 });
    expect(exported.stdout).toMatch(/Archive written: \d+ rows of 27 models/);

    // A target that does not exist yet: the import creates and migrates it.
    const targetUrl = `file:${path.join(dir, "cli-target", "herbestemming.db")}`;
    const imported = await cli("import.ts", [file], { DATABASE_URL: targetUrl });
    expect(imported.stderr).toBe("");
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/model +\| source \| target/);
    expect(imported.stdout).toMatch(/Municipality +\| +285 \| +285/);
    expect(imported.stdout).toMatch(/all counts match/);
    const target = client(targetUrl);
    await expectSameRows(target, source);
    // Migrating a SQLite file needs it to itself (the import's target is never in use).
    await target.$disconnect();

    const again = await cli("import.ts", [file], { DATABASE_URL: targetUrl });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/Import failed: The target database already holds rows/);

    expect((await cli("import.ts", [], { DATABASE_URL: targetUrl })).code).toBe(2);
    const exists = await cli("export.ts", ["--out", file], { DATABASE_URL: sourceUrl });
    expect(exists.code).toBe(1);
    expect(exists.stderr).toMatch(/exists already/);
  }, 60_000);
});
