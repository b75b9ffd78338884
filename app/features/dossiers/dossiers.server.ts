// Data access for dossiers: the list (filters, sort, paging, CSV), create and edit with
// optimistic locking, and what the dossier's pages show. Every function takes the acting
// user and scopes by it (access.server.ts).
import { diffFields, recordAudit } from "~/features/audit/audit.server";
import { forbidden } from "~/features/auth/guards.server";
import { canUseAction, isStaff } from "~/features/auth/permissions";
import type { SessionUser } from "~/features/auth/session.server";
import type { Prisma } from "~/generated/prisma-sqlite/client";
import { db, lockKey, textContains } from "~/platform/db.server";
import { dossierScope, requireDossierAccess } from "./access.server";
import type { ListQuery } from "./list-query";
import { FINAL_PHASES, PHASES, type Phase } from "./phases";
import { formatReference, referenceYear } from "./reference";
import type { DossierInput } from "./schemas";

export const PAGE_SIZE = 25;

type Actor = Pick<SessionUser, "id" | "role" | "municipalities">;

export function badRequest(): never {
  throw new Response("Bad Request", { status: 400, statusText: "Bad Request" });
}

/** Staff-only pages and actions: 403 for a role that may never use them. */
export function assertCanEdit(user: Pick<SessionUser, "role" | "municipalities">) {
  if (!canUseAction(user, "editRegister")) forbidden();
}

/**
 * For every write under a dossier: another municipality's (or a missing) dossier answers
 * 404 first, so existence is never revealed; then a role that may not edit gets 403.
 */
export async function requireDossierEditAccess(user: Pick<SessionUser, "role" | "municipalities">, dossierId: string) {
  const dossier = await requireDossierAccess(user, dossierId);
  assertCanEdit(user);
  return dossier;
}

// ---------------------------------------------------------------------------------------
// List and export
// ---------------------------------------------------------------------------------------

type ListFilters = Omit<ListQuery, "sort" | "dir" | "page">;

export function listWhere(user: Pick<SessionUser, "role" | "municipalities">, f: Partial<ListFilters>): Prisma.DossierWhereInput {
  const and: Prisma.DossierWhereInput[] = [dossierScope(user)];
  if (f.phase) and.push({ phase: f.phase });
  if (f.status === "open") and.push({ phase: { notIn: [...FINAL_PHASES] } });
  if (f.status === "closed") and.push({ phase: { in: [...FINAL_PHASES] } });
  if (f.municipality) and.push({ church: { nisCode: f.municipality } });
  if (f.province) and.push({ church: { municipality: { province: f.province } } });
  if (f.lead) and.push({ leadId: f.lead });
  if (f.call) and.push({ callId: f.call });
  if (f.year) and.push({ year: f.year });
  if (f.q) and.push({ OR: [{ reference: textContains(f.q) }, { church: { name: textContains(f.q) } }] });
  return { AND: and };
}

function listOrder(sort: ListQuery["sort"], dir: ListQuery["dir"]): Prisma.DossierOrderByWithRelationInput[] {
  const byReference: Prisma.DossierOrderByWithRelationInput[] = [{ year: dir }, { seq: dir }];
  switch (sort) {
    case "church":
      return [{ church: { name: dir } }, ...byReference];
    case "municipality":
      return [{ church: { municipality: { name: dir } } }, ...byReference];
    case "startDate":
      return [{ startDate: dir }, ...byReference];
    case "targetDate":
      return [{ targetDate: { sort: dir, nulls: "last" } }, ...byReference];
    default:
      return byReference;
  }
}

const LIST_SELECT = {
  id: true,
  reference: true,
  phase: true,
  startDate: true,
  targetDate: true,
  applicantType: true,
  applicantName: true,
  church: { select: { name: true, municipality: { select: { name: true, province: true } } } },
  lead: { select: { name: true } },
  call: { select: { number: true } },
} satisfies Prisma.DossierSelect;

/**
 * One page in phase order (the trajectory's order, not the code's alphabet), which SQL
 * cannot sort by without a CASE: count the filtered dossiers per phase, then read only the
 * slices of the phases the page spans, newest reference first within a phase.
 */
