// The S3 store against a real S3-protocol server (s3rver) started here: every request is
// signed, sent over HTTP and answered from s3rver's folder, as a deployment's bucket would.
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storageConfigFrom, storeFor } from "~/platform/storage.server";
import { InvalidKeyError, ObjectNotFoundError } from "~/platform/storage/object-store";
import { DEFAULT_PART_SIZE, S3ObjectStore } from "~/platform/storage/s3.server";
import { createBucket, listKeys, S3RVER_CREDENTIALS, type S3TestServer, startS3Server } from "./s3-server";

const MiB = 1024 * 1024;

let s3: S3TestServer;
/** Clients made by single tests, closed at the end so no socket outlives the server. */
const clients: S3Client[] = [];

beforeAll(async () => {
  s3 = await startS3Server();
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await s3?.stop();
});

const sha = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");

async function* chunks(...parts: (string | Uint8Array)[]) {
  for (const part of parts) yield typeof part === "string" ? new TextEncoder().encode(part) : part;
}

/**
 * `total` bytes of a repeating pattern, made chunk by chunk as they are asked for. `pulled`
 * counts what the consumer has taken so far.
 */
function generated(total: number, chunkBytes = 64 * 1024) {
  const counter = { pulled: 0, finished: false };
  const pattern = new Uint8Array(chunkBytes);
  for (let i = 0; i < chunkBytes; i++) pattern[i] = (i * 31 + 7) % 251;
  async function* source() {
    let left = total;
    while (left > 0) {
      const piece = left >= chunkBytes ? pattern : pattern.subarray(0, left);
      left -= piece.byteLength;
      counter.pulled += piece.byteLength;
      // A copy per chunk, as a network stream hands out fresh buffers.
      yield piece.slice();
    }
    counter.finished = true;
  }
  const hash = createHash("sha256");
  for (let left = total; left > 0; left -= chunkBytes) hash.update(pattern.subarray(0, Math.min(left, chunkBytes)));
  return { source: source(), counter, sha256: hash.digest("hex") };
}

async function hashOf(stream: Readable) {
  const hash = createHash("sha256");
  let size = 0;
  let chunkCount = 0;
  let largestChunk = 0;
  for await (const chunk of stream) {
    hash.update(chunk);
    size += chunk.byteLength;
    chunkCount += 1;
    largestChunk = Math.max(largestChunk, chunk.byteLength);
  }
  return { sha256: hash.digest("hex"), size, chunkCount, largestChunk };
}

type Sent = { command: string; pulled: number };

/** A client of its own that records every command it sends (and how far a source was read then). */
function recordingClient(counter?: { pulled: number }) {
  const client = new S3Client({ endpoint: s3.endpoint, region: "us-east-1", credentials: S3RVER_CREDENTIALS, forcePathStyle: true });
  clients.push(client);
  const sent: Sent[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      sent.push({ command: context.commandName ?? "?", pulled: counter?.pulled ?? 0 });
      return next(args);
    },
    { step: "initialize", name: "recordCommands" },
  );
  return { client, sent };
}

async function freshStore(prefix = "") {
  const bucket = await createBucket(s3.client);
  return { bucket, store: new S3ObjectStore({ client: s3.client, bucket, prefix }) };
}

const keyOf = (prefix: string, hash: string) => `${prefix}${hash.slice(0, 2)}/${hash.slice(2, 4)}/${hash}`;

