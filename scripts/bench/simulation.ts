/**
 * Benchmark of the simulation engine: `npx tsx scripts/bench/simulation.ts`.
 *
 * Goals: >= 20,000 simulations per second on one core for the worked example (including the
 * IRR and the 14 sensitivity NPVs), and < 16 ms for one recalculation (parse + simulate) of a
 * 60-year horizon with 50 input rows.
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { simulate } from "../../app/features/simulation/engine";
import {
  parseSimulationInput,
  type SimulationInput,
  type SimulationInputRaw,
} from "../../app/features/simulation/schema";

const EXAMPLE_URL = new URL("../../tests/unit/simulation/fixtures/example-scenario.json", import.meta.url);
const THROUGHPUT_GOAL = 20_000;
const LATENCY_GOAL_MS = 16;

function parseOrThrow(raw: unknown): SimulationInput {
  const parsed = parseSimulationInput(raw);
  if (!parsed.success) throw new Error(`bench input invalid: ${JSON.stringify(parsed.issues)}`);
  return parsed.data;
}

/**
 * A large scenario: 60 years, 50 rows (10 investments, 5 grants, 5 loans, 15 revenues, 15
 * costs). Reinvestments in later years give the cash flow several sign changes, so the IRR
 * takes its slow path (grid scan): this is the worst case.
 */
export function largeScenario(): SimulationInputRaw {
  const categories = ["RESTORATION", "RENOVATION", "NEW_BUILD", "INSTALLATIONS", "FIT_OUT"] as const;
  return {
    startYear: 2026,
    horizonYears: 60,
    discountRatePct: 3.5,
    equity: 250_000,
    investments: Array.from({ length: 10 }, (_, i) => ({
      label: `Investering ${i + 1}`,
      category: categories[i % categories.length],
      amount: 150_000 + i * 37_500.25,
      vatPct: i % 3 === 0 ? 6 : 21,
      yearOffset: [0, 0, 1, 1, 2, 15, 25, 30, 40, 45][i],
      subsidyEligible: i % 2 === 0,
    })),
    subsidy: { label: "Erfgoedpremie", ratePct: 40, baseUpliftPct: 7, delayYears: 2, cap: 500_000 },
    grants: Array.from({ length: 5 }, (_, i) => ({
      label: `Toelage ${i + 1}`,
      amount: 40_000,
      yearOffset: i * 3,
    })),
    loans: Array.from({ length: 5 }, (_, i) => ({
      label: `Lening ${i + 1}`,
      principal: 200_000,
      ratePct: 2.5 + i * 0.4,
      termYears: 15 + i * 5,
      type: i % 2 === 0 ? ("ANNUITY" as const) : ("LINEAR" as const),
      yearOffset: i * 10,
    })),
    revenues: Array.from({ length: 15 }, (_, i) => ({
      label: `Inkomsten ${i + 1}`,
      category: "RENT" as const,
      amount: 8_000 + i * 500,
      indexationPct: 2,
      occupancyPct: 60 + i * 2,
      fromYear: 2 + (i % 4),
      untilYear: i % 5 === 0 ? 50 : null,
    })),
    operatingCosts: Array.from({ length: 15 }, (_, i) => ({
      label: `Kosten ${i + 1}`,
      category: "MAINTENANCE" as const,
      amount: 3_000 + i * 250,
      indexationPct: 2.5,
      fromYear: 1 + (i % 3),
      untilYear: null,
    })),
    residualValue: 400_000,
  };
}

function throughput(run: () => number, minMs: number): { perSecond: number; runs: number; ms: number } {
  let runs = 0;
  let sink = 0; // keeps the JIT from dropping the work
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (let i = 0; i < 500; i++) sink += run();
    runs += 500;
    elapsed = performance.now() - start;
  }
  if (Number.isNaN(sink)) console.log("unexpected NaN");
  return { perSecond: (runs * 1000) / elapsed, runs, ms: elapsed };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const count = (n: number) => Math.round(n).toLocaleString("en");
const verdict = (met: boolean) => (met ? "met" : "NOT MET");

export async function benchSimulation(): Promise<void> {
  const exampleRaw: unknown = JSON.parse(readFileSync(EXAMPLE_URL, "utf8"));
  const example = parseOrThrow(exampleRaw);
  const simulateOnly = () => simulate(example).metrics.npv;
  const parseAndSimulate = () => simulate(parseOrThrow(exampleRaw)).metrics.npv;

  throughput(simulateOnly, 300); // warm-up
  const plain = throughput(simulateOnly, 2000);
  throughput(parseAndSimulate, 300);
  const withParse = throughput(parseAndSimulate, 2000);
  console.log("Simulation engine");
  console.log(
    `  worked example, simulate() incl. IRR + 14 sensitivity NPVs: ${count(plain.perSecond)} simulations/s ` +
      `(${count(plain.runs)} runs in ${(plain.ms / 1000).toFixed(2)} s; ` +
      `goal >= ${count(THROUGHPUT_GOAL)}: ${verdict(plain.perSecond >= THROUGHPUT_GOAL)})`
  );
  console.log(
    `  worked example, schema parse + simulate(): ${count(withParse.perSecond)} simulations/s ` +
      `(${count(withParse.runs)} runs in ${(withParse.ms / 1000).toFixed(2)} s)`
  );

  const large = largeScenario();
  const samples: number[] = [];
  for (let i = 0; i < 200; i++) simulate(parseOrThrow(large)); // warm-up
  for (let i = 0; i < 1000; i++) {
    const start = performance.now();
    simulate(parseOrThrow(structuredClone(large)));
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const median = percentile(samples, 50);
  const p95 = percentile(samples, 95);
  const max = samples[samples.length - 1];
  const irrPct = simulate(parseOrThrow(large)).metrics.irrPct;
  console.log(
    `  60-year horizon, 50 input rows, parse + simulate() (${samples.length} runs): ` +
      `median ${median.toFixed(3)} ms, p95 ${p95.toFixed(3)} ms, max ${max.toFixed(3)} ms ` +
      `(goal < ${LATENCY_GOAL_MS} ms: ${verdict(p95 < LATENCY_GOAL_MS)}; ` +
      `IRR via the grid scan: ${irrPct === null ? "none" : irrPct.toFixed(4) + " %"})`
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // No top-level await: this module is also imported by the bench runner.
  benchSimulation().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
