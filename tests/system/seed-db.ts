// `node --import tsx tests/system/seed-db.ts`: migrates DATABASE_URL and loads the reference
// and demo data, in its own process (the seed binds the app's one Prisma client to the URL).
import { migrate } from "../../scripts/db/migrate";

async function main() {
  await migrate(process.env.DATABASE_URL);
  process.env.NODE_ENV = "test";
  const { runSeed } = await import("../../prisma/seed");
  await runSeed({ demo: process.env.SEED_DEMO === "false" ? "never" : "if-empty" });
  const { disconnectDb } = await import("../../app/platform/db.server");
  await disconnectDb();
  process.exit(0); // the schema engine may keep a timer for a few seconds more
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
