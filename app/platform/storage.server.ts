// Content-addressed file storage: every stored file is named by the SHA-256 of its bytes, so
// identical content is kept once and a key can never point at other bytes than the ones that
// were hashed. Files stream through; nothing is ever held whole in memory. The local folder
// store (storage/local.server.ts) is the default; an S3 store can implement the same
// interface (stage to a temporary key, copy to the hash key on commit).
import path from "node:path";
import { getEnv } from "./env.server";
import { LocalFolderStore } from "./storage/local.server";
import type { ObjectStore } from "./storage/object-store";

export * from "./storage/object-store";

let store: ObjectStore | undefined;

/** The store of this process: files under <DATA_DIR>/uploads. */
export function getStore(): ObjectStore {
  store ??= new LocalFolderStore(path.resolve(getEnv().DATA_DIR, "uploads"));
  return store;
}

/** For tests and tools that need another store. */
export function setStore(next: ObjectStore | undefined) {
  store = next;
}
