// A SQLite database takes one app process (docs/deploy.md): a second server started on the
// same file stops at once with the reason, and after the first one has been killed a new
// server starts on the file again. Runs on a SQLite file of its own under either suite.
import { mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import { type AppServer, seedDatabase, startServer } from "../tests/system/app-server";
import { expect, test } from "./support/fixtures";

test.describe("SQLite: one app process per database file", () => {
  test.describe.configure({ timeout: 120_000 });
  let tmp: string;
  const servers: AppServer[] = [];

  test.beforeAll(() => {
    tmp = mkdtempSync(path.join(process.env.E2E_DATA_DIR!, "one-process-"));
  });
  test.afterAll(async () => {
    for (const server of servers) await server.stop("SIGKILL");
    rmSync(tmp, { recursive: true, force: true });
  });

  test("a second server on the same file refuses to start; after a crash the file is free again", async () => {
    const databaseFile = path.join(tmp, "app.db");
    seedDatabase(databaseFile, { demo: false });
    const first = await startServer({ databaseFile, dataDir: path.join(tmp, "first") });
    servers.push(first);

    const second = startServer({ databaseFile, dataDir: path.join(tmp, "second"), timeoutMs: 20_000 });
    await expect(second).rejects.toThrow(/exited with 1[\s\S]*already serves[\s\S]*one app process/);
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200);

    first.child.kill("SIGKILL"); // no clean shutdown: the lock file stays behind
    await first.exited;
    const third = await startServer({ databaseFile, dataDir: path.join(tmp, "third") });
    servers.push(third);
    expect((await fetch(`${third.url}/healthz`)).status).toBe(200);
    expect(await third.stop()).toBe(0);
  });
});
