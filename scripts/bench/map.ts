/**
 * Benchmark of the public map with 2,000 published cases: `npm run bench -- map`, or
 * `npx tsx scripts/bench/map.ts`. Needs a production build first (`npm run build`; set
 * BUILD_DIR to use another build folder) and Chromium (CHROMIUM_PATH or /usr/bin/chromium).
 *
 * It makes a temporary database (migrations, municipalities, 2,000 synthetic cases from
 * scripts/generate-cases.ts), serves the built app from it (server.ts, NODE_ENV=production,
 * rate limits off: we measure the endpoint, not the limiter), and prints:
 *  - the gzipped size of /api/cases.geojson (goal < 100 KB);
 *  - requests/s and p99 latency of it with autocannon, 50 connections, 10 s, gzip accepted
 *    (goal >= 1,000 req/s and >= half of a tiny node:http static server sending the same
 *    bytes, measured in the same run);
 *  - the time until the map and the list of /kaart are usable in Chromium (goal < 1.5 s);
 *  - the gzipped JavaScript /kaart loads (goal < 200 KB).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { get } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CASES = Number(process.env.BENCH_CASES ?? 2000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const GOALS = { gzipKb: 100, rps: 1000, staticShare: 0.5, loadMs: 1500, jsKb: 200 };

type CannonResult = { requests: { average: number; total: number }; latency: { p99: number; average: number }; non2xx: number; errors: number };
type Cannon = (options: { url: string; connections: number; duration: number; headers?: Record<string, string> }) => Promise<CannonResult>;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const verdict = (met: boolean) => (met ? "met" : "NOT MET");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Raw response bytes (no automatic decompression, unlike fetch). */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    }).on("error", reject);
  });
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await rawGet(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    // A child killed by a signal has signalCode set and exitCode null: both mean it is gone.
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
  });
}

/** Child-process step: a migrated database with the reference data and the cases. */
async function prepare(file: string, count: number) {
  const url = `file:${file}`;
  process.env.DATABASE_URL = url;
  const { migrate } = await import("../db/migrate");
  await migrate(url);
  const { db } = await import("../../app/platform/db.server");
  const { upsertMunicipalities } = await import("../../prisma/seed/municipalities");
  const { generateCases } = await import("../generate-cases");
  await upsertMunicipalities(db);
  await generateCases(db, count, 2026);
  await db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  await db.$disconnect();
}

const STATIC_SERVER = `
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
const body = readFileSync(process.env.BODY_FILE);
createServer((req, res) => {
  res.writeHead(200, { "Content-Type": "application/geo+json; charset=utf-8", "Content-Encoding": "gzip", "Content-Length": body.length, "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" });
  res.end(body);
}).listen(Number(process.env.PORT), "127.0.0.1", () => console.log("ready"));
`;

async function measureBrowser(base: string) {
  const { chromium } = await import("@playwright/test");
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const times: number[] = [];
    const scripts = new Set<string>();
    for (let run = 0; run < 6; run++) {
      // A fresh context each time: an empty cache, as for a first visit.
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.route(/tile\.openstreetmap\.org|geo\.api\.vlaanderen\.be/, (route) => route.abort());
      page.on("request", (request) => {
        if (request.resourceType() === "script" && new URL(request.url()).origin === base) scripts.add(request.url());
      });
      await page.goto(`${base}/kaart`, { waitUntil: "commit" });
      await page.waitForSelector('[data-testid="case-map"][data-state="ready"]', { timeout: 30_000 });
      await page.waitForSelector('[data-testid="case-list"] li', { state: "visible" });
      // performance.now() counts from the start of the navigation.
      const ms = await page.evaluate(() => performance.now());
      if (run > 0) times.push(ms); // the first run warms the server's caches
      await context.close();
    }
    times.sort((a, b) => a - b);
    let jsGzip = 0;
    let jsRaw = 0;
    for (const url of scripts) {
      const { body } = await rawGet(url);
      jsRaw += body.byteLength;
      jsGzip += gzipSync(body, { level: 6 }).byteLength;
    }
    return { median: times[Math.floor(times.length / 2)], max: times[times.length - 1], runs: times.length, jsGzip, jsRaw, jsFiles: scripts.size };
  } finally {
    await browser.close();
  }
}

