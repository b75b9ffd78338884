// Structured JSON logs (pino). Every line written while a request is handled carries that
// request's id (from the AsyncLocalStorage the Express middleware fills), so one request's
// lines can be found together. Never log passwords, tokens, cookies or session ids: the
// redact list below is a safety net, not a licence.
import { AsyncLocalStorage } from "node:async_hooks";
import pino from "pino";

export type RequestContext = { requestId: string };

// One store per process, shared through globalThis: server.ts and the built app each load
// their own copy of this module, and both must see the same request context.
const globalForLog = globalThis as unknown as { __hbRequestContext?: AsyncLocalStorage<RequestContext> };
export const requestContext: AsyncLocalStorage<RequestContext> = (globalForLog.__hbRequestContext ??=
  new AsyncLocalStorage<RequestContext>());

export const REDACT_PATHS = [
  "password",
  "*.password",
  "confirm",
  "*.confirm",
  "passwordHash",
  "*.passwordHash",
  "token",
  "*.token",
  "tokenHash",
  "*.tokenHash",
  "sessionId",
  "*.sessionId",
  "cookie",
  "*.cookie",
  "req.headers.cookie",
  'req.headers["set-cookie"]',
  "headers.cookie",
  'headers["set-cookie"]',
  "req.headers.authorization",
  "headers.authorization",
];

export function createLogger(destination?: pino.DestinationStream) {
  return pino(
    {
      level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
      base: { app: "herbestemming" },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      mixin() {
        const context = requestContext.getStore();
        return context ? { reqId: context.requestId } : {};
      },
    },
    destination,
  );
}

export const logger = createLogger();
