// Drives Prisma's schema engine compiled to WebAssembly (@prisma/schema-engine-wasm)
// through a driver adapter, so migrations run on machines that cannot download Prisma's
// native engine binaries. See docs/decisions/0002-sqlite-and-migration-runner.md.
import { readFileSync, readdirSync, existsSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { inspect } from "node:util";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type * as EngineModule from "@prisma/schema-engine-wasm";
import type {
  MigrationList,
  SchemaEngine,
  SchemasContainer,
} from "@prisma/schema-engine-wasm";
import { providerOf, sqliteFilePath, type Provider } from "../../app/platform/database-url";

export const projectRoot = fileURLToPath(new URL("../..", import.meta.url));
const require = createRequire(import.meta.url);

export type { Provider };
export const PROVIDERS: readonly Provider[] = ["sqlite", "postgresql"];

export function providerDir(provider: Provider) {
  return path.join(projectRoot, "prisma", provider);
}

let engineModule: typeof EngineModule | undefined;

/** Instantiates the wasm module once (Node 20 cannot import .wasm files as ES modules). */
async function loadEngineModule() {
  if (engineModule) return engineModule;
  const bg = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as Record<string, unknown> &
    typeof EngineModule;
  const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm");
  const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), {
    "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports,
  });
  (bg.__wbg_set_wasm as (exports: WebAssembly.Exports) => void)(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  engineModule = bg;
  return bg;
}

/** Reads every .prisma file of a provider folder (the shared models file is a symlink). */
export function readSchemaFiles(provider: Provider): SchemasContainer {
  const dir = providerDir(provider);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".prisma"))
    .sort()
    .map((f) => ({ path: path.join(dir, f), content: readFileSync(path.join(dir, f), "utf8") }));
  return { files };
}

/** Loads the committed migration folders in the shape the engine expects. */
export function readMigrations(provider: Provider): MigrationList {
  const baseDir = path.join(providerDir(provider), "migrations");
  const lockPath = path.join(baseDir, "migration_lock.toml");
  const dirs = existsSync(baseDir)
    ? readdirSync(baseDir)
        .filter((d) => statSync(path.join(baseDir, d)).isDirectory())
        .sort()
    : [];
  return {
    baseDir,
    lockfile: {
      path: "migration_lock.toml",
      content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((d) => {
      const file = path.join(baseDir, d, "migration.sql");
      return {
        path: d,
        migrationFile: {
          path: "migration.sql",
          content: existsSync(file)
            ? { tag: "ok" as const, value: readFileSync(file, "utf8") }
            : { tag: "error" as const, value: `missing ${file}` },
        },
      };
    }),
  };
}

/** The driver adapter for a database URL (the engine connects lazily, on first use). */
function adapterFor(databaseUrl: string) {
  return providerOf(databaseUrl) === "postgresql"
    ? new PrismaPg({ connectionString: databaseUrl })
    : new PrismaBetterSqlite3({ url: sqliteFilePath(databaseUrl) });
}

/** Connections each engine opened, so closing the engine also closes them. */
const connectionsOf = new WeakMap<SchemaEngine, { dispose(): Promise<void> }[]>();

/**
 * Opens the engine on a database. The provider follows the URL; for diffs between two
 * datamodels no data is read. Close it with closeSchemaEngine: freeing the engine alone
 * leaves its database connection open (a SQLite lock, or a pg pool keeping node alive).
 */
export async function openSchemaEngine(databaseUrl: string, provider: Provider = providerOf(databaseUrl)) {
  const mod = await loadEngineModule();
  const adapterFactory = adapterFor(databaseUrl);
  const opened: { dispose(): Promise<void> }[] = [];
  // Same factory, but remembering what it connects.
  const tracking = Object.create(adapterFactory) as typeof adapterFactory;
  tracking.connect = async () => {
    const adapter = await adapterFactory.connect();
    opened.push(adapter);
    return adapter;
  };
  const schema = readSchemaFiles(provider);
  const bound = bindMigrationAwareSqlAdapterFactory(tracking);
  lastBound = bound;
  const engine: SchemaEngine = await mod.SchemaEngine.new(
    { datamodels: schema.files.map((f) => [f.path, f.content] as [string, string]) },
    (log: string) => {
      if (process.env.DEBUG_SCHEMA_ENGINE) console.error(log);
    },
    bound,
  );
  connectionsOf.set(engine, opened);
  return engine;
}

/**
 * Frees the engine and closes its connections. (The engine may still hold a timer of its
 * own for a few seconds: command-line scripts end with process.exit rather than wait.)
 */
export async function closeSchemaEngine(engine: SchemaEngine) {
  engine.free();
  for (const connection of connectionsOf.get(engine) ?? []) {
    await connection.dispose().catch(() => undefined);
    // pg: disposing returns the client to a pool the adapter made itself; end that pool too,
    // or its idle client keeps the process alive for another ten seconds.
    const driver = (connection as { underlyingDriver?: () => unknown }).underlyingDriver?.();
    if (driver && typeof (driver as { end?: unknown }).end === "function") {
      await (driver as { end(): Promise<void> }).end().catch(() => undefined);
    }
  }
}

let lastBound: ReturnType<typeof bindMigrationAwareSqlAdapterFactory> | undefined;

/** Replaces the engine's opaque "External error id#N" with the driver's own message. */
export function explainEngineError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/External error id#(\d+)/g, (whole, id: string) => {
    const record = lastBound?.errorRegistry.consumeError(Number(id));
    return record ? `${whole}: ${inspect(record.error, { depth: 3 })}` : whole;
  });
}

