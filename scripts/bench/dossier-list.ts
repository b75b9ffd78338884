/**
 * Benchmark of the dossier list: `npx tsx scripts/bench/dossier-list.ts`.
 *
 * Seeds 5,000 dossiers (churches spread over all 285 municipalities) into a temporary SQLite
 * file and times the list function the /dossiers page calls (count + one page, filtered and
 * sorted), over 200 runs of varied filters, sorts, pages and both a staff and a municipality
 * user. Goal: p95 < 100 ms. BENCH_VERBOSE=1 prints every run with its query.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { migrate } from "../db/migrate";

const DOSSIERS = 5_000;
const CHURCHES = 2_500;
const RUNS = 200;
const GOAL_P95_MS = 100;

/** Deterministic PRNG so every run measures the same data and queries. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * Runs the measurement in a child process: db.server's client is a module-level singleton,
 * so a fresh process guarantees it points at the benchmark's database and no other bench
 * in `npm run bench` inherits it.
 */
export async function benchDossierList() {
  const result = spawnSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url)], {
    stdio: "inherit",
    env: { ...process.env, LOG_LEVEL: "silent" },
  });
  if (result.status !== 0) throw new Error(`dossier-list benchmark exited with ${result.status ?? result.signal}`);
}

async function runBench() {
  const dir = mkdtempSync(path.join(tmpdir(), "hb-bench-dossiers-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  // db.server reads DATABASE_URL when it is first imported: set it before the dynamic imports.
  process.env.DATABASE_URL = url;
  process.env.LOG_LEVEL ??= "silent";
  try {
    await migrate(url);
    const { createClient } = await import("../../app/platform/db.server");
    const { upsertMunicipalities } = await import("../../prisma/seed/municipalities");
    const client = createClient(url);
    await upsertMunicipalities(client);
    const random = rng(5000);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];

    const municipalities = await client.municipality.findMany({ select: { nisCode: true, name: true, province: true } });
    const leads = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        client.user.create({ data: { email: `lead${i}@bench.test`, name: `Lead ${i}`, role: "STAFF" }, select: { id: true } }),
      ),
    );
    const calls = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        client.call.create({
          data: { number: i + 1, title: `Oproep ${i + 1}`, opensOn: new Date(Date.UTC(2018 + i, 0, 1)), closesOn: new Date(Date.UTC(2018 + i, 3, 1)) },
          select: { id: true },
        }),
      ),
    );
    const names = ["Sint-Jozefkerk", "Sint-Martinuskerk", "Onze-Lieve-Vrouwekerk", "Sint-Pieterskerk", "Heilig-Hartkerk", "Sint-Annakerk", "Sint-Niklaaskerk"];
    const churches = Array.from({ length: CHURCHES }, (_, i) => ({
      id: `bench-church-${i}`,
      name: `${pick(names)} ${i}`,
      nisCode: municipalities[i % municipalities.length].nisCode,
    }));
    for (let i = 0; i < churches.length; i += 500) await client.church.createMany({ data: churches.slice(i, i + 500) });

    const phases = ["INTAKE", "ACCEPTED", "REJECTED", "KICKOFF", "RESEARCH", "SCENARIOS", "SIMULATION", "REVIEW", "REPORTING", "COMPLETED", "ON_HOLD", "STOPPED"] as const;
    const seqPerYear = new Map<number, number>();
    const dossiers = Array.from({ length: DOSSIERS }, (_, i) => {
      const year = 2016 + Math.floor(random() * 11);
      const seq = (seqPerYear.get(year) ?? 0) + 1;
      seqPerYear.set(year, seq);
      const start = new Date(Date.UTC(year, Math.floor(random() * 12), 1 + Math.floor(random() * 28)));
      return {
        reference: `HK-${year}-${String(seq).padStart(3, "0")}`,
        year,
        seq,
        churchId: churches[i % churches.length].id,
        callId: random() < 0.8 ? pick(calls).id : null,
        applicantType: random() < 0.7 ? ("CHURCH_COUNCIL" as const) : ("MUNICIPALITY" as const),
        applicantName: `Aanvrager ${i}`,
        leadId: pick(leads).id,
        startDate: start,
        targetDate: random() < 0.9 ? new Date(start.getTime() + 180 * 86_400_000) : null,
        phase: pick(phases),
      };
    });
    for (let i = 0; i < dossiers.length; i += 500) await client.dossier.createMany({ data: dossiers.slice(i, i + 500) });
    await client.$queryRawUnsafe("PRAGMA optimize");
    await client.$disconnect();

    const { listDossiers, listFilterOptions } = await import("../../app/features/dossiers/dossiers.server");
    const { ListQuerySchema, SORT_KEYS } = await import("../../app/features/dossiers/list-query");
    const staff = { role: "STAFF" as const, municipalities: [] as string[] };
    const gentLike = { role: "MUNICIPALITY" as const, municipalities: [municipalities[0].nisCode, municipalities[1].nisCode] };
    const provinces = [...new Set(municipalities.map((m) => m.province))];

    const queries = Array.from({ length: RUNS }, (_, i) => {
      const raw: Record<string, string> = { sort: SORT_KEYS[i % SORT_KEYS.length], dir: i % 2 ? "asc" : "desc" };
      const r = random();
      if (r < 0.15) raw.phase = pick(phases);
      else if (r < 0.3) raw.status = pick(["open", "closed"]);
      else if (r < 0.42) raw.province = pick(provinces);
      else if (r < 0.52) raw.municipality = pick(municipalities).nisCode;
      else if (r < 0.62) raw.lead = pick(leads).id;
      else if (r < 0.7) raw.call = pick(calls).id;
      else if (r < 0.8) raw.year = String(2016 + Math.floor(random() * 11));
      else if (r < 0.9) raw.q = pick(["jozef", "HK-2020", "martinus 1", "kerk 42"]);
      if (random() < 0.3) raw.page = String(1 + Math.floor(random() * 20));
      return { user: i % 10 === 9 ? gentLike : staff, query: ListQuerySchema.parse(raw) };
    });

    // Warm up (statement cache, page cache), then measure.
    for (const q of queries.slice(0, 10)) await listDossiers(q);
    const times: number[] = [];
    // CPU time of this process too: on a busy shared machine wall time mostly measures waiting.
    const cpuTimes: number[] = [];
    const bySort = new Map<string, number[]>();
    for (const q of queries) {
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      await listDossiers(q);
      const ms = performance.now() - started;
      const cpu = process.cpuUsage(cpuStarted);
      cpuTimes.push((cpu.user + cpu.system) / 1000);
      times.push(ms);
      bySort.set(q.query.sort, [...(bySort.get(q.query.sort) ?? []), ms]);
      if (process.env.BENCH_VERBOSE) console.log(ms.toFixed(1), q.user.role, JSON.stringify(q.query));
    }
    const optionTimes: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      await listFilterOptions(i % 2 ? staff : gentLike);
      optionTimes.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    cpuTimes.sort((a, b) => a - b);
    optionTimes.sort((a, b) => a - b);
    const median = percentile(times, 50);
    const p95 = percentile(times, 95);
    console.log(`dossiers: ${DOSSIERS}, churches: ${CHURCHES}, municipalities: ${municipalities.length}, runs: ${RUNS}`);
    console.log(`list (count + page): median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms (goal p95 < ${GOAL_P95_MS} ms)`);
    console.log(`  CPU time of the same runs: median ${percentile(cpuTimes, 50).toFixed(1)} ms, p95 ${percentile(cpuTimes, 95).toFixed(1)} ms (load average now ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores)`);
    for (const [sort, list] of bySort) {
      list.sort((a, b) => a - b);
      console.log(`  sort=${sort.padEnd(12)} median ${percentile(list, 50).toFixed(1)} ms, p95 ${percentile(list, 95).toFixed(1)} ms`);
    }
    console.log(`filter options: median ${percentile(optionTimes, 50).toFixed(1)} ms, p95 ${percentile(optionTimes, 95).toFixed(1)} ms`);
    console.log(p95 < GOAL_P95_MS ? "dossier list: goal met" : "dossier list: GOAL MISSED");
    const { disconnectDb } = await import("../../app/platform/db.server");
    await disconnectDb();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runBench().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
