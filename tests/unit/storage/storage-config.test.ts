import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formatEnvError } from "~/platform/env.server";
import { StorageConfigError, storageConfigFrom } from "~/platform/storage.server";
import { parseStorageConfig } from "~/platform/storage/storage-config";

const S3 = { STORAGE_DRIVER: "s3", S3_BUCKET: "herbestemming-documenten" };

/** The message the app stops with, as formatEnvError writes it; null when the config is valid. */
function errorLines(source: Record<string, string | undefined>): string[] | null {
  try {
    parseStorageConfig(source);
    return null;
  } catch (error) {
    if (error instanceof z.ZodError) return formatEnvError(error).split("\n");
    throw error;
  }
}

describe("storage configuration", () => {
  it("is the local folder when nothing is set", () => {
    expect(parseStorageConfig({})).toEqual({ driver: "local" });
    expect(parseStorageConfig({ STORAGE_DRIVER: "local" })).toEqual({ driver: "local" });
  });

  it("reads no S3 variable for the local driver, so a stray one never stops the app", () => {
    expect(parseStorageConfig({ S3_ENDPOINT: "not a url", S3_BUCKET: "X" })).toEqual({ driver: "local" });
  });

  it("refuses an unknown driver, naming the variable", () => {
    expect(errorLines({ STORAGE_DRIVER: "gcs" })).toEqual(["Invalid environment variable STORAGE_DRIVER: must be local or s3"]);
  });

  it("needs only a bucket for S3 on AWS, with the SDK's own credentials", () => {
    expect(parseStorageConfig(S3)).toEqual({
      driver: "s3",
      region: "us-east-1",
      bucket: "herbestemming-documenten",
      prefix: "",
      forcePathStyle: false,
    });
  });

  it("reads every S3 variable", () => {
    expect(
      parseStorageConfig({
        ...S3,
        S3_ENDPOINT: "https://s3.fr-par.scw.cloud",
        S3_REGION: "fr-par",
        S3_ACCESS_KEY_ID: "SCWXXXXXXXXXXXXXXXXX",
        S3_SECRET_ACCESS_KEY: "geheim",
        S3_PREFIX: "productie/documenten",
        S3_FORCE_PATH_STYLE: "false",
      }),
    ).toEqual({
      driver: "s3",
      endpoint: "https://s3.fr-par.scw.cloud",
      region: "fr-par",
      bucket: "herbestemming-documenten",
      credentials: { accessKeyId: "SCWXXXXXXXXXXXXXXXXX", secretAccessKey: "geheim" },
      prefix: "productie/documenten/",
      forcePathStyle: false,
    });
  });

  it("requires the bucket for S3, in one line naming it", () => {
    expect(errorLines({ STORAGE_DRIVER: "s3" })).toEqual(["Invalid environment variable S3_BUCKET: is required when STORAGE_DRIVER=s3"]);
  });

  it.each(["ab", "Hoofdletters", "-begint-met-streep", "met_underscore", "a".repeat(64)])("refuses the bucket name %j", (bucket) => {
    expect(errorLines({ ...S3, S3_BUCKET: bucket })).toEqual([expect.stringMatching(/^Invalid environment variable S3_BUCKET: must be a bucket name/)]);
  });

  it.each(["minio:9000", "ftp://minio:9000", "s3.example"])("refuses the endpoint %j", (endpoint) => {
    expect(errorLines({ ...S3, S3_ENDPOINT: endpoint })).toEqual([expect.stringMatching(/^Invalid environment variable S3_ENDPOINT: must be an http\(s\) URL/)]);
  });

  it("refuses half a key pair, naming the missing half", () => {
    expect(errorLines({ ...S3, S3_ACCESS_KEY_ID: "AKIA" })).toEqual([
      "Invalid environment variable S3_SECRET_ACCESS_KEY: is required when S3_ACCESS_KEY_ID is set",
    ]);
    expect(errorLines({ ...S3, S3_SECRET_ACCESS_KEY: "geheim" })).toEqual([
      "Invalid environment variable S3_ACCESS_KEY_ID: is required when S3_SECRET_ACCESS_KEY is set",
    ]);
  });

  it("normalises the prefix to a path ending in one slash", () => {
    expect(parseStorageConfig({ ...S3, S3_PREFIX: "/herbestemming/" })).toMatchObject({ prefix: "herbestemming/" });
    expect(parseStorageConfig({ ...S3, S3_PREFIX: "a/b" })).toMatchObject({ prefix: "a/b/" });
    expect(parseStorageConfig({ ...S3, S3_PREFIX: "/" })).toMatchObject({ prefix: "" });
  });

  it.each(["../andere", "a//b", "a/./b", "met spatie", "é"])("refuses the prefix %j", (prefix) => {
    expect(errorLines({ ...S3, S3_PREFIX: prefix })).toEqual([expect.stringMatching(/^Invalid environment variable S3_PREFIX: must be a path/)]);
  });

  it("serves buckets by path for an endpoint of its own, by host name on AWS, unless told otherwise", () => {
    expect(parseStorageConfig({ ...S3, S3_ENDPOINT: "http://minio:9000" })).toMatchObject({ forcePathStyle: true });
    expect(parseStorageConfig(S3)).toMatchObject({ forcePathStyle: false });
    expect(parseStorageConfig({ ...S3, S3_ENDPOINT: "https://s3.gra.io.cloud.ovh.net", S3_FORCE_PATH_STYLE: "false" })).toMatchObject({
      forcePathStyle: false,
    });
    expect(parseStorageConfig({ ...S3, S3_FORCE_PATH_STYLE: "1" })).toMatchObject({ forcePathStyle: true });
    expect(errorLines({ ...S3, S3_FORCE_PATH_STYLE: "ja" })).toEqual(["Invalid environment variable S3_FORCE_PATH_STYLE: must be true or false"]);
  });

  it("refuses a malformed region", () => {
    expect(errorLines({ ...S3, S3_REGION: "EU West" })).toEqual([expect.stringMatching(/^Invalid environment variable S3_REGION: /)]);
  });

  it("treats empty strings as unset", () => {
    expect(parseStorageConfig({ STORAGE_DRIVER: "", S3_BUCKET: "" })).toEqual({ driver: "local" });
    expect(parseStorageConfig({ ...S3, S3_ENDPOINT: "", S3_ACCESS_KEY_ID: "", S3_SECRET_ACCESS_KEY: "", S3_PREFIX: "" })).toEqual(parseStorageConfig(S3));
  });

  it("lists every problem, one line each", () => {
    expect(errorLines({ STORAGE_DRIVER: "s3", S3_ENDPOINT: "nope", S3_ACCESS_KEY_ID: "AKIA" })).toHaveLength(3);
  });

  it("reaches the app as a StorageConfigError carrying those lines", () => {
    expect(() => storageConfigFrom({ STORAGE_DRIVER: "s3" })).toThrow(StorageConfigError);
    expect(() => storageConfigFrom({ STORAGE_DRIVER: "s3" })).toThrow(
      "Invalid environment variable S3_BUCKET: is required when STORAGE_DRIVER=s3",
    );
    expect(storageConfigFrom({})).toEqual({ driver: "local" });
  });
});
