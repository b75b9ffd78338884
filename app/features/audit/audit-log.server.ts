// The admin's view of the audit trail: filtered, paged (newest first) and exported as CSV.
// Every function takes the acting user and refuses anyone but an account manager (403).
import { forbidden } from "~/features/auth/guards.server";
import { canUseAction } from "~/features/auth/permissions";
import type { SessionUser } from "~/features/auth/session.server";
import type { Prisma } from "~/platform/db.server";
import { db } from "~/platform/db.server";
import { translate } from "~/platform/i18n/catalogue";
import type { Locale } from "~/platform/i18n/locales";
import { AUDIT_ACTIONS } from "./actions";
import { recordAudit } from "./audit.server";
import { toCsv } from "./csv";
import { type AuditFilter, periodOf } from "./filters";

export const AUDIT_PAGE_SIZE = 50;
/** An export larger than this is cut off (and says so in its last line). */
export const AUDIT_EXPORT_MAX = 50_000;

function assertAuditor(actor: SessionUser) {
  if (!canUseAction(actor, "manageAccounts")) forbidden();
}

function whereOf(filter: Partial<AuditFilter>): Prisma.AuditEventWhereInput {
  const period = periodOf(filter);
  return {
    ...(filter.user ? { userId: filter.user } : {}),
    ...(filter.entityType ? { entityType: filter.entityType } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(period.gte || period.lt ? { at: period } : {}),
  };
}

const eventSelect = {
  id: true,
  at: true,
  action: true,
  entityType: true,
  entityId: true,
  dossierId: true,
  summary: true,
  user: { select: { id: true, name: true, email: true } },
  dossier: { select: { reference: true } },
} satisfies Prisma.AuditEventSelect;

type EventRow = Prisma.AuditEventGetPayload<{ select: typeof eventSelect }>;

/** The summary as readable "key: value" text; the stored JSON is already scrubbed of secrets. */
export function summaryText(summary: string | null): string {
  if (!summary) return "";
  try {
    const value: unknown = JSON.parse(summary);
    if (value && typeof value === "object" && !Array.isArray(value)) {
      return Object.entries(value as Record<string, unknown>)
        .map(([key, v]) => `${key}: ${typeof v === "string" ? v : JSON.stringify(v)}`)
        .join("; ");
    }
    return JSON.stringify(value);
  } catch {
    return summary;
  }
}

function dossierRef(row: EventRow): string | null {
  return row.dossier?.reference ?? null;
}

export async function listAuditEvents({ actor, filter }: { actor: SessionUser; filter: Partial<AuditFilter> }) {
  assertAuditor(actor);
  const where = whereOf(filter);
  const total = await db.auditEvent.count({ where });
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(filter.page ?? 1, pages);
  const rows = await db.auditEvent.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
    select: eventSelect,
  });
  return {
    total,
    page,
    pages,
    events: rows.map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      dossierId: row.dossierId,
      dossierRef: dossierRef(row),
      user: row.user,
      summary: summaryText(row.summary),
    })),
  };
}

/** What the filter form offers: every user, the entity types and actions that occur. */
export async function auditFilterOptions({ actor }: { actor: SessionUser }) {
  assertAuditor(actor);
  const [users, types] = await Promise.all([
    db.user.findMany({ orderBy: [{ name: "asc" }, { email: "asc" }], select: { id: true, name: true, email: true } }),
    db.auditEvent.groupBy({ by: ["entityType"], orderBy: { entityType: "asc" } }),
  ]);
  return { users, entityTypes: types.map((t) => t.entityType), actions: AUDIT_ACTIONS };
}

const brusselsTime = new Intl.DateTimeFormat("nl-BE", {
  timeZone: "Europe/Brussels",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** The filtered rows as CSV (newest first); the export itself is audited. */
export async function exportAuditCsv({ actor, filter, locale }: { actor: SessionUser; filter: Partial<AuditFilter>; locale: Locale }) {
  assertAuditor(actor);
  const rows = await db.auditEvent.findMany({
    where: whereOf(filter),
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: AUDIT_EXPORT_MAX + 1,
    select: eventSelect,
  });
  const t = (key: string) => translate(locale, key);
  const header = [
    t("audit.col.at"),
    t("audit.col.user"),
    t("audit.col.email"),
    t("audit.col.action"),
    t("audit.col.entityType"),
    t("audit.col.entityId"),
    t("audit.col.dossier"),
    t("audit.col.summary"),
  ];
  const body: (string | null)[][] = rows.slice(0, AUDIT_EXPORT_MAX).map((row) => [
    brusselsTime.format(row.at),
    row.user?.name ?? t("audit.system"),
    row.user?.email ?? null,
    t(`audit.action.${row.action}`),
    row.entityType,
    row.entityId,
    dossierRef(row),
    summaryText(row.summary),
  ]);
  if (rows.length > AUDIT_EXPORT_MAX) body.push([t("audit.export.truncated")]);
  await recordAudit({
    userId: actor.id,
    action: "DOWNLOAD",
    entityType: "AuditEvent",
    summary: { export: "csv", rows: Math.min(rows.length, AUDIT_EXPORT_MAX), filter: { ...filter, page: undefined } },
  });
  return toCsv(header, body);
}
