import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

// Unit tests (pure modules) and integration tests (server modules against a real database
// per test file, copied from a migrated template made once in globalSetup). The database is
// SQLite unless HB_TEST_DB=postgresql; files named *.sqlite.test.ts / *.postgresql.test.ts
// test one database's own settings and run only on it.
const database = process.env.HB_TEST_DB === "postgresql" ? "postgresql" : "sqlite";
const otherDatabase = database === "postgresql" ? "sqlite" : "postgresql";

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["tests/**/*.test.ts", "tests/**/*.test.tsx"],
    exclude: ["**/node_modules/**", `tests/**/*.${otherDatabase}.test.ts`],
    environment: "node",
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["tests/setup/per-worker.ts"],
    pool: "forks",
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
