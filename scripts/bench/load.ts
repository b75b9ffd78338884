/**
 * Load scenario against the built app: `npm run bench -- load` (60 s) or
 * `BENCH_SECONDS=15 npx tsx scripts/bench/load.ts`.
 *
 * The app runs as in production (server.ts on the build, BUILD_DIR or build/) with the demo
 * data and rate limits off, once on a fresh SQLite file and once on a fresh PostgreSQL
 * database (a throwaway server with its crash safety on), and the two are printed side by
 * side. BENCH_DATABASES=sqlite (or postgresql) runs one. 20 staff sessions browse lists and
 * dossiers while 100 anonymous visitors open the public map and its open data. Each
 * virtual user waits a little between clicks, as people do. Printed per page: requests,
 * requests/s, p50 and p99 latency, errors. Goal: no errors and p99 under 500 ms.
 * BENCH_STAFF_THINK_MS / BENCH_VISITOR_THINK_MS change the pauses (default 1000 / 2000).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { startThrowawayPostgres } from "../db/throwaway-postgres";
import { ensureBuild, seedDatabase, startServer } from "../../tests/system/app-server";

const STAFF_EMAIL = "team@herbestemming.test";
const DEMO_PASSWORD = "kerk-demo-2026";
const P99_GOAL_MS = 500;

type Page = { label: string; path: () => string; headers?: Record<string, string> };
type Sample = { ms: number; ok: boolean };

export type LoadOptions = {
  seconds?: number;
  staff?: number;
  visitors?: number;
  /** Mean pause between two requests of one user, in ms (uniform from half to one and a half times). */
  staffThinkMs?: number;
  visitorThinkMs?: number;
  buildDir?: string;
  /** Which databases to run on, in turn (default: BENCH_DATABASES or both). */
  databases?: Database[];
};

export type Database = "sqlite" | "postgresql";

export type PageResult = { label: string; requests: number; perSecond: number; p50: number; p99: number; errors: number };

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const pick = <T>(items: readonly T[]) => items[Math.floor(Math.random() * items.length)];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const think = (mean: number) => sleep(mean * (0.5 + Math.random()));

async function login(base: string): Promise<string> {
  const res = await fetch(`${base}/login`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: STAFF_EMAIL, password: DEMO_PASSWORD, redirectTo: "/" }),
    redirect: "manual",
  });
  const cookie = /hb_session=[^;]+/.exec(res.headers.getSetCookie().join(";"))?.[0];
  if (res.status !== 302 || !cookie) throw new Error(`staff login failed (${res.status})`);
  return cookie;
}

/** Ids linked from a page (dossiers, churches), to browse real records. */
async function linkedIds(base: string, cookie: string, listPath: string, prefix: string): Promise<string[]> {
  const res = await fetch(`${base}${listPath}`, { headers: { Cookie: cookie, Accept: "text/html" } });
  if (!res.ok) return [];
  const html = await res.text();
  const ids = [...html.matchAll(new RegExp(`href="${prefix}/([A-Za-z0-9_-]{10,})"`, "g"))].map((m) => m[1]);
  return [...new Set(ids)];
}

async function exists(base: string, cookie: string | null, p: string): Promise<boolean> {
  const res = await fetch(`${base}${p}`, { headers: { ...(cookie ? { Cookie: cookie } : {}), Accept: "text/html" }, redirect: "manual" });
  await res.arrayBuffer();
  return res.status === 200;
}

/** Runs the scenario on each database in turn and prints the results side by side. */
export async function benchLoad(options: LoadOptions = {}): Promise<Record<Database, PageResult[]>> {
  const databases =
    options.databases ??
    ((process.env.BENCH_DATABASES ?? "sqlite,postgresql").split(",").map((d) => d.trim()) as Database[]);
  const results = {} as Record<Database, PageResult[]>;
  for (const database of databases) {
    console.log(`\n--- load on ${database}`);
    results[database] = await loadOn(database, options);
  }
  if (results.sqlite && results.postgresql) printSideBySide(results.sqlite, results.postgresql);
  return results;
}

