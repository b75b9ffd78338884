// Every model of the schema, by name, with a way to reach its delegate on a client: for
// tools that treat all tables alike (row counts, moving a deployment between databases).
import { Prisma } from "~/generated/prisma-sqlite/client";
import type { Db } from "./db.server";

export type ModelName = Prisma.ModelName;
export const MODEL_NAMES = Object.values(Prisma.ModelName) as ModelName[];

type AnyDelegate = {
  count(args?: unknown): Promise<number>;
  findMany(args?: unknown): Promise<Record<string, unknown>[]>;
  createMany(args: { data: Record<string, unknown>[] }): Promise<{ count: number }>;
};

/** The client's delegate for a model: `db.dossierMember` for "DossierMember". */
export function delegateOf(db: Db, model: ModelName): AnyDelegate {
  const key = model.charAt(0).toLowerCase() + model.slice(1);
  return (db as unknown as Record<string, AnyDelegate>)[key];
}

/** Rows per model, in schema order. */
export async function countRows(db: Db): Promise<Record<ModelName, number>> {
  const counts = {} as Record<ModelName, number>;
  for (const model of MODEL_NAMES) counts[model] = await delegateOf(db, model).count();
  return counts;
}
