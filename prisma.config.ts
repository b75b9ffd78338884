// Prisma 7 reads its settings here, not from .env. The migration runner in
// scripts/db/ applies migrations through the WebAssembly schema engine, so the CLI's
// native engine is never needed (docs/decisions/0002-sqlite-and-migration-runner.md).
import { defineConfig } from "prisma/config";

const url = process.env.DATABASE_URL ?? "file:./data/herbestemming.db";

export default defineConfig({
  schema: "prisma/sqlite",
  migrations: { path: "prisma/sqlite/migrations" },
  datasource: { url },
});
