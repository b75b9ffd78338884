// `npm run bench`: runs every benchmark in turn and prints its figures. Pick some with
// `npm run bench -- simulation map` (names below). Benchmarks that need the built app say so.
import { pathToFileURL } from "node:url";

type Bench = { name: string; module: string; exportName: string; note: string };

const BENCHES: Bench[] = [
  { name: "simulation", module: "./simulation.ts", exportName: "benchSimulation", note: "engine throughput and a 60-year recalculation" },
  { name: "dossier-list", module: "./dossier-list.ts", exportName: "benchDossierList", note: "5,000 dossiers: filtered, sorted list" },
  { name: "map", module: "./map.ts", exportName: "benchMap", note: "2,000 public cases: GeoJSON size, throughput, map load, JS size" },
  { name: "load", module: "./load.ts", exportName: "benchLoad", note: "60 s each on SQLite and PostgreSQL: 20 staff sessions and 100 map visitors" },
];

async function main() {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const selected = wanted.length ? BENCHES.filter((b) => wanted.includes(b.name)) : BENCHES;
  let failures = 0;
  for (const bench of selected) {
    console.log(`\n=== ${bench.name}: ${bench.note}`);
    const started = Date.now();
    try {
      const mod = (await import(new URL(bench.module, import.meta.url).href)) as Record<string, unknown>;
      const run = mod[bench.exportName];
      if (typeof run !== "function") throw new Error(`${bench.module} does not export ${bench.exportName}`);
      await (run as () => Promise<void>)();
    } catch (error) {
      failures++;
      console.error(`${bench.name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    console.log(`(${bench.name} took ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  process.exit(failures ? 1 : 0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