async function pageInPhaseOrder(where: Prisma.DossierWhereInput, dir: "asc" | "desc", skip: number, take: number) {
  const groups = await db.dossier.groupBy({ by: ["phase"], where, _count: { _all: true } });
  const counts = new Map(groups.map((g) => [g.phase as Phase, g._count._all]));
  const order = dir === "asc" ? PHASES : [...PHASES].reverse();
  const total = groups.reduce((sum, g) => sum + g._count._all, 0);
  const rows = [];
  let offset = 0;
  for (const phase of order) {
    const count = counts.get(phase) ?? 0;
    const from = Math.max(0, skip - offset);
    const want = take === Infinity ? count : skip + take - offset - from;
    if (count > 0 && from < count && want > 0) {
      rows.push(
        ...(await db.dossier.findMany({
          where: { AND: [where, { phase }] },
          orderBy: [{ year: "desc" }, { seq: "desc" }],
          skip: from,
          ...(take === Infinity ? {} : { take: Math.min(want, count - from) }),
          select: LIST_SELECT,
        })),
      );
    }
    offset += count;
    if (take !== Infinity && offset >= skip + take) break;
  }
  return { total, rows };
}

export async function listDossiers({ user, query }: { user: Pick<SessionUser, "role" | "municipalities">; query: ListQuery }) {
  const where = listWhere(user, query);
  const skip = (query.page - 1) * PAGE_SIZE;
  if (query.sort === "phase") {
    const { total, rows } = await pageInPhaseOrder(where, query.dir, skip, PAGE_SIZE);
    return paged(total, query.page, rows);
  }
  const [total, rows] = await Promise.all([
    db.dossier.count({ where }),
    db.dossier.findMany({ where, orderBy: listOrder(query.sort, query.dir), skip, take: PAGE_SIZE, select: LIST_SELECT }),
  ]);
  return paged(total, query.page, rows);
}

function paged<T>(total: number, page: number, rows: T[]) {
  return { total, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)), rows };
}

/** Every filtered dossier, in the list's order, for the CSV export (no paging). */
export async function exportDossiers({ user, query }: { user: Pick<SessionUser, "role" | "municipalities">; query: ListQuery }) {
  const where = listWhere(user, query);
  if (query.sort === "phase") return (await pageInPhaseOrder(where, query.dir, 0, Infinity)).rows;
  return db.dossier.findMany({ where, orderBy: listOrder(query.sort, query.dir), select: LIST_SELECT });
}

/** The choices of the list's filters, limited to what the user may see. */
export async function listFilterOptions(user: Pick<SessionUser, "role" | "municipalities">) {
  const scope = dossierScope(user);
  const [municipalities, leads, calls, years] = await Promise.all([
    db.municipality.findMany({
      where: { churches: { some: { dossiers: { some: scope } } } },
      orderBy: { name: "asc" },
      select: { nisCode: true, name: true, province: true },
    }),
    isStaff(user)
      ? db.user.findMany({ where: { leadDossiers: { some: {} } }, orderBy: { name: "asc" }, select: { id: true, name: true } })
      : Promise.resolve([]),
    db.call.findMany({ orderBy: { number: "asc" }, select: { id: true, number: true, title: true } }),
    db.dossier.findMany({ where: scope, distinct: ["year"], orderBy: { year: "desc" }, select: { year: true } }),
  ]);
  const provinces = [...new Set(municipalities.map((m) => m.province))].sort((a, b) => a.localeCompare(b, "nl"));
  return { municipalities, provinces, leads, calls, years: years.map((y) => y.year) };
}

// ---------------------------------------------------------------------------------------
// Create and edit
// ---------------------------------------------------------------------------------------

/** What the dossier form offers: churches, staff members and calls. */
export async function dossierFormOptions(user: Actor) {
  assertCanEdit(user);
  const [churches, staff, calls] = await Promise.all([
    db.church.findMany({
      orderBy: [{ municipality: { name: "asc" } }, { name: "asc" }],
      select: { id: true, name: true, municipality: { select: { name: true } } },
    }),
    staffMembers(),
    db.call.findMany({ orderBy: { number: "desc" }, select: { id: true, number: true, title: true } }),
  ]);
  return { churches, staff, calls };
}

