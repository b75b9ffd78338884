// The storage interface: content-addressed, streaming. See storage.server.ts for the why.
import type { Readable } from "node:stream";

export type StoredObject = {
  /** Lower-case hex SHA-256 of the content: also the key. */
  sha256: string;
  size: number;
};

/** Content that has been received and hashed but is not yet kept under its key. */
export interface StagedObject extends StoredObject {
  /** Reads the staged bytes back, e.g. to check them before they are kept. */
  read(): Readable;
  /** Keeps the content under its key. `created` is false when identical content was already stored. */
  commit(): Promise<{ created: boolean }>;
  /** Throws the staged content away (safe to call more than once, and after commit: then a no-op). */
  discard(): Promise<void>;
}

export type ByteSource = AsyncIterable<Uint8Array>;

/** How a store reads, keeps and throws away the bytes it has staged. */
export type StagingActions = {
  read(): Readable;
  commit(): Promise<{ created: boolean }>;
  discard(): Promise<void>;
};

/**
 * A staged object with the rules every store shares: once committed or discarded it can be
 * neither read nor committed again, and a second discard (or one after commit) does nothing.
 */
export function stagedObject(sha256: string, size: number, actions: StagingActions): StagedObject {
  let settled = false;
  const open = () => {
    if (settled) throw new Error("The staged object was already committed or discarded");
  };
  return {
    sha256,
    size,
    read: () => {
      open();
      return actions.read();
    },
    commit: async () => {
      open();
      settled = true;
      return actions.commit();
    },
    discard: async () => {
      if (settled) return;
      settled = true;
      await actions.discard();
    },
  };
}

export interface ObjectStore {
  /** Streams the content in and keeps it under its SHA-256. */
  put(source: ByteSource): Promise<StoredObject & { created: boolean }>;
  /** Streams the content in and hashes it, keeping it aside until commit() or discard(). */
  stage(source: ByteSource): Promise<StagedObject>;
  /** The content of a key; throws ObjectNotFoundError when there is none. */
  get(key: string): Promise<Readable>;
  has(key: string): Promise<boolean>;
  /** Removes the content of a key (no error when there is none). */
  delete(key: string): Promise<void>;
}

export class ObjectNotFoundError extends Error {
  constructor(key: string) {
    super(`No stored object for key ${key}`);
    this.name = "ObjectNotFoundError";
  }
}

export class InvalidKeyError extends Error {
  constructor() {
    super("A storage key is a lower-case hex SHA-256");
    this.name = "InvalidKeyError";
  }
}

const KEY = /^[0-9a-f]{64}$/;

/** Keys come from the database, but a key is also a path: refuse anything but a SHA-256. */
export function assertKey(key: string): void {
  if (!KEY.test(key)) throw new InvalidKeyError();
}
