// The production server: Express serving the built Remix app. Kept small; it owns what a
// framework route cannot: security middleware for every response (static files included),
// static files, compression, graceful shutdown.
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import { openDataHandler } from "./app/features/publication/open-data.express.server";
import express from "express";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ZodError } from "zod";
import { logger } from "./app/platform/logger.server";
import {
  crossSiteRefusal,
  errorHandler,
  formBodiesOnly,
  rateLimiting,
  requestLogging,
  securityHeadersMiddleware,
} from "./app/platform/security/middleware.server";
import {
  parseRateLimitConfig,
  type RateLimitConfig,
  type RateLimitStore,
  rulesFrom,
} from "./app/platform/security/rate-limit";

const root = path.dirname(fileURLToPath(import.meta.url));
const buildDir = path.resolve(root, process.env.BUILD_DIR ?? "build");

export type ServerOptions = {
  trustProxy?: boolean;
  appUrl?: string;
  tileUrl?: string;
  rateLimits?: RateLimitConfig;
  rateLimitStore?: RateLimitStore;
  /** Set while shutting down: answers tell keep-alive clients to go. */
  isClosing?: () => boolean;
};

export async function createServer(options: ServerOptions = {}) {
  const build = (await import(path.join(buildDir, "server/index.js"))) as ServerBuild;
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", options.trustProxy ?? (process.env.TRUST_PROXY === "true" || process.env.TRUST_PROXY === "1"));
  app.use(requestLogging());
  app.use((_req, res, next) => {
    if (options.isClosing?.()) res.setHeader("Connection", "close");
    next();
  });
  app.use(securityHeadersMiddleware({ tileUrl: options.tileUrl ?? process.env.MAP_TILE_URL }));
  app.use(crossSiteRefusal({ appUrl: options.appUrl ?? process.env.APP_URL }));
  const rateLimits = options.rateLimits ?? parseRateLimitConfig(process.env);
  app.use(rateLimiting({ rules: rulesFrom(rateLimits), store: options.rateLimitStore }));
  // The open-data downloads skip Remix: the same answers as their routes, near static speed.
  app.use(openDataHandler());
  app.use(formBodiesOnly());
  app.use(compression());
  // Fingerprinted assets are immutable; everything else in public/ is short-lived.
  app.use("/assets", express.static(path.join(buildDir, "client/assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(buildDir, "client"), { maxAge: "1h" }));
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: process.env.NODE_ENV,
      // The document's inline scripts carry the nonce the CSP header above names.
      getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce }),
    }),
  );
  app.use(errorHandler());
  return app;
}

async function main() {
  const { formatEnvError, getEnv } = await import("./app/platform/env.server");
  const env = getEnv();
  let rateLimits: RateLimitConfig;
  const { getStore, StorageConfigError } = await import("./app/platform/storage.server");
  try {
    rateLimits = parseRateLimitConfig(process.env);
    // Check the document store's settings now, not at the first upload.
    getStore();
  } catch (error) {
    if (error instanceof StorageConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    // Same one-line-per-variable message as the rest of the configuration.
    console.error(error instanceof ZodError ? formatEnvError(error) : error);
    process.exit(1);
  }
  // One app process per SQLite file: a second server stops here with the reason.
  const { providerOf, sqliteFilePath } = await import("./app/platform/database-url");
  if (providerOf(env.DATABASE_URL) === "sqlite" && sqliteFilePath(env.DATABASE_URL) !== ":memory:") {
    const { claimSqliteDatabase, DatabaseInUseError } = await import("./app/platform/single-server.server");
    try {
      const release = claimSqliteDatabase(sqliteFilePath(env.DATABASE_URL));
      process.once("exit", release);
    } catch (error) {
      console.error(error instanceof DatabaseInUseError ? error.message : error);
      process.exit(1);
    }
  }
  let closing = false;
  const { createRateLimitStore } = await import("./app/platform/security/rate-limit-store.server");
  const rateLimitStore = await createRateLimitStore(rateLimits);
  const app = await createServer({
    rateLimitStore,
    trustProxy: env.TRUST_PROXY,
    appUrl: env.APP_URL,
    tileUrl: env.MAP_TILE_URL,
    rateLimits,
    isClosing: () => closing,
  });
  const server = app.listen(env.PORT, env.HOST, () => {
    logger.info({ port: env.PORT }, `Herbestemming listening on http://localhost:${env.PORT}`);
  });
  // Keep idle connections longer than clients and proxies do (Node's 5 s default loses the
  // race against a client reusing a socket at that moment: the request gets ECONNRESET).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  // Stop accepting, let requests in flight finish, close the database, exit 0. Connections
  // kept alive are closed as soon as they fall idle; after 10 s we give up (exit 1).
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, "shutting down: finishing requests in flight");
    const idleCloser = setInterval(() => server.closeIdleConnections(), 100);
    server.close(() => {
      clearInterval(idleCloser);
      void Promise.resolve(rateLimitStore.close?.())
        .then(() => import("./app/platform/db.server"))
        .then(({ disconnectDb }) => disconnectDb())
        .then(
          () => {
            logger.info("stopped");
            process.exit(0);
          },
          (error: unknown) => {
            logger.error({ err: error }, "could not close the database");
            process.exit(1);
          },
        );
    });
    server.closeIdleConnections();
    setTimeout(() => {
      logger.error("requests still in flight after 10 s: stopping anyway");
      process.exit(1);
    }, 10_000).unref();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  process.env.NODE_ENV ??= "production";
  void main();
}
