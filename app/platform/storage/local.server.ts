// The local folder store: <root>/ab/cd/<sha256>. Content is written to <root>/.staging while
// it is hashed, flushed to disk, and only then renamed to its key. A rename within one file
// system is atomic, so a reader never sees half a file under a key, and a crash leaves at
// most a stray staging file (swept after a day).
import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, open, readdir, rename, stat, unlink } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  assertKey,
  type ByteSource,
  ObjectNotFoundError,
  type ObjectStore,
  type StagedObject,
  stagedObject,
  type StoredObject,
} from "./object-store";

const STAGING = ".staging";
const STALE_STAGING_MS = 24 * 60 * 60 * 1000;

function isCode(error: unknown, code: string) {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === code;
}

async function unlinkQuietly(file: string) {
  try {
    await unlink(file);
  } catch (error) {
    if (!isCode(error, "ENOENT")) throw error;
  }
}

export class LocalFolderStore implements ObjectStore {
  private swept = false;

  constructor(readonly root: string) {}

  /** Where a key's content lives: two levels of folders keep directories small. */
  pathOf(key: string): string {
    assertKey(key);
    return path.join(this.root, key.slice(0, 2), key.slice(2, 4), key);
  }

  async put(source: ByteSource): Promise<StoredObject & { created: boolean }> {
    const staged = await this.stage(source);
    const { created } = await staged.commit();
    return { sha256: staged.sha256, size: staged.size, created };
  }

  async stage(source: ByteSource): Promise<StagedObject> {
    const stagingDir = path.join(this.root, STAGING);
    await mkdir(stagingDir, { recursive: true });
    await this.sweepOnce(stagingDir);
    const file = path.join(stagingDir, randomUUID());
    const hash = createHash("sha256");
    let size = 0;
    try {
      await pipeline(
        source,
        async function* (chunks: AsyncIterable<Uint8Array>) {
          for await (const chunk of chunks) {
            hash.update(chunk);
            size += chunk.byteLength;
            yield chunk;
          }
        },
        // flush: fsync before close, so a key never names a file that a power cut could empty.
        createWriteStream(file, { flags: "wx", mode: 0o640, flush: true }),
      );
    } catch (error) {
      await unlinkQuietly(file);
      throw error;
    }
    return this.stagedObject(file, hash.digest("hex"), size);
  }

  private stagedObject(file: string, sha256: string, size: number): StagedObject {
    return stagedObject(sha256, size, {
      // A plain byte stream (not object mode), as file-type's tokenizer expects.
      read: () => createReadStream(file),
      commit: async () => {
        const target = this.pathOf(sha256);
        if (await this.exists(target)) {
          await unlinkQuietly(file);
          return { created: false };
        }
        await mkdir(path.dirname(target), { recursive: true });
        // Two identical uploads at once both rename: the second replaces identical bytes.
        await rename(file, target);
        return { created: true };
      },
      discard: () => unlinkQuietly(file),
    });
  }

  async get(key: string): Promise<Readable> {
    const file = this.pathOf(key);
    try {
      const handle = await open(file, "r");
      return handle.createReadStream();
    } catch (error) {
      if (isCode(error, "ENOENT")) throw new ObjectNotFoundError(key);
      throw error;
    }
  }

  async has(key: string): Promise<boolean> {
    return this.exists(this.pathOf(key));
  }

  async delete(key: string): Promise<void> {
    await unlinkQuietly(this.pathOf(key));
  }

  private async exists(file: string) {
    try {
      return (await stat(file)).isFile();
    } catch (error) {
      if (isCode(error, "ENOENT")) return false;
      throw error;
    }
  }

  /** Staging files of uploads that never finished (a crash, a killed process). */
  private async sweepOnce(stagingDir: string) {
    if (this.swept) return;
    this.swept = true;
    const now = Date.now();
    for (const name of await readdir(stagingDir)) {
      const file = path.join(stagingDir, name);
      try {
        if (now - (await stat(file)).mtimeMs > STALE_STAGING_MS) await unlinkQuietly(file);
      } catch {
        // Another process may be sweeping too; a file that vanished is fine.
      }
    }
  }
}
