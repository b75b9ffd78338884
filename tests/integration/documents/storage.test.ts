import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { text } from "node:stream/consumers";
import { beforeEach, describe, expect, it } from "vitest";
import { InvalidKeyError, ObjectNotFoundError } from "~/platform/storage.server";
import { LocalFolderStore } from "~/platform/storage/local.server";

async function* chunks(...parts: string[]) {
  for (const part of parts) yield new TextEncoder().encode(part);
}

const sha = (s: string) => createHash("sha256").update(s).digest("hex");

let root: string;
let store: LocalFolderStore;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "hb-store-"));
  store = new LocalFolderStore(root);
});

async function filesUnder(dir: string) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}

describe("LocalFolderStore", () => {
  it("stores content under its SHA-256 in sharded folders and reads it back as a stream", async () => {
    const put = await store.put(chunks("Hallo ", "kerk"));
    expect(put).toEqual({ sha256: sha("Hallo kerk"), size: 10, created: true });
    const key = put.sha256;
    expect(await filesUnder(root)).toEqual([path.join(key.slice(0, 2), key.slice(2, 4), key)]);
    expect(await text(await store.get(key))).toBe("Hallo kerk");
    expect(await store.has(key)).toBe(true);
  });

  it("keeps identical content once", async () => {
    const first = await store.put(chunks("zelfde"));
    const second = await store.put(chunks("zel", "fde"));
    expect(second).toEqual({ ...first, created: false });
    expect((await filesUnder(root)).filter((f) => !f.startsWith(".staging"))).toHaveLength(1);
  });

  it("stages without publishing, and leaves nothing behind on discard", async () => {
    const staged = await store.stage(chunks("nog niet"));
    expect(await store.has(staged.sha256)).toBe(false);
    expect(await text(staged.read())).toBe("nog niet");
    await staged.discard();
    expect(await filesUnder(root)).toEqual([]);
    await expect(staged.commit()).rejects.toThrow();
  });

  it("removes the partial file when the source fails midway", async () => {
    async function* failing() {
      yield new TextEncoder().encode("begin");
      throw new Error("verbinding verbroken");
    }
    await expect(store.stage(failing())).rejects.toThrow("verbinding verbroken");
    expect(await filesUnder(root)).toEqual([]);
  });

  it("refuses keys that are not a SHA-256 (no path tricks)", async () => {
    await expect(store.get("../../etc/passwd")).rejects.toBeInstanceOf(InvalidKeyError);
    await expect(store.has("ABC")).rejects.toBeInstanceOf(InvalidKeyError);
    await expect(store.get(sha("ontbreekt"))).rejects.toBeInstanceOf(ObjectNotFoundError);
  });

  it("deletes content, quietly when it is already gone", async () => {
    const { sha256 } = await store.put(chunks("weg"));
    await store.delete(sha256);
    expect(await store.has(sha256)).toBe(false);
    await store.delete(sha256);
  });

  it("writes big content without holding it whole (chunk by chunk)", async () => {
    const mb = "x".repeat(1024 * 1024);
    async function* big() {
      for (let i = 0; i < 20; i++) yield new TextEncoder().encode(mb);
    }
    const put = await store.put(big());
    expect(put.size).toBe(20 * 1024 * 1024);
    const file = path.join(root, put.sha256.slice(0, 2), put.sha256.slice(2, 4), put.sha256);
    expect((await readFile(file)).length).toBe(20 * 1024 * 1024);
  });
});
