// Configuration, checked with zod once at start. A missing or malformed variable stops the
// app with one line naming it (see formatEnvError) instead of failing somewhere later.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { DEFAULT_DATABASE_URL } from "./database-url";

const booleanish = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1");

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().min(1).default("0.0.0.0"),
    DATABASE_URL: z
      .string()
      .regex(/^(file:|postgres(ql)?:\/\/)/, "must start with file: (SQLite) or postgresql://")
      .default(DEFAULT_DATABASE_URL),
    /** PostgreSQL only: connections each app process keeps open at most. */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    DATA_DIR: z.string().min(1).default("data"),
    SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    /** Public base URL, used in links in e-mails and in OpenGraph tags. */
    APP_URL: z.url("must be a URL such as https://herbestemming.example").optional(),
    SESSION_MAX_AGE_DAYS: z.coerce.number().int().min(1).max(90).default(14),
    SMTP_URL: z.string().regex(/^smtps?:\/\//, "must start with smtp:// or smtps://").optional(),
    MAIL_FROM: z.string().min(3).default("Herbestemming <no-reply@herbestemming.test>"),
    MAP_TILE_URL: z.string().min(1).default("https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
    MAP_TILE_ATTRIBUTION: z
      .string()
      .min(1)
      .default('&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>-bijdragers'),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** Trust X-Forwarded-* headers (set when running behind a reverse proxy). */
    TRUST_PROXY: booleanish.default(false),
    SEED_DEMO: booleanish.default(true),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && !env.SESSION_SECRET) {
      ctx.addIssue({ code: "custom", path: ["SESSION_SECRET"], message: "is required in production" });
    }
  });

export type Env = z.infer<typeof EnvSchema> & { SESSION_SECRET: string };

/** One line per problem, naming the variable: "PORT: expected a number". */
export function formatEnvError(error: z.ZodError): string {
  return error.issues
    .map((issue) => `Invalid environment variable ${issue.path.join(".") || "(root)"}: ${issue.message}`)
    .join("\n");
}

export function parseEnv(source: Record<string, string | undefined>): z.infer<typeof EnvSchema> {
  // Treat empty strings as unset, as most deployment tools write them for "no value".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  return EnvSchema.parse(cleaned);
}

/** In development a random secret is made once and kept under data/, so sessions survive restarts. */
function developmentSecret(dataDir: string): string {
  const file = path.resolve(dataDir, ".session-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("hex");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  let parsed: z.infer<typeof EnvSchema>;
  try {
    parsed = parseEnv(process.env);
  } catch (error) {
    if (error instanceof z.ZodError) {
      console.error(formatEnvError(error));
      process.exit(1);
    }
    throw error;
  }
  cached = { ...parsed, SESSION_SECRET: parsed.SESSION_SECRET ?? developmentSecret(parsed.DATA_DIR) };
  return cached;
}
