/**
 * Canonical JSON of simulation inputs and its SHA-256, the identity of a frozen version.
 *
 * Pure (Web Crypto is a global in Node 20 and in browsers), so the review and PDF features
 * can recompute and check a hash wherever they run. Keys are sorted at every depth and there
 * is no whitespace, so the same inputs always give the same text and the same hash.
 */
import { parseSimulationInput, type SimulationInput } from "./schema";

/** A copy with the keys of every object sorted; arrays keep their order; undefined is dropped. */
export function canonicalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalize);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value as Record<string, unknown>).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = canonicalize(v);
    }
    return out;
  }
  return value;
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalize(value));
}

/** The stored form of inputs: canonical JSON of the parsed input (all defaults applied). */
export function canonicalInputs(input: SimulationInput): string {
  return canonicalJson(input);
}

/** SHA-256 of a text, as 64 lowercase hex digits. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The content hash of a version: SHA-256 of the canonical JSON of its parsed inputs. */
export function contentHash(input: SimulationInput): Promise<string> {
  return sha256Hex(canonicalInputs(input));
}

/** Stored inputs text back to the engine's input; throws on text that is not a valid input. */
export function readStoredInputs(text: string): SimulationInput {
  const parsed = parseSimulationInput(JSON.parse(text));
  if (!parsed.success) throw new Error(`Stored simulation inputs are invalid: ${parsed.issues.map((i) => `${i.path} ${i.key}`).join(", ")}`);
  return parsed.data;
}
