// A real S3-protocol server for the tests: s3rver (S3's REST API over a temporary folder),
// on a free port chosen by the OS, with the default account it checks signatures against.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { CreateBucketCommand, ListObjectsV2Command, type S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { createS3Client } from "~/platform/storage/s3.server";

// The SDK warns once per process that its 2027 releases need Node 22; noise in test output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

export const S3RVER_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export type S3TestServer = { endpoint: string; client: S3Client; stop(): Promise<void> };

export async function startS3Server(): Promise<S3TestServer> {
  const directory = await mkdtemp(path.join(tmpdir(), "hb-s3rver-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = s3Client(endpoint);
  return {
    endpoint,
    client,
    async stop() {
      client.destroy();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** A client as the app makes it from STORAGE_DRIVER=s3 and the S3_* variables. */
export function s3Client(endpoint: string): S3Client {
  return createS3Client({
    driver: "s3",
    endpoint,
    region: "us-east-1",
    bucket: "unused-by-the-client",
    credentials: S3RVER_CREDENTIALS,
    prefix: "",
    forcePathStyle: true,
  });
}

let buckets = 0;

/** A bucket of its own per test, created through the S3 API. */
export async function createBucket(client: S3Client): Promise<string> {
  buckets += 1;
  const bucket = `hb-test-${process.pid}-${buckets}`;
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  return bucket;
}

/** Every key in the bucket (optionally under a prefix), sorted. */
export async function listKeys(client: S3Client, bucket: string, prefix?: string): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
    for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return keys.sort();
}