function printSideBySide(sqlite: PageResult[], postgresql: PageResult[]) {
  const cell = (r: PageResult | undefined) =>
    r
      ? `${r.perSecond.toFixed(1).padStart(7)} ${r.p50.toFixed(0).padStart(5)} ${r.p99.toFixed(0).padStart(5)} ${String(r.errors).padStart(4)}`
      : "".padStart(24);
  const head = `${"req/s".padStart(7)} ${"p50".padStart(5)} ${"p99".padStart(5)} ${"err".padStart(4)}`;
  console.log("\nSide by side (latency in ms):");
  console.log(`  ${"".padEnd(22)} ${"SQLite".padEnd(24)} | PostgreSQL`);
  console.log(`  ${"page".padEnd(22)} ${head} | ${head}`);
  const labels = [...new Set([...sqlite, ...postgresql].map((r) => r.label))].sort((a, b) =>
    a === "all" ? 1 : b === "all" ? -1 : a.localeCompare(b),
  );
  for (const label of labels) {
    console.log(`  ${label.padEnd(22)} ${cell(sqlite.find((r) => r.label === label))} | ${cell(postgresql.find((r) => r.label === label))}`);
  }
}

async function loadOn(database: Database, options: LoadOptions): Promise<PageResult[]> {
  const seconds = options.seconds ?? Number(process.env.BENCH_SECONDS ?? 60);
  const staffCount = options.staff ?? 20;
  const visitorCount = options.visitors ?? 100;
  const staffThinkMs = options.staffThinkMs ?? Number(process.env.BENCH_STAFF_THINK_MS ?? 1000);
  const visitorThinkMs = options.visitorThinkMs ?? Number(process.env.BENCH_VISITOR_THINK_MS ?? 2000);
  const buildDir = options.buildDir ?? process.env.BUILD_DIR ?? "build";

  ensureBuild(buildDir);
  const tmp = mkdtempSync(path.join(tmpdir(), "hb-load-"));
  const postgres = database === "postgresql" ? await startThrowawayPostgres({ durable: true }) : undefined;
  const databaseUrl = postgres ? await postgres.createDatabase("hb_load") : `file:${path.join(tmp, "load.db")}`;
  console.log(`Seeding demo data into ${databaseUrl} ...`);
  seedDatabase(databaseUrl);
  const server = await startServer({
    databaseUrl,
    dataDir: tmp,
    buildDir,
    // Rate limits would turn the benchmark's own traffic into 429s.
    env: { RATE_LIMIT_OFF: "true", LOG_LEVEL: "warn" },
  });
  const base = server.url;
  try {
    const cookies: string[] = [];
    for (let i = 0; i < staffCount; i++) cookies.push(await login(base));
    const dossierIds = await linkedIds(base, cookies[0], "/dossiers", "/dossiers");
    const churchIds = await linkedIds(base, cookies[0], "/kerken", "/kerken");

    const candidates: Page[] = [
      { label: "/dossiers", path: () => "/dossiers" },
      {
        label: "/dossiers?filters",
        path: () =>
          pick([
            "/dossiers?phase=FEASIBILITY",
            "/dossiers?q=kerk",
            "/dossiers?sort=church&dir=desc",
            "/dossiers?status=open&sort=startDate",
            "/dossiers?page=2",
          ]),
      },
      ...(dossierIds.length ? [{ label: "/dossiers/:id", path: () => `/dossiers/${pick(dossierIds)}` }] : []),
      { label: "/kerken", path: () => "/kerken" },
      ...(churchIds.length ? [{ label: "/kerken/:id", path: () => `/kerken/${pick(churchIds)}` }] : []),
      { label: "/taken", path: () => "/taken" },
      { label: "/ (overview)", path: () => "/" },
    ];
    // Pages that do not exist (yet) are left out rather than counted as errors.
    const staffPages: Page[] = [];
    for (const page of candidates) if (await exists(base, cookies[0], page.path())) staffPages.push(page);
    const visitorPages: Page[] = [];
    for (const page of [
      { label: "/kaart", path: () => "/kaart" },
      { label: "/api/cases.geojson", path: () => "/api/cases.geojson", headers: { Accept: "application/geo+json" } },
    ] satisfies Page[]) {
      if (await exists(base, null, page.path())) visitorPages.push(page);
    }
    if (visitorPages.length === 0) visitorPages.push({ label: "/", path: () => "/" });

    const samples = new Map<string, Sample[]>();
    const skipped = candidates.filter((c) => !staffPages.includes(c)).map((c) => c.label);
    console.log(
      `Load: ${staffCount} staff sessions on ${staffPages.map((p) => p.label).join(", ")}; ` +
        `${visitorCount} visitors on ${visitorPages.map((p) => p.label).join(", ")}; ${seconds} s` +
        (skipped.length ? ` (not there, skipped: ${skipped.join(", ")})` : ""),
    );

    const deadline = Date.now() + seconds * 1000;
    const hit = async (page: Page, cookie: string | null) => {
      const started = performance.now();
      let ok = false;
      try {
        const res = await fetch(`${base}${page.path()}`, {
          headers: { Accept: "text/html", ...page.headers, ...(cookie ? { Cookie: cookie } : {}) },
          redirect: "manual",
        });
        await res.arrayBuffer();
        ok = res.status === 200;
      } catch {
        ok = false;
      }
      const list = samples.get(page.label) ?? [];
      list.push({ ms: performance.now() - started, ok });
      samples.set(page.label, list);
    };
    const user = async (pages: Page[], cookie: string | null, thinkMs: number, sequential: boolean) => {
      // Spread the start so not everyone clicks in the same millisecond.
      await sleep(Math.random() * thinkMs);
      let i = Math.floor(Math.random() * pages.length);
      while (Date.now() < deadline) {
        // Visitors open the map and then its data, in turn; staff wander.
        await hit(sequential ? pages[i++ % pages.length] : pick(pages), cookie);
        await think(thinkMs);
      }
    };
    const started = Date.now();
    await Promise.all([
      ...cookies.map((cookie) => user(staffPages, cookie, staffThinkMs, false)),
      ...Array.from({ length: visitorCount }, () => user(visitorPages, null, visitorThinkMs, true)),
    ]);
    const elapsed = (Date.now() - started) / 1000;

    const results: PageResult[] = [...samples.entries()].map(([label, list]) => {
      const sorted = list.map((s) => s.ms).sort((a, b) => a - b);
      return {
        label,
        requests: list.length,
        perSecond: list.length / elapsed,
        p50: percentile(sorted, 50),
        p99: percentile(sorted, 99),
        errors: list.filter((s) => !s.ok).length,
      };
    });
    const all = [...samples.values()].flat();
    const allSorted = all.map((s) => s.ms).sort((a, b) => a - b);
    const total: PageResult = {
      label: "all",
      requests: all.length,
      perSecond: all.length / elapsed,
      p50: percentile(allSorted, 50),
      p99: percentile(allSorted, 99),
      errors: all.filter((s) => !s.ok).length,
    };
    const row = (r: PageResult) =>
      `  ${r.label.padEnd(22)} ${String(r.requests).padStart(7)} ${r.perSecond.toFixed(1).padStart(8)} ` +
      `${r.p50.toFixed(0).padStart(7)} ${r.p99.toFixed(0).padStart(7)} ${String(r.errors).padStart(7)}`;
    console.log(`  ${"page".padEnd(22)} ${"requests".padStart(7)} ${"req/s".padStart(8)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"errors".padStart(7)}`);
    for (const r of results.sort((a, b) => a.label.localeCompare(b.label))) console.log(row(r));
    console.log(row(total));
    const met = total.errors === 0 && results.every((r) => r.p99 < P99_GOAL_MS);
    console.log(`  goal (no errors, p99 < ${P99_GOAL_MS} ms on every page): ${met ? "met" : "NOT MET"}`);
    return [...results, total];
  } finally {
    await server.stop();
    await postgres?.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchLoad().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
