// The S3-compatible store (AWS, MinIO, Scaleway, OVH, Ceph...): the same content-addressed
// interface as the local folder, for deployments with several app machines.
//
// Keys mirror the local folder: <prefix>ab/cd/<sha256>, so a folder copied with
// `aws s3 sync data/uploads s3://bucket/<prefix>` is a valid store. S3 has no rename, so
// content is streamed (multipart, one part in memory at a time) to <prefix>staging/<uuid>
// while it is hashed; commit copies it to its hash key inside S3 (no bytes pass through
// the app) and deletes the staging object. Only complete objects ever appear under a hash
// key, since an S3 write is all-or-nothing.
import { createHash, randomUUID } from "node:crypto";
import { PassThrough, Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import {
  assertKey,
  type ByteSource,
  ObjectNotFoundError,
  type ObjectStore,
  type StagedObject,
  stagedObject,
  type StoredObject,
} from "./object-store";
import type { StorageConfig } from "./storage-config";

/** S3's smallest multipart part: what one upload holds in memory while a part is sent. */
export const DEFAULT_PART_SIZE = 5 * 1024 * 1024;
const STAGING = "staging/";
const STALE_STAGING_MS = 24 * 60 * 60 * 1000;

export type S3StoreOptions = {
  client: S3Client;
  bucket: string;
  /** "" or a path ending in "/" (storage-config.ts normalises S3_PREFIX). */
  prefix?: string;
  /** Bytes per multipart part (at least 5 MiB); files up to one part go in a single PUT. */
  partSize?: number;
  /**
   * Parts sent at once. One is enough: a browser's upload is slower than the link to the
   * object store, and each extra part in flight is another part held in memory.
   */
  queueSize?: number;
  /** The clock, for the sweep of abandoned staging objects (tests move it forward). */
  now?: () => number;
};

type S3Config = Extract<StorageConfig, { driver: "s3" }>;

export function createS3Client(config: S3Config): S3Client {
  return new S3Client({
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    ...(config.credentials ? { credentials: config.credentials } : {}),
    forcePathStyle: config.forcePathStyle,
    // An unreachable store fails a request in seconds instead of holding it. No overall
    // request timeout: a large download to a slow browser may rightly take minutes.
    requestHandler: { connectionTimeout: 5_000 },
  });
}

export function s3StoreFromConfig(config: S3Config): S3ObjectStore {
  return new S3ObjectStore({ client: createS3Client(config), bucket: config.bucket, prefix: config.prefix });
}

function errorName(error: unknown): string | undefined {
  return typeof error === "object" && error !== null ? (error as { name?: string }).name : undefined;
}

function statusOf(error: unknown): number | undefined {
  return typeof error === "object" && error !== null
    ? (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode
    : undefined;
}

/** A missing object, as GET (NoSuchKey) and HEAD (a bare 404) report it; never a missing bucket. */
function isMissingObject(error: unknown): boolean {
  const name = errorName(error);
  if (name === "NoSuchBucket") return false;
  return name === "NoSuchKey" || name === "NotFound" || statusOf(error) === 404;
}

export class S3ObjectStore implements ObjectStore {
  readonly client: S3Client;
  readonly bucket: string;
  readonly prefix: string;
  private readonly partSize: number;
  private readonly queueSize: number;
  private readonly now: () => number;
  private swept = false;

  constructor(options: S3StoreOptions) {
    const prefix = options.prefix ?? "";
    if (prefix !== "" && !prefix.endsWith("/")) throw new Error("An S3 key prefix ends with /");
    this.client = options.client;
    this.bucket = options.bucket;
    this.prefix = prefix;
    this.partSize = options.partSize ?? DEFAULT_PART_SIZE;
    this.queueSize = options.queueSize ?? 1;
    this.now = options.now ?? Date.now;
  }

  /** The object key of a content key: sharded like the local folder, under the prefix. */
  objectKeyOf(key: string): string {
    assertKey(key);
    return `${this.prefix}${key.slice(0, 2)}/${key.slice(2, 4)}/${key}`;
  }

  async put(source: ByteSource): Promise<StoredObject & { created: boolean }> {
    const staged = await this.stage(source);
    const { created } = await staged.commit();
    return { sha256: staged.sha256, size: staged.size, created };
  }

  async stage(source: ByteSource): Promise<StagedObject> {
    await this.sweepOnce();
    const stagingKey = `${this.prefix}${STAGING}${randomUUID()}`;
    const hash = createHash("sha256");
    let size = 0;
    let sourceError: unknown;
    async function* hashing() {
      try {
        for await (const chunk of source) {
          hash.update(chunk);
          size += chunk.byteLength;
          yield chunk;
        }
      } catch (error) {
        sourceError = error;
        throw error;
      }
    }
    // highWaterMark 1: the stream asks the source for a chunk only when the uploader wants
    // one, so what is held is the part being filled and the part being sent, never the file.
    const body = Readable.from(hashing(), { objectMode: false, highWaterMark: 1 });
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: stagingKey, Body: body },
      partSize: this.partSize,
      queueSize: this.queueSize,
    });
    try {
      await upload.done();
    } catch (error) {
      body.destroy();
      await this.deleteObjectQuietly(stagingKey);
      // A failing source (a refused upload) makes the uploader abort the multipart upload;
      // should that abort fail too, its error would hide the source's, which the caller
      // needs (a refusal is the user's to fix, a storage failure is not).
      throw sourceError ?? error;
    }
    return this.stagedObject(stagingKey, hash.digest("hex"), size);
  }

  private stagedObject(stagingKey: string, sha256: string, size: number): StagedObject {
    return stagedObject(sha256, size, {
      read: () => this.lazyBody(stagingKey),
      commit: async () => {
        const target = this.objectKeyOf(sha256);
        let created = false;
        if (!(await this.exists(target))) {
          // Two identical uploads at once both copy: the second replaces identical bytes.
          await this.client.send(
            new CopyObjectCommand({ Bucket: this.bucket, Key: target, CopySource: copySource(this.bucket, stagingKey) }),
          );
          created = true;
        }
        await this.deleteObjectQuietly(stagingKey);
        return { created };
      },
      discard: async () => {
        await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: stagingKey }));
      },
    });
  }

  async get(key: string): Promise<Readable> {
    return this.body(this.objectKeyOf(key), key);
  }

  async has(key: string): Promise<boolean> {
    return this.exists(this.objectKeyOf(key));
  }

  async delete(key: string): Promise<void> {
    // S3 answers a DELETE of a missing key with 204 too.
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectKeyOf(key) }));
  }

  private async body(objectKey: string, key: string): Promise<Readable> {
    try {
      const response = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: objectKey }));
      // On Node the SDK's body is the HTTP response itself: a byte stream, read as it arrives.
      if (!(response.Body instanceof Readable)) throw new Error("The S3 client returned a body that is not a Node stream");
      return response.Body;
    } catch (error) {
      if (isMissingObject(error)) throw new ObjectNotFoundError(key);
      throw error;
    }
  }

  /** A byte stream that starts the GET when created; read() of a staged object must not await. */
  private lazyBody(objectKey: string): Readable {
    const out = new PassThrough();
    this.body(objectKey, objectKey)
      .then((body) => pipeline(body, out))
      .catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
    return out;
  }

  private async exists(objectKey: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: objectKey }));
      return true;
    } catch (error) {
      if (isMissingObject(error)) return false;
      throw error;
    }
  }

  private async deleteObjectQuietly(objectKey: string) {
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: objectKey }));
    } catch {
      // Best effort: the sweep (or a lifecycle rule on staging/) removes what is left.
    }
  }

  /**
   * Staging objects of uploads that never finished (a process killed mid-upload), older
   * than a day, once per process. A bucket lifecycle rule does the same without the app;
   * this keeps stores without one (MinIO defaults, s3rver) clean. One page of 1000 is
   * enough: every process start takes the next bite.
   */
  private async sweepOnce() {
    if (this.swept) return;
    this.swept = true;
    try {
      const listed = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: `${this.prefix}${STAGING}` }),
      );
      const now = this.now();
      for (const object of listed.Contents ?? []) {
        if (object.Key && object.LastModified && now - object.LastModified.getTime() > STALE_STAGING_MS) {
          await this.deleteObjectQuietly(object.Key);
        }
      }
    } catch {
      // The sweep is housekeeping: an upload never fails because of it.
    }
  }
}

/** CopySource is "<bucket>/<key>", URL-encoded per segment (S3 decodes it). */
function copySource(bucket: string, key: string) {
  return `${bucket}/${key.split("/").map(encodeURIComponent).join("/")}`;
}
