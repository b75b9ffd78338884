import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseSimulationInput, type SimulationInput } from "~/features/simulation/schema";

export const EXAMPLE_PATH = fileURLToPath(new URL("./fixtures/example-scenario.json", import.meta.url));

/** The worked example of docs/simulation.md, as written (raw JSON). */
export function exampleRaw(): Record<string, unknown> {
  return JSON.parse(readFileSync(EXAMPLE_PATH, "utf8")) as Record<string, unknown>;
}

export function parse(raw: unknown): SimulationInput {
  const result = parseSimulationInput(raw);
  if (!result.success) throw new Error(`unexpected issues: ${JSON.stringify(result.issues)}`);
  return result.data;
}

export function example(): SimulationInput {
  return parse(exampleRaw());
}

/** A minimal valid input with the given fields on top. */
export function input(fields: Record<string, unknown>): SimulationInput {
  return parse({ startYear: 2026, ...fields });
}

export function cents(value: number): number {
  return Math.round(value * 100) / 100;
}

export function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
