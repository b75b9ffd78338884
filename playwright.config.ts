import { existsSync } from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// End-to-end tests run against the production build on a fresh SQLite file with the demo
// data (or a fresh PostgreSQL database under `npm run test:postgres`). Browser: Debian's chromium where present (or CHROMIUM_PATH), else Playwright's own.
const PORT = Number(process.env.E2E_PORT ?? 3210);
// Port, database folder and build folder can be set apart, so two runs can share a machine.
const E2E_DIR = path.resolve("e2e/.tmp", String(PORT));
const BUILD_DIR = process.env.BUILD_DIR ?? "build";
process.env.E2E_DATABASE_URL ??= `file:${path.join(E2E_DIR, "e2e.db")}`;
// Uploads and other files of the e2e server (and of the servers specs start themselves).
process.env.E2E_DATA_DIR ??= E2E_DIR;
process.env.E2E_SESSION_SECRET ??= "e2e-session-secret-that-is-long-enough-00000";

const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  // Per port, so parallel runs do not delete each other's traces.
  outputDir: process.env.E2E_OUTPUT ?? `test-results/${PORT}`,
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: "nl-BE",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: chromiumPath
      ? {
          executablePath: chromiumPath,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
          ],
        }
      : {},
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: "npm run build && node --import tsx e2e/support/start-server.ts",
    url: `http://localhost:${PORT}/healthz`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      SESSION_SECRET: process.env.E2E_SESSION_SECRET,
      DATA_DIR: process.env.E2E_DATA_DIR,
      ...(process.env.HB_PG_ADMIN_URL ? { HB_PG_ADMIN_URL: process.env.HB_PG_ADMIN_URL } : {}),
      LOG_LEVEL: "warn",
      BUILD_DIR,
      // Every spec logs in from 127.0.0.1; the per-address limit is tested on its own server.
      RATE_LIMIT_LOGIN: "1000",
    },
  },
});
