// Structured JSON logs (pino). Never log passwords, tokens, cookies or session ids: the
// redact list below is a safety net, not a licence.
import pino from "pino";

export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { app: "herbestemming" },
  redact: {
    paths: [
      "password",
      "*.password",
      "token",
      "*.token",
      "sessionId",
      "*.sessionId",
      "req.headers.cookie",
      'req.headers["set-cookie"]',
      "headers.cookie",
    ],
    censor: "[redacted]",
  },
});
