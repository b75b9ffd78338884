// CSV import of churches, the database part: which rows create and which update a church,
// and the all-or-nothing import in one transaction with one audit event.
import type { SessionUser } from "~/features/auth/session.server";
import { recordAudit } from "~/features/audit/audit.server";
import type { Prisma } from "~/generated/prisma-sqlite/client";
import { db } from "~/platform/db.server";
import { assertRegisterEditor } from "./churches.server";
import { analyseCsv, type CsvAnalysis, type CsvIssue, type ImportChurch, isImportable, normaliseToken } from "./csv-import";

type Actor = Pick<SessionUser, "id" | "role" | "municipalities">;
type Client = Prisma.TransactionClient | typeof db;

export type PreviewRow = {
  line: number;
  name: string | null;
  municipality: string | null;
  action: "create" | "update" | null;
  matchId: string | null;
  issues: CsvIssue[];
};

export type ImportPreview = {
  separator: ";" | ",";
  columns: CsvAnalysis["columns"];
  fileIssues: CsvIssue[];
  rows: PreviewRow[];
  counts: { rows: number; create: number; update: number; withIssues: number };
  importable: boolean;
};

type Planned = { preview: ImportPreview; plan: { data: ImportChurch; matchId: string | null }[] };

// SQLite refuses queries with too many parameters: look URIs up in slices.
const SLICE = 500;
const candidateSelect = { id: true, name: true, nisCode: true, inventoryUri: true, createdAt: true } as const;

/** Existing churches a row may match: those with one of the URIs, or in one of the municipalities. */
async function findCandidates(client: Client, uris: string[], nisCodes: string[]) {
  type Candidate = { id: string; name: string; nisCode: string; inventoryUri: string | null; createdAt: Date };
  const found = new Map<string, Candidate>();
  // Slice by slice, not all at once: inside the import's transaction the queries share one
  // connection, which takes one at a time (pg warns about overlapping ones).
  const keep = (rows: Candidate[]) => rows.forEach((row) => found.set(row.id, row));
  for (let i = 0; i < nisCodes.length; i += SLICE) {
    keep(await client.church.findMany({ where: { nisCode: { in: nisCodes.slice(i, i + SLICE) } }, select: candidateSelect }));
  }
  for (let i = 0; i < uris.length; i += SLICE) {
    keep(await client.church.findMany({ where: { inventoryUri: { in: uris.slice(i, i + SLICE) } }, select: candidateSelect }));
  }
  // Oldest first, so an ambiguous name match is at least stable.
  return [...found.values()].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
}

/** Matches each valid row to an existing church: by inventory URI, else by name within the municipality. */
async function plan(text: string, client: Client): Promise<Planned> {
  const municipalities = await client.municipality.findMany({ select: { nisCode: true, name: true } });
  const analysis = analyseCsv(text, municipalities);
  const names = new Map(municipalities.map((m) => [m.nisCode, m.name]));
  const valid = analysis.rows.flatMap((r) => (r.data ? [r.data] : []));
  const uris = valid.flatMap((d) => (d.inventoryUri ? [d.inventoryUri] : []));
  const nisCodes = [...new Set(valid.map((d) => d.nisCode))];
  const existing = await findCandidates(client, uris, nisCodes);
  const byUri = new Map(existing.flatMap((c) => (c.inventoryUri ? [[c.inventoryUri, c.id] as const] : [])));
  const byName = new Map<string, string[]>();
  for (const c of existing) {
    const key = `${c.nisCode}|${normaliseToken(c.name)}`;
    byName.set(key, [...(byName.get(key) ?? []), c.id]);
  }

  const claimed = new Map<string, number>();
  const planned: Planned["plan"] = [];
  const rows: PreviewRow[] = analysis.rows.map((row) => {
    const base = { line: row.line, issues: [...row.issues] };
    if (!row.data) return { ...base, name: null, municipality: null, action: null, matchId: null };
    const d = row.data;
    let matchId = d.inventoryUri ? (byUri.get(d.inventoryUri) ?? null) : null;
    if (!matchId) {
      const candidates = byName.get(`${d.nisCode}|${normaliseToken(d.name)}`) ?? [];
      if (candidates.length > 1) base.issues.push({ line: row.line, column: null, key: "churches.import.error.ambiguousMatch", params: { count: candidates.length } });
      matchId = candidates[0] ?? null;
    }
    if (matchId && claimed.has(matchId)) {
      base.issues.push({ line: row.line, column: null, key: "churches.import.error.sameChurchTwice", params: { line: claimed.get(matchId)! } });
    }
    if (matchId) claimed.set(matchId, row.line);
    if (base.issues.length === 0) planned.push({ data: d, matchId });
    return { ...base, name: d.name, municipality: names.get(d.nisCode) ?? d.nisCode, action: matchId ? "update" : "create", matchId };
  });

  const withIssues = rows.filter((r) => r.issues.length > 0).length;
  const preview: ImportPreview = {
    separator: analysis.separator,
    columns: analysis.columns,
    fileIssues: analysis.fileIssues,
    rows,
    counts: {
      rows: rows.length,
      create: rows.filter((r) => r.issues.length === 0 && r.action === "create").length,
      update: rows.filter((r) => r.issues.length === 0 && r.action === "update").length,
      withIssues,
    },
    importable: isImportable(analysis) && withIssues === 0,
  };
  return { preview, plan: planned };
}

export async function previewImport({ actor, text }: { actor: Actor; text: string }): Promise<ImportPreview> {
  assertRegisterEditor(actor);
  return (await plan(text, db)).preview;
}

export type ImportOutcome = { ok: true; created: number; updated: number } | { ok: false; preview: ImportPreview };

/**
 * Re-validates the file and imports every row, or nothing: any problem (also one that
 * appeared since the preview) leaves the database untouched.
 */
export async function runImport({ actor, text, fileName }: { actor: Actor; text: string; fileName: string }): Promise<ImportOutcome> {
  assertRegisterEditor(actor);
  return db.$transaction(
    async (tx) => {
      const { preview, plan: rows } = await plan(text, tx);
      if (!preview.importable) return { ok: false as const, preview };
      const creates = rows.filter((r) => !r.matchId).map((r) => r.data);
      const updates = rows.filter((r) => r.matchId);
      // New churches in batches (one statement per slice); updates differ per row.
      for (let i = 0; i < creates.length; i += 200) await tx.church.createMany({ data: creates.slice(i, i + 200) });
      for (const { data, matchId } of updates) {
        await tx.church.update({ where: { id: matchId! }, data: { ...data, version: { increment: 1 } } });
      }
      const created = creates.length;
      const updated = updates.length;
      await recordAudit(
        {
          userId: actor.id,
          action: "CREATE",
          entityType: "ChurchImport",
          summary: { fileName, rows: rows.length, created, updated, separator: preview.separator },
        },
        tx,
      );
      return { ok: true as const, created, updated };
    },
    { timeout: 60_000 },
  );
}
