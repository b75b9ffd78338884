// Content-addressed file storage: every stored file is named by the SHA-256 of its bytes, so
// identical content is kept once and a key can never point at other bytes than the ones that
// were hashed. Files stream through; nothing is ever held whole in memory. The local folder
// store (storage/local.server.ts) is the default; STORAGE_DRIVER=s3 picks the S3-compatible
// store (storage/s3.server.ts), which stages to a temporary key and copies to the hash key
// on commit. The variables: storage/storage-config.ts; why: docs/decisions/0005 and 0007.
import path from "node:path";
import { ZodError } from "zod";
import { formatEnvError, getEnv } from "./env.server";
import { LocalFolderStore } from "./storage/local.server";
import type { ObjectStore } from "./storage/object-store";
import { s3StoreFromConfig } from "./storage/s3.server";
import { parseStorageConfig, type StorageConfig } from "./storage/storage-config";

export * from "./storage/object-store";

/** A storage variable is missing or malformed; the message names it, one line per problem. */
export class StorageConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StorageConfigError";
  }
}

/** The storage configuration of this environment; throws StorageConfigError when it is wrong. */
export function storageConfigFrom(source: Record<string, string | undefined> = process.env): StorageConfig {
  try {
    return parseStorageConfig(source);
  } catch (error) {
    if (error instanceof ZodError) throw new StorageConfigError(formatEnvError(error));
    throw error;
  }
}

export function storeFor(config: StorageConfig): ObjectStore {
  if (config.driver === "s3") return s3StoreFromConfig(config);
  return new LocalFolderStore(path.resolve(getEnv().DATA_DIR, "uploads"));
}

let store: ObjectStore | undefined;

/**
 * The store of this process: files under <DATA_DIR>/uploads, or the S3 bucket when
 * STORAGE_DRIVER=s3. Called at start, a wrong variable stops the app there instead of
 * failing the first upload (StorageConfigError: one line per variable).
 */
export function getStore(): ObjectStore {
  store ??= storeFor(storageConfigFrom());
  return store;
}

/** For tests and tools that need another store. */
export function setStore(next: ObjectStore | undefined) {
  store = next;
}
