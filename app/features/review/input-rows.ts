// The rows of a version's inputs that a comment can be about ("revenues[1]", "subsidy"),
// with their labels. Pure, so the select of the comment form and the server check of a
// submitted `inputPath` use the same list.
import type { SimulationInput } from "~/features/simulation/schema";

export const INPUT_LISTS = ["investments", "grants", "loans", "revenues", "operatingCosts"] as const;
export type InputList = (typeof INPUT_LISTS)[number];

export type InputRow = { path: string; list: InputList | "subsidy"; index: number | null; label: string };

export function inputRows(input: SimulationInput): InputRow[] {
  const rows: InputRow[] = [];
  for (const list of INPUT_LISTS) {
    input[list].forEach((row, index) => rows.push({ path: `${list}[${index}]`, list, index, label: row.label }));
  }
  if (input.subsidy) rows.push({ path: "subsidy", list: "subsidy", index: null, label: input.subsidy.label });
  return rows;
}

/** True when `path` names one of the input's rows; anything else is refused. */
export function isInputPath(input: SimulationInput, path: string): boolean {
  return inputRows(input).some((row) => row.path === path);
}

/** The row a path names, or null. */
export function findInputRow(input: SimulationInput, path: string | null | undefined): InputRow | null {
  if (!path) return null;
  return inputRows(input).find((row) => row.path === path) ?? null;
}
