// Runs `prisma generate` for every provider folder under prisma/.
// Prisma's CLI insists on a schema-engine binary path before it starts, even though
// `generate` never runs it; machines without access to Prisma's binary host cannot
// download one. Pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file satisfies
// that check (see docs/decisions/0002-sqlite-and-migration-runner.md).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const schemas = ["prisma/sqlite", "prisma/postgresql"];
const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;

for (const schema of schemas) {
  if (!existsSync(new URL(`../${schema}`, import.meta.url))) continue;
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "generate", `--schema=${schema}`], {
    cwd: root,
    env,
    stdio: "inherit",
  });
}
