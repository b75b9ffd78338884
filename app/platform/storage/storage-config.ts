// Which object store a process uses, from the environment, checked with zod. Pure: the
// caller passes the environment and turns a ZodError into one line per variable
// (formatEnvError), as for the rest of the configuration.
import { z } from "zod";

export const STORAGE_DRIVERS = ["local", "s3"] as const;

export type StorageConfig =
  | { driver: "local" }
  | {
      driver: "s3";
      /** Absent: AWS itself (the SDK derives the endpoint from the region). */
      endpoint?: string;
      region: string;
      bucket: string;
      /** Absent: the SDK's default credential chain (AWS_* variables, instance or task role). */
      credentials?: { accessKeyId: string; secretAccessKey: string };
      /** "" or a path ending in "/", put in front of every key. */
      prefix: string;
      forcePathStyle: boolean;
    };

const booleanish = z.enum(["true", "false", "1", "0"], "must be true or false").transform((v) => v === "true" || v === "1");

const DriverSchema = z.object({
  STORAGE_DRIVER: z.enum(STORAGE_DRIVERS, "must be local or s3").default("local"),
});

// S3's own naming rule for new buckets (AWS, MinIO, Scaleway, OVH all accept it).
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
// Characters S3 documents as safe in keys; no "..", "." or empty segments.
const PREFIX = /^[A-Za-z0-9!_.*'()-]+(\/[A-Za-z0-9!_.*'()-]+)*$/;

const S3Schema = z
  .object({
    S3_ENDPOINT: z.url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://s3.fr-par.scw.cloud" }).optional(),
    S3_REGION: z
      .string()
      .regex(/^[a-z0-9-]+$/, "must be a region name such as eu-west-1 or fr-par")
      .default("us-east-1"),
    S3_BUCKET: z
      .string("is required when STORAGE_DRIVER=s3")
      .regex(BUCKET, "must be a bucket name: 3 to 63 lower-case letters, digits, dots and hyphens"),
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    S3_PREFIX: z
      .string()
      .transform((p) => p.replace(/^\/+|\/+$/g, ""))
      .refine((p) => p === "" || (PREFIX.test(p) && !p.split("/").some((s) => s === "." || s === "..")), {
        message: "must be a path such as herbestemming/documents (letters, digits, !_.*'()- and /)",
      })
      .optional(),
    S3_FORCE_PATH_STYLE: booleanish.optional(),
  })
  .superRefine(
    (env, ctx) => {
      // Half a key pair is a mistake; none at all means the SDK's default chain (a role).
      if (env.S3_ACCESS_KEY_ID && !env.S3_SECRET_ACCESS_KEY) {
        ctx.addIssue({ code: "custom", path: ["S3_SECRET_ACCESS_KEY"], message: "is required when S3_ACCESS_KEY_ID is set" });
      }
      if (env.S3_SECRET_ACCESS_KEY && !env.S3_ACCESS_KEY_ID) {
        ctx.addIssue({ code: "custom", path: ["S3_ACCESS_KEY_ID"], message: "is required when S3_SECRET_ACCESS_KEY is set" });
      }
    },
    // Also when another variable is wrong: one start shows every problem. The check reads
    // only the two key variables, which are plain strings whatever else failed.
    { when: () => true },
  );

/** Throws a ZodError whose issues name the variable (see formatEnvError). */
export function parseStorageConfig(source: Record<string, string | undefined>): StorageConfig {
  // Empty strings count as unset, as in env.server.ts: deployment tools write them for "no value".
  const env = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const { STORAGE_DRIVER } = DriverSchema.parse(env);
  // The S3 variables are only read for the S3 driver: a stray one never stops a local deployment.
  if (STORAGE_DRIVER === "local") return { driver: "local" };
  const s3 = S3Schema.parse(env);
  const prefix = s3.S3_PREFIX ? `${s3.S3_PREFIX}/` : "";
  return {
    driver: "s3",
    ...(s3.S3_ENDPOINT ? { endpoint: s3.S3_ENDPOINT } : {}),
    region: s3.S3_REGION,
    bucket: s3.S3_BUCKET,
    ...(s3.S3_ACCESS_KEY_ID && s3.S3_SECRET_ACCESS_KEY
      ? { credentials: { accessKeyId: s3.S3_ACCESS_KEY_ID, secretAccessKey: s3.S3_SECRET_ACCESS_KEY } }
      : {}),
    prefix,
    // Servers at an endpoint of their own (MinIO, s3rver, Ceph) mostly serve buckets by
    // path; AWS, Scaleway and OVH serve both, and AWS prefers bucket host names.
    forcePathStyle: s3.S3_FORCE_PATH_STYLE ?? s3.S3_ENDPOINT !== undefined,
  };
}