export function staffMembers() {
  return db.user.findMany({
    where: { role: { in: ["ADMIN", "STAFF"] }, deactivatedAt: null },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

export type FieldErrors = Record<string, string[]>;

/** Ids the form sent must name real, usable records; per-field messages otherwise. */
async function checkReferences(input: DossierInput): Promise<FieldErrors | null> {
  const people = [...new Set([input.leadId, ...input.team])];
  const [church, call, staff] = await Promise.all([
    db.church.findUnique({ where: { id: input.churchId }, select: { id: true } }),
    input.callId ? db.call.findUnique({ where: { id: input.callId }, select: { id: true } }) : Promise.resolve(true),
    db.user.findMany({ where: { id: { in: people }, role: { in: ["ADMIN", "STAFF"] }, deactivatedAt: null }, select: { id: true } }),
  ]);
  const staffIds = new Set(staff.map((s) => s.id));
  const errors: FieldErrors = {};
  if (!church) errors.churchId = ["error.invalidChoice"];
  if (!call) errors.callId = ["error.invalidChoice"];
  if (!staffIds.has(input.leadId)) errors.leadId = ["error.invalidChoice"];
  if (input.team.some((id) => !staffIds.has(id))) errors.team = ["error.invalidChoice"];
  return Object.keys(errors).length ? errors : null;
}

function dossierData(input: DossierInput) {
  return {
    churchId: input.churchId,
    callId: input.callId ?? null,
    applicantType: input.applicantType,
    applicantName: input.applicantName,
    leadId: input.leadId,
    startDate: input.startDate,
    targetDate: input.targetDate ?? null,
    description: input.description ?? null,
    internalNotes: input.internalNotes ?? null,
  };
}

/** The lead is always part of the team. */
function teamOf(input: DossierInput) {
  return [...new Set([input.leadId, ...input.team])];
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

const CREATE_ATTEMPTS = 8;

export type CreateResult = { ok: true; id: string; reference: string } | { ok: false; fieldErrors: FieldErrors };

/**
 * A new dossier in INTAKE. The next number of the start date's year is read inside the
 * transaction, under a lock per year (lockKey), so creations at the same moment, also from
 * several app processes, take turns. Should a number still be taken (a row written
 * without the lock), the unique (year, seq) index refuses it and we try again.
 */
export async function createDossier({ user, input }: { user: Actor; input: DossierInput }): Promise<CreateResult> {
  assertCanEdit(user);
  const fieldErrors = await checkReferences(input);
  if (fieldErrors) return { ok: false, fieldErrors };
  const year = referenceYear(input.startDate);
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        await lockKey(tx, `dossier-reference:${year}`);
        const last = await tx.dossier.findFirst({ where: { year }, orderBy: { seq: "desc" }, select: { seq: true } });
        const seq = (last?.seq ?? 0) + 1;
        const reference = formatReference(year, seq);
        const now = new Date();
        const dossier = await tx.dossier.create({
          data: {
            ...dossierData(input),
            reference,
            year,
            seq,
            phase: "INTAKE",
            phaseChangedAt: now,
            members: { create: teamOf(input).map((userId) => ({ userId })) },
            transitions: { create: { fromPhase: null, toPhase: "INTAKE", byId: user.id, at: now } },
          },
          select: { id: true, reference: true },
        });
        await recordAudit(
          {
            userId: user.id,
            action: "CREATE",
            entityType: "Dossier",
            entityId: dossier.id,
            dossierId: dossier.id,
            summary: { reference, churchId: input.churchId, applicantName: input.applicantName, leadId: input.leadId },
          },
          tx,
        );
        return { ok: true as const, id: dossier.id, reference: dossier.reference };
      });
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= CREATE_ATTEMPTS) throw error;
    }
  }
}

/** The dossier's editable fields, for the edit form (staff only, so internal notes are included). */
export async function getDossierForEdit({ user, id }: { user: Actor; id: string }) {
  await requireDossierEditAccess(user, id);
  const d = await db.dossier.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      reference: true,
      version: true,
      churchId: true,
      callId: true,
      applicantType: true,
      applicantName: true,
      leadId: true,
      startDate: true,
      targetDate: true,
      description: true,
      internalNotes: true,
      members: { select: { userId: true } },
    },
  });
  const { members, ...rest } = d;
  return { ...rest, team: members.map((m) => m.userId) };
}

/** One field someone else changed since the version the user started from. */
export type ConflictChange = { field: string; before: unknown; after: unknown; by: string | null; at: Date };

export type UpdateResult =
  | { ok: true; version: number }
  | { ok: false; fieldErrors: FieldErrors }
  | { ok: false; conflict: { currentVersion: number; changes: ConflictChange[] } };

const EDIT_FIELDS = [
  "churchId",
  "callId",
  "applicantType",
  "applicantName",
  "leadId",
  "startDate",
  "targetDate",
  "description",
  "internalNotes",
  "team",
] as const;

/**
 * Saves an edit made from `version`. When someone saved in between, nothing is written and
 * the changes made since that version are returned, so the user can compare and redo theirs.
 */
