// The staff dashboard: reads the few columns the figures need and hands them to the pure
// helpers in dashboard.ts. Staff only (a municipality user gets 403 at the route guard;
// this module checks again so no caller can skip it).
import { forbidden } from "~/features/auth/guards.server";
import { isStaff } from "~/features/auth/permissions";
import type { SessionUser } from "~/features/auth/session.server";
import type { Phase } from "~/features/dossiers/phases";
import { db } from "~/platform/db.server";
import {
  applyFilter,
  averagePhaseDurations,
  closedAtOf,
  countByPhase,
  countByProvince,
  countByYear,
  type DashboardFilter,
  type DossierFact,
  type TransitionFact,
  yearEnd,
  yearStart,
} from "./dashboard";

type Actor = Pick<SessionUser, "role">;

export const OVERDUE_LIMIT = 50;

/** Every dossier with the facts the figures need, and all phase transitions. */
export async function loadDossierFacts(): Promise<{ dossiers: DossierFact[]; transitions: TransitionFact[] }> {
  const rows = await db.dossier.findMany({
    select: {
      id: true,
      phase: true,
      startDate: true,
      completedAt: true,
      church: { select: { municipality: { select: { province: true } } } },
      transitions: { select: { toPhase: true, at: true } },
    },
  });
  const dossiers: DossierFact[] = rows.map((d) => ({
    id: d.id,
    phase: d.phase,
    province: d.church.municipality.province,
    startDate: d.startDate,
    completedAt: d.completedAt,
    closedAt: closedAtOf(d.transitions) ?? (d.completedAt && d.phase === "COMPLETED" ? d.completedAt : null),
  }));
  const transitions = rows.flatMap((d) => d.transitions.map((t) => ({ dossierId: d.id, toPhase: t.toPhase as Phase, at: t.at })));
  return { dossiers, transitions };
}

export async function getDashboard({ user, filter, now = new Date() }: { user: Actor; filter: DashboardFilter; now?: Date }) {
  if (!isStaff(user)) forbidden();
  const [{ dossiers, transitions }, provinceRows, calls] = await Promise.all([
    loadDossierFacts(),
    db.municipality.findMany({ distinct: ["province"], select: { province: true }, orderBy: { province: "asc" } }),
    db.call.findMany({
      where: filter.year !== undefined ? { opensOn: { gte: yearStart(filter.year), lte: yearEnd(filter.year) } } : {},
      orderBy: { number: "desc" },
      select: {
        id: true,
        number: true,
        title: true,
        opensOn: true,
        closesOn: true,
        dossiers: { select: { phase: true, church: { select: { municipality: { select: { province: true } } } } } },
      },
    }),
  ]);
  const filtered = applyFilter(dossiers, filter);
  const ids = filtered.map((d) => d.id);
  const overdueWhere = { doneAt: null, dueDate: { lt: now }, dossierId: { in: ids } };
  const [overdue, overdueCount] = await Promise.all([
    db.task.findMany({
      where: overdueWhere,
      orderBy: { dueDate: "asc" },
      take: OVERDUE_LIMIT,
      select: { id: true, title: true, dueDate: true, owner: { select: { name: true } }, dossier: { select: { id: true, reference: true, church: { select: { name: true } } } } },
    }),
    db.task.count({ where: overdueWhere }),
  ]);
  const years = new Set<number>();
  for (const d of dossiers) {
    years.add(d.startDate.getUTCFullYear());
    if (d.completedAt) years.add(d.completedAt.getUTCFullYear());
  }
  years.add(now.getUTCFullYear());
  return {
    filter,
    options: { years: [...years].sort((a, b) => b - a), provinces: provinceRows.map((p) => p.province) },
    total: filtered.length,
    perPhase: countByPhase(filtered),
    perProvince: countByProvince(filtered),
    perYear: countByYear(filtered),
    durations: averagePhaseDurations(transitions, new Set(ids)),
    overdue,
    overdueCount,
    calls: calls.map((c) => {
      const applications = c.dossiers.filter((d) => !filter.province || d.church.municipality.province === filter.province);
      return {
        id: c.id,
        number: c.number,
        title: c.title,
        opensOn: c.opensOn,
        closesOn: c.closesOn,
        applications: applications.length,
        rejected: applications.filter((d) => d.phase === "REJECTED").length,
        // Accepted: past intake and not rejected (also those stopped or completed later).
        accepted: applications.filter((d) => d.phase !== "INTAKE" && d.phase !== "REJECTED").length,
      };
    }),
  };
}