describe("S3ObjectStore", () => {
  it("stores binary content under its SHA-256 and streams it back", async () => {
    const { bucket, store } = await freshStore();
    const bytes = new Uint8Array(256 * 3).map((_, i) => i % 256);
    const put = await store.put(chunks(bytes.subarray(0, 100), bytes.subarray(100, 101), bytes.subarray(101)));
    expect(put).toEqual({ sha256: sha(bytes), size: bytes.byteLength, created: true });
    expect(await listKeys(s3.client, bucket)).toEqual([keyOf("", put.sha256)]);
    const body = await store.get(put.sha256);
    expect(body).toBeInstanceOf(Readable);
    expect(new Uint8Array(Buffer.concat(await body.toArray()))).toEqual(bytes);
    expect(await store.has(put.sha256)).toBe(true);
  });

  it("stores empty content", async () => {
    const { store } = await freshStore();
    const put = await store.put(chunks());
    expect(put).toEqual({ sha256: sha(""), size: 0, created: true });
    expect(await text(await store.get(put.sha256))).toBe("");
  });

  it("sends a 12 MB stream in several parts and streams it back in chunks", async () => {
    const { bucket } = await freshStore();
    const file = generated(12 * MiB);
    const { client, sent } = recordingClient(file.counter);
    const store = new S3ObjectStore({ client, bucket });
    const put = await store.put(file.source);
    expect(put).toEqual({ sha256: file.sha256, size: 12 * MiB, created: true });
    expect(sent.filter((s) => s.command === "UploadPartCommand")).toHaveLength(3);
    expect(sent.map((s) => s.command)).toContain("CompleteMultipartUploadCommand");

    const back = await hashOf(await store.get(put.sha256));
    expect(back.sha256).toBe(file.sha256);
    expect(back.size).toBe(12 * MiB);
    // The body arrives as the network delivers it, not as one buffer of the whole file.
    expect(back.chunkCount).toBeGreaterThan(12);
    expect(back.largestChunk).toBeLessThan(MiB);
  });

  it("never holds the whole file: the source is read part by part while parts are sent", async () => {
    const { bucket } = await freshStore();
    const total = 24 * MiB;
    const file = generated(total);
    const { client, sent } = recordingClient(file.counter);
    const store = new S3ObjectStore({ client, bucket });
    const staged = await store.stage(file.source);
    expect(staged.sha256).toBe(file.sha256);
    await staged.discard();

    const parts = sent.filter((s) => s.command === "UploadPartCommand");
    expect(parts).toHaveLength(Math.ceil(total / DEFAULT_PART_SIZE));
    // When part n leaves, the source has given at most part n and the start of part n+1:
    // what was read minus what was sent before never exceeds two parts.
    parts.forEach((part, index) => {
      const sentBefore = index * DEFAULT_PART_SIZE;
      expect(part.pulled - sentBefore).toBeLessThanOrEqual(2 * DEFAULT_PART_SIZE);
    });
    expect(parts[0].pulled).toBeLessThan(total / 2);
    expect(file.counter.finished).toBe(true);
  });

  it("keeps identical content once", async () => {
    const { bucket, store } = await freshStore();
    const first = await store.put(chunks("zelfde inhoud"));
    const second = await store.put(chunks("zelfde ", "inhoud"));
    expect(second).toEqual({ ...first, created: false });
    expect(await listKeys(s3.client, bucket)).toEqual([keyOf("", first.sha256)]);
  });

  it("stages under a temporary key, reads it back, and commits it to its hash key", async () => {
    const { bucket, store } = await freshStore();
    const staged = await store.stage(chunks("nog ", "niet ", "bewaard"));
    expect(staged).toMatchObject({ sha256: sha("nog niet bewaard"), size: 16 });
    expect(await store.has(staged.sha256)).toBe(false);
    const [stagingKey] = await listKeys(s3.client, bucket);
    expect(stagingKey).toMatch(/^staging\/[0-9a-f-]{36}$/);
    expect(await text(staged.read())).toBe("nog niet bewaard");

    expect(await staged.commit()).toEqual({ created: true });
    expect(await listKeys(s3.client, bucket)).toEqual([keyOf("", staged.sha256)]);
    expect(await text(await store.get(staged.sha256))).toBe("nog niet bewaard");
    await expect(staged.commit()).rejects.toThrow(/already committed/);
    expect(() => staged.read()).toThrow(/already committed/);
    await staged.discard();
    expect(await store.has(staged.sha256)).toBe(true);
  });

  it("commits content that is already stored without a copy, and removes the staging object", async () => {
    const { bucket, store } = await freshStore();
    await store.put(chunks("al bewaard"));
    const staged = await store.stage(chunks("al bewaard"));
    expect(await listKeys(s3.client, bucket)).toHaveLength(2);
    expect(await staged.commit()).toEqual({ created: false });
    expect(await listKeys(s3.client, bucket)).toEqual([keyOf("", sha("al bewaard"))]);
  });

  it("leaves nothing behind when a staged object is discarded", async () => {
    const { bucket, store } = await freshStore();
    const staged = await store.stage(chunks("weg ermee"));
    expect(await listKeys(s3.client, bucket)).toHaveLength(1);
    await staged.discard();
    await staged.discard();
    expect(await listKeys(s3.client, bucket)).toEqual([]);
    await expect(staged.commit()).rejects.toThrow(/already committed or discarded/);
  });

  it("passes on the source's own error and keeps nothing when the source fails mid-upload", async () => {
    const { bucket, store } = await freshStore();
    const failure = new Error("verbinding verbroken");
    const file = generated(7 * MiB);
    async function* failing() {
      // More than one part first, so the failure interrupts a multipart upload.
      yield* file.source;
      throw failure;
    }
    await expect(store.stage(failing())).rejects.toBe(failure);
    expect(await listKeys(s3.client, bucket)).toEqual([]);
  });

  it("answers a missing key with ObjectNotFoundError, has() false, and a quiet delete", async () => {
    const { store } = await freshStore();
    const missing = sha("nergens");
    await expect(store.get(missing)).rejects.toBeInstanceOf(ObjectNotFoundError);
    expect(await store.has(missing)).toBe(false);
    await expect(store.delete(missing)).resolves.toBeUndefined();
  });

  it("deletes a stored object", async () => {
    const { bucket, store } = await freshStore();
    const { sha256 } = await store.put(chunks("tijdelijk"));
    await store.delete(sha256);
    expect(await store.has(sha256)).toBe(false);
    await expect(store.get(sha256)).rejects.toBeInstanceOf(ObjectNotFoundError);
    expect(await listKeys(s3.client, bucket)).toEqual([]);
  });

  it("refuses anything but a SHA-256 as a key, without sending a request", async () => {
    const { bucket } = await freshStore();
    const { client, sent } = recordingClient();
    const store = new S3ObjectStore({ client, bucket });
    for (const bad of ["../etc/passwd", "ABC", `${sha("x")}/../x`, sha("x").toUpperCase(), ""]) {
      await expect(store.get(bad)).rejects.toBeInstanceOf(InvalidKeyError);
      await expect(store.has(bad)).rejects.toBeInstanceOf(InvalidKeyError);
      await expect(store.delete(bad)).rejects.toBeInstanceOf(InvalidKeyError);
    }
    expect(sent).toEqual([]);
  });

  it("keeps every key under its prefix, and two prefixes in one bucket apart", async () => {
    const bucket = await createBucket(s3.client);
    const a = new S3ObjectStore({ client: s3.client, bucket, prefix: "gemeente-a/documenten/" });
    const b = new S3ObjectStore({ client: s3.client, bucket, prefix: "gemeente-b/" });
    const staged = await a.stage(chunks("per prefix"));
    expect(await listKeys(s3.client, bucket)).toEqual([expect.stringMatching(/^gemeente-a\/documenten\/staging\/[0-9a-f-]{36}$/)]);
    await staged.commit();
    const key = sha("per prefix");
    expect(await listKeys(s3.client, bucket)).toEqual([keyOf("gemeente-a/documenten/", key)]);
    expect(await b.has(key)).toBe(false);
    await expect(b.get(key)).rejects.toBeInstanceOf(ObjectNotFoundError);
    expect((await b.put(chunks("per prefix"))).created).toBe(true);
    await a.delete(key);
    expect(await listKeys(s3.client, bucket)).toEqual([keyOf("gemeente-b/", key)]);
    expect(() => new S3ObjectStore({ client: s3.client, bucket, prefix: "zonder-slash" })).toThrow(/ends with \//);
  });

  it("sweeps staging objects abandoned more than a day ago, once per store", async () => {
    const bucket = await createBucket(s3.client);
    const crashed = new S3ObjectStore({ client: s3.client, bucket, prefix: "p/" });
    await crashed.stage(chunks("nooit afgemaakt"));
    // A process started now keeps the recent staging object (it may belong to a live upload).
    const now = new S3ObjectStore({ client: s3.client, bucket, prefix: "p/" });
    await (await now.stage(chunks("x"))).discard();
    expect(await listKeys(s3.client, bucket)).toHaveLength(1);
    // Two days later it is abandoned.
    const later = new S3ObjectStore({ client: s3.client, bucket, prefix: "p/", now: () => Date.now() + 2 * 86_400_000 });
    await (await later.stage(chunks("y"))).discard();
    expect(await listKeys(s3.client, bucket)).toEqual([]);
  });

  it("tells a missing bucket apart from a missing object", async () => {
    const store = new S3ObjectStore({ client: s3.client, bucket: "bestaat-niet" });
    const error = await store.get(sha("x")).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(ObjectNotFoundError);
    expect((error as Error).name).toBe("NoSuchBucket");
  });

  it("works with the SDK's checksums off (AWS_REQUEST_CHECKSUM_CALCULATION=when_required)", async () => {
    const { bucket } = await freshStore();
    const client = new S3Client({
      endpoint: s3.endpoint,
      region: "us-east-1",
      credentials: S3RVER_CREDENTIALS,
      forcePathStyle: true,
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
    clients.push(client);
    const store = new S3ObjectStore({ client, bucket });
    const file = generated(6 * MiB);
    const put = await store.put(file.source);
    expect(put.sha256).toBe(file.sha256);
    expect((await hashOf(await store.get(put.sha256))).sha256).toBe(file.sha256);
  });

  it("is what getStore() builds from STORAGE_DRIVER=s3 and the S3_* variables", async () => {
    const bucket = await createBucket(s3.client);
    const store = storeFor(
      storageConfigFrom({
        STORAGE_DRIVER: "s3",
        S3_ENDPOINT: s3.endpoint,
        S3_BUCKET: bucket,
        S3_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
        S3_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
        S3_PREFIX: "/herbestemming/",
      }),
    );
    expect(store).toBeInstanceOf(S3ObjectStore);
    clients.push((store as S3ObjectStore).client);
    const put = await store.put(chunks("via de omgeving"));
    expect(await listKeys(s3.client, bucket)).toEqual([keyOf("herbestemming/", put.sha256)]);
    expect(await text(await store.get(put.sha256))).toBe("via de omgeving");
  });
});