export async function benchMap(): Promise<void> {
  const buildDir = process.env.BUILD_DIR ?? "build";
  if (!existsSync(path.resolve(ROOT, buildDir, "server/index.js"))) {
    throw new Error(`no build in ${buildDir}/: run \`npm run build\` first (or set BUILD_DIR)`);
  }
  const dir = mkdtempSync(path.join(tmpdir(), "hb-map-bench-"));
  const file = path.join(dir, "bench.db");
  const children: ChildProcess[] = [];
  try {
    const started = Date.now();
    const prep = spawnSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--prepare", file, String(CASES)], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: `file:${file}`, LOG_LEVEL: "silent", NODE_ENV: "test" },
      stdio: ["ignore", "inherit", "inherit"],
    });
    if (prep.status !== 0) throw new Error("preparing the benchmark database failed");
    console.log(`Public map (${CASES.toLocaleString("en")} published cases, database ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`);

    const port = await freePort();
    // BENCH_SERVER: another entry file to compare (default: the real server.ts).
    const app = spawn(process.execPath, ["--import", "tsx", process.env.BENCH_SERVER ?? "server.ts"], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: "production",
        HOST: "127.0.0.1",
        PORT: String(port),
        DATABASE_URL: `file:${file}`,
        DATA_DIR: dir,
        SESSION_SECRET: "map-benchmark-session-secret-long-enough-000",
        BUILD_DIR: buildDir,
        RATE_LIMIT_OFF: "true",
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    children.push(app);
    const base = `http://127.0.0.1:${port}`;
    await waitForHttp(`${base}/healthz`, app);

    // 1. Size.
    const plain = await rawGet(`${base}/api/cases.geojson`);
    const zipped = await rawGet(`${base}/api/cases.geojson`, { "Accept-Encoding": "gzip" });
    const features = (JSON.parse(plain.body.toString("utf8")) as { features: unknown[] }).features.length;
    if (zipped.headers["content-encoding"] !== "gzip") throw new Error("the GeoJSON was not sent gzipped");
    console.log(
      `  GeoJSON: ${features} features, ${kb(plain.body.byteLength)} raw, ${kb(zipped.body.byteLength)} gzipped ` +
        `(goal < ${GOALS.gzipKb} KB: ${verdict(zipped.body.byteLength < GOALS.gzipKb * 1024)})`,
    );

    // 2. Throughput: the app, then a static server with the same bytes, in the same run.
    const { default: autocannon } = (await import("autocannon" as string)) as { default: Cannon };
    const headers = { "Accept-Encoding": "gzip" };
    await autocannon({ url: `${base}/api/cases.geojson`, connections: CONNECTIONS, duration: 2, headers }); // warm-up
    const appRun = await autocannon({ url: `${base}/api/cases.geojson`, connections: CONNECTIONS, duration: SECONDS, headers });

    const bodyFile = path.join(dir, "cases.geojson.gz");
    writeFileSync(bodyFile, zipped.body);
    const staticPort = await freePort();
    const staticServer = spawn(process.execPath, ["--input-type=module", "-e", STATIC_SERVER], {
      env: { ...process.env, BODY_FILE: bodyFile, PORT: String(staticPort) },
      stdio: ["ignore", "ignore", "inherit"],
    });
    children.push(staticServer);
    await waitForHttp(`http://127.0.0.1:${staticPort}/`, staticServer);
    await autocannon({ url: `http://127.0.0.1:${staticPort}/`, connections: CONNECTIONS, duration: 2, headers });
    const staticRun = await autocannon({ url: `http://127.0.0.1:${staticPort}/`, connections: CONNECTIONS, duration: SECONDS, headers });
    await stop(staticServer);

    const share = appRun.requests.average / staticRun.requests.average;
    console.log(
      `  GeoJSON throughput (${CONNECTIONS} connections, ${SECONDS} s, gzip): ${Math.round(appRun.requests.average).toLocaleString("en")} req/s, ` +
        `p99 ${appRun.latency.p99} ms, ${appRun.non2xx} non-2xx, ${appRun.errors} errors ` +
        `(goal >= ${GOALS.rps.toLocaleString("en")} req/s: ${verdict(appRun.requests.average >= GOALS.rps)})`,
    );
    console.log(
      `  static node:http server, same bytes: ${Math.round(staticRun.requests.average).toLocaleString("en")} req/s, p99 ${staticRun.latency.p99} ms; ` +
        `app = ${(share * 100).toFixed(0)} % of static (goal >= ${GOALS.staticShare * 100} %: ${verdict(share >= GOALS.staticShare)})`,
    );

    // 3 and 4. The page in Chromium.
    const browser = await measureBrowser(base);
    console.log(
      `  /kaart until map and list are usable: median ${Math.round(browser.median)} ms, max ${Math.round(browser.max)} ms over ${browser.runs} cold loads ` +
        `(goal < ${GOALS.loadMs} ms: ${verdict(browser.median < GOALS.loadMs)})`,
    );
    console.log(
      `  /kaart JavaScript: ${browser.jsFiles} files, ${kb(browser.jsRaw)} raw, ${kb(browser.jsGzip)} gzipped ` +
        `(goal < ${GOALS.jsKb} KB: ${verdict(browser.jsGzip < GOALS.jsKb * 1024)})`,
    );
  } finally {
    for (const child of children) await stop(child);
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv[2] === "--prepare") {
    prepare(process.argv[3], Number(process.argv[4])).catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
  } else {
    // No top-level await: the bench runner imports this module.
    benchMap().catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
  }
}
