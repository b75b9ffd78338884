// `npm run db:seed`: loads the reference data (always, idempotent) and, on an empty
// database, the demo data. Flags: --demo-only-if-empty (default), --force-demo (adds demo
// data even when the database holds data), --no-demo.
import { db } from "~/platform/db.server";
import { upsertMunicipalities } from "./seed/municipalities";
import { DEMO_PASSWORD, seedDemo } from "./seed/demo";

export async function runSeed(options: { demo: "if-empty" | "force" | "never" }) {
  const municipalities = await upsertMunicipalities(db);
  console.log(`Reference data: ${municipalities} municipalities up to date.`);
  if (options.demo === "never") return;
  if (process.env.NODE_ENV === "production") {
    console.log("NODE_ENV=production: no demo accounts or demo data are created.");
    return;
  }
  const hasData = (await db.user.count()) > 0 || (await db.church.count()) > 0;
  if (hasData && options.demo !== "force") {
    console.log("The database already holds data: demo data left out (use --force-demo to add it anyway).");
    return;
  }
  const counts = await seedDemo(db);
  console.log(
    `Demo data: ${counts.users} accounts (password ${DEMO_PASSWORD}), ${counts.churches} churches, ${counts.dossiers} dossiers, ` +
      `${counts.scenarios.scenarios} scenarios with ${counts.scenarios.versions} versions, ${counts.cases} published cases.`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = new Set(process.argv.slice(2));
  const demo = args.has("--no-demo") ? "never" : args.has("--force-demo") ? "force" : "if-empty";
  runSeed({ demo })
    .then(() => db.$disconnect())
    .catch(async (error: unknown) => {
      console.error(`Seed failed: ${error instanceof Error ? error.message : String(error)}`);
      await db.$disconnect();
      process.exit(1);
    });
}