export async function updateDossier({
  user,
  id,
  version,
  input,
}: {
  user: Actor;
  id: string;
  version: number;
  input: DossierInput;
}): Promise<UpdateResult> {
  await requireDossierEditAccess(user, id);
  const fieldErrors = await checkReferences(input);
  if (fieldErrors) return { ok: false, fieldErrors };
  const outcome = await db.$transaction(async (tx) => {
    const before = await tx.dossier.findUniqueOrThrow({ where: { id }, include: { members: { select: { userId: true } } } });
    const data = dossierData(input);
    const { count } = await tx.dossier.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
    if (count === 0) return { conflict: true as const, currentVersion: before.version };
    const team = teamOf(input);
    await tx.dossierMember.deleteMany({ where: { dossierId: id } });
    await tx.dossierMember.createMany({ data: team.map((userId) => ({ dossierId: id, userId })) });
    const changes = diffFields(
      { ...pick(before, EDIT_FIELDS), team: before.members.map((m) => m.userId).sort().join(",") },
      { ...data, team: [...team].sort().join(",") },
    );
    await recordAudit(
      { userId: user.id, action: "UPDATE", entityType: "Dossier", entityId: id, dossierId: id, summary: { version: version + 1, changes } },
      tx,
    );
    return { conflict: false as const, newVersion: version + 1 };
  });
  if (!outcome.conflict) return { ok: true, version: outcome.newVersion };
  return { ok: false, conflict: { currentVersion: outcome.currentVersion, changes: await changesSince(id, version) } };
}

function pick<T extends object, K extends readonly string[]>(record: T, keys: K) {
  const out: Record<string, unknown> = {};
  for (const key of keys) if (key in record) out[key] = (record as Record<string, unknown>)[key];
  return out;
}

/** The field changes recorded in the audit trail after `version`, oldest first. */
async function changesSince(dossierId: string, version: number): Promise<ConflictChange[]> {
  const events = await db.auditEvent.findMany({
    where: { dossierId, entityType: "Dossier", entityId: dossierId, action: { in: ["UPDATE", "PHASE_MOVE"] } },
    orderBy: { at: "asc" },
    select: { at: true, action: true, summary: true, user: { select: { name: true } } },
  });
  const byField = new Map<string, ConflictChange>();
  for (const event of events) {
    const summary = parseSummary(event.summary);
    if (typeof summary.version !== "number" || summary.version <= version) continue;
    // A phase move also bumps the version: show it as a change of the phase.
    const changes = event.action === "PHASE_MOVE" ? { phase: [summary.from, summary.to] } : (summary.changes ?? {});
    for (const [field, pair] of Object.entries(changes as Record<string, [unknown, unknown]>)) {
      const earlier = byField.get(field);
      byField.set(field, { field, before: earlier ? earlier.before : pair[0], after: pair[1], by: event.user?.name ?? null, at: event.at });
    }
  }
  return [...byField.values()].filter((c) => String(c.before) !== String(c.after));
}

function parseSummary(text: string | null): Record<string, unknown> {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

// ---------------------------------------------------------------------------------------
// Reading one dossier
// ---------------------------------------------------------------------------------------

/** The header every tab shows. */
export async function getDossierHeader({ user, id }: { user: Actor; id: string }) {
  await requireDossierAccess(user, id);
  return db.dossier.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      reference: true,
      phase: true,
      version: true,
      applicantType: true,
      applicantName: true,
      church: { select: { id: true, name: true, municipality: { select: { name: true } } } },
      lead: { select: { name: true } },
    },
  });
}

/** The overview's facts; internal notes only for staff (never sent to a municipality). */
export async function getDossierDetails({ user, id }: { user: Actor; id: string }) {
  await requireDossierAccess(user, id);
  const staff = isStaff(user);
  const d = await db.dossier.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      version: true,
      phase: true,
      phaseChangedAt: true,
      startDate: true,
      targetDate: true,
      completedAt: true,
      description: true,
      internalNotes: staff,
      applicantType: true,
      applicantName: true,
      call: { select: { number: true, title: true } },
      members: { select: { user: { select: { id: true, name: true } } } },
    },
  });
  const { members, internalNotes, ...rest } = d as typeof d & { internalNotes?: string | null };
  return {
    ...rest,
    team: members.map((m) => m.user).sort((a, b) => a.name.localeCompare(b.name, "nl")),
    ...(staff ? { internalNotes: internalNotes ?? null } : {}),
  };
}

export type { Phase };