export const noFilter = { externalTables: [], externalEnums: [] };

/** Where the models stand as of the newest migration (both providers share it). */
export const MIGRATED_MODELS = path.join(projectRoot, "prisma", "migrated-models.prisma");
const MODELS = path.join(projectRoot, "prisma", "models.prisma");

export function readModels() {
  return readFileSync(MODELS, "utf8");
}

export function readMigratedModels() {
  return readFileSync(MIGRATED_MODELS, "utf8");
}

/** A provider's schema files with another version of the shared models file swapped in. */
function schemaWithModels(provider: Provider, models: string): SchemasContainer {
  return {
    files: readSchemaFiles(provider).files.map((f) =>
      path.basename(f.path) === "models.prisma" ? { ...f, content: models } : f,
    ),
  };
}

/**
 * The SQL that takes a provider's database from one version of the models to another
 * (`from` null means an empty database), or null when there is nothing to do. The engine
 * reads no data, but for PostgreSQL it insists on a live server at start: pass its URL.
 */
export async function diffModels(
  provider: Provider,
  from: string | null,
  to: string,
  databaseUrl = "file::memory:",
): Promise<string | null> {
  const engine = await openSchemaEngine(databaseUrl, provider);
  try {
    const result = await engine.diff({
      from: from === null ? { tag: "empty" } : { tag: "schemaDatamodel", ...schemaWithModels(provider, from) },
      to: { tag: "schemaDatamodel", ...schemaWithModels(provider, to) },
      script: true,
      exitCode: true,
      filters: noFilter,
    });
    const sql = result.stdout?.trim() ?? "";
    return result.exitCode === 0 || !sql || /^-- This is an empty migration/.test(sql) ? null : `${sql}\n`;
  } finally {
    await closeSchemaEngine(engine);
  }
}

/** The differences between a live database and the models (null when they match). */
export async function diffDatabaseAgainstModels(databaseUrl: string): Promise<string | null> {
  const provider = providerOf(databaseUrl);
  const engine = await openSchemaEngine(databaseUrl, provider);
  try {
    const schema = readSchemaFiles(provider);
    const result = await engine.diff({
      from: { tag: "schemaDatasource", files: schema.files, configDir: projectRoot },
      to: { tag: "schemaDatamodel", ...schema },
      script: true,
      exitCode: true,
      filters: noFilter,
    });
    const sql = result.stdout?.trim() ?? "";
    return result.exitCode === 0 || !sql || /^-- This is an empty migration/.test(sql) ? null : sql;
  } finally {
    await closeSchemaEngine(engine);
  }
}
