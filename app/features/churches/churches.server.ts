// The church register: list, detail, create and edit. Every function takes the acting user
// and checks the permission itself; edits use optimistic locking (the version column).
import { forbidden, notFound } from "~/features/auth/guards.server";
import { canUseAction } from "~/features/auth/permissions";
import type { SessionUser } from "~/features/auth/session.server";
import { diffFields, recordAudit } from "~/features/audit/audit.server";
import type { Prisma } from "~/generated/prisma-sqlite/client";
import { db, textContains } from "~/platform/db.server";
import { CHURCH_DATA_FIELDS, type ChurchData, type ChurchQuery } from "./schemas";

export const CHURCH_PAGE_SIZE = 25;

type Actor = Pick<SessionUser, "id" | "role" | "municipalities">;

export function assertRegisterEditor(actor: Actor) {
  if (!canUseAction(actor, "editRegister")) forbidden();
}

/** A field error the form shows beside the field (message key). */
export class ChurchFieldError extends Error {
  constructor(
    readonly field: keyof ChurchData,
    readonly key: string,
  ) {
    super(key);
  }
}

export async function listMunicipalityOptions() {
  return db.municipality.findMany({
    orderBy: [{ province: "asc" }, { name: "asc" }],
    select: { nisCode: true, name: true, province: true },
  });
}

const ORDER: Record<ChurchQuery["sort"], (dir: "asc" | "desc") => Prisma.ChurchOrderByWithRelationInput[]> = {
  name: (dir) => [{ name: dir }, { id: "asc" }],
  municipality: (dir) => [{ municipality: { name: dir } }, { name: "asc" }, { id: "asc" }],
  protection: (dir) => [{ protectionStatus: dir }, { name: "asc" }, { id: "asc" }],
  updated: (dir) => [{ updatedAt: dir }, { id: "asc" }],
};

export async function listChurches({ actor, query }: { actor: Actor; query: ChurchQuery }) {
  assertRegisterEditor(actor);
  const q = query.q?.trim();
  const where: Prisma.ChurchWhereInput = {
    AND: [
      q
        ? {
            OR: [
              { name: textContains(q) },
              { parish: textContains(q) },
              { place: textContains(q) },
              { municipality: { name: textContains(q) } },
            ],
          }
        : {},
      query.province ? { municipality: { province: query.province } } : {},
      query.nisCode ? { nisCode: query.nisCode } : {},
      query.protection ? { protectionStatus: query.protection } : {},
      query.use ? { currentUse: query.use } : {},
      query.destination ? { policyDestination: query.destination } : {},
    ],
  };
  const total = await db.church.count({ where });
  const pages = Math.max(1, Math.ceil(total / CHURCH_PAGE_SIZE));
  const page = Math.min(query.page, pages);
  const rows = await db.church.findMany({
    where,
    orderBy: ORDER[query.sort](query.dir),
    skip: (page - 1) * CHURCH_PAGE_SIZE,
    take: CHURCH_PAGE_SIZE,
    select: {
      id: true,
      name: true,
      parish: true,
      place: true,
      protectionStatus: true,
      currentUse: true,
      policyDestination: true,
      updatedAt: true,
      municipality: { select: { name: true, province: true } },
      _count: { select: { dossiers: true } },
    },
  });
  return { total, page, pages, rows };
}

export async function getChurch({ actor, id }: { actor: Actor; id: string }) {
  assertRegisterEditor(actor);
  const church = await db.church.findUnique({
    where: { id },
    include: {
      municipality: { select: { name: true, province: true } },
      dossiers: {
        orderBy: [{ year: "desc" }, { seq: "desc" }],
        select: { id: true, reference: true, phase: true, startDate: true, call: { select: { id: true, number: true } } },
      },
    },
  });
  if (!church) notFound();
  return church;
}

async function checkReferences(data: ChurchData, client: Prisma.TransactionClient | typeof db, exceptId?: string) {
  const municipality = await client.municipality.findUnique({ where: { nisCode: data.nisCode }, select: { nisCode: true } });
  if (!municipality) throw new ChurchFieldError("nisCode", "churches.error.municipalityUnknown");
  if (data.inventoryUri) {
    const other = await client.church.findUnique({ where: { inventoryUri: data.inventoryUri }, select: { id: true } });
    if (other && other.id !== exceptId) throw new ChurchFieldError("inventoryUri", "churches.error.inventoryUriTaken");
  }
}

/** A unique-constraint failure that slipped past the check (two saves at the same moment). */
function isUniqueViolation(error: unknown) {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

/** The fields a new church was given (blanks left out), for the audit trail. */
function filledFields(data: ChurchData) {
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== null && v !== ""));
}

export async function createChurch({ actor, data }: { actor: Actor; data: ChurchData }) {
  assertRegisterEditor(actor);
  try {
    return await db.$transaction(async (tx) => {
      await checkReferences(data, tx);
      const church = await tx.church.create({ data });
      await recordAudit(
        { userId: actor.id, action: "CREATE", entityType: "Church", entityId: church.id, summary: { fields: filledFields(data) } },
        tx,
      );
      return church;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ChurchFieldError("inventoryUri", "churches.error.inventoryUriTaken");
    throw error;
  }
}

export type ChurchChange = { field: keyof ChurchData; theirs: unknown; yours: unknown };

export type UpdateResult =
  | { ok: true; version: number }
  | { ok: false; conflict: { version: number; changes: ChurchChange[]; updatedAt: Date } };

function pickData(church: ChurchData): ChurchData {
  return Object.fromEntries(CHURCH_DATA_FIELDS.map((f) => [f, church[f]])) as ChurchData;
}

/**
 * Saves an edit made from `version`. When someone else saved in between, nothing is written
 * and the answer lists where the stored values differ from the user's.
 */
export async function updateChurch({ actor, id, version, data }: { actor: Actor; id: string; version: number; data: ChurchData }): Promise<UpdateResult> {
  assertRegisterEditor(actor);
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.church.findUnique({ where: { id } });
      if (!before) notFound();
      if (before.version !== version) {
        const stored = pickData(before);
        const changes = Object.entries(diffFields(stored, data)).map(([field, [theirs, yours]]) => ({
          field: field as keyof ChurchData,
          theirs,
          yours,
        }));
        return { ok: false as const, conflict: { version: before.version, changes, updatedAt: before.updatedAt } };
      }
      await checkReferences(data, tx, id);
      const { count } = await tx.church.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
      if (count !== 1) {
        // Lost the race between the read and the write: report it as a conflict too.
        const now = await tx.church.findUniqueOrThrow({ where: { id } });
        return { ok: false as const, conflict: { version: now.version, changes: [], updatedAt: now.updatedAt } };
      }
      const changes = diffFields(pickData(before), data);
      await recordAudit({ userId: actor.id, action: "UPDATE", entityType: "Church", entityId: id, summary: { changes } }, tx);
      return { ok: true as const, version: version + 1 };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ChurchFieldError("inventoryUri", "churches.error.inventoryUriTaken");
    throw error;
  }
}
