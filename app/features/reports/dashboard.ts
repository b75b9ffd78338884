/**
 * The dashboard's figures from plain rows: dossiers per phase, province and year, the time
 * spent in each phase, and which dossiers a year/province filter keeps. Pure, so the
 * numbers are tested directly on a known set.
 *
 * Years are calendar years in UTC, as dates are shown (format.ts).
 */
import { FINAL_PHASES, PHASES, type Phase } from "~/features/dossiers/phases";

export type DossierFact = {
  id: string;
  phase: Phase;
  province: string;
  startDate: Date;
  completedAt: Date | null;
  /** When the dossier entered a final phase (COMPLETED, REJECTED, STOPPED), if it did. */
  closedAt: Date | null;
};

export type TransitionFact = { dossierId: string; toPhase: Phase; at: Date };

export type Count<K extends string | number = string> = { key: K; count: number };

const DAY_MS = 24 * 60 * 60 * 1000;

export function yearStart(year: number): Date {
  return new Date(Date.UTC(year, 0, 1));
}

/** The last instant of the year (31 Dec, 23:59:59.999 UTC). */
export function yearEnd(year: number): Date {
  return new Date(Date.UTC(year + 1, 0, 1) - 1);
}

/** True when the dossier was open at some time during the year: started by its end, not closed before its start. */
export function activeInYear(d: Pick<DossierFact, "startDate" | "closedAt">, year: number): boolean {
  return d.startDate <= yearEnd(year) && (d.closedAt === null || d.closedAt >= yearStart(year));
}

/** The time of the first move into a final phase, from a dossier's transitions. */
export function closedAtOf(transitions: readonly Pick<TransitionFact, "toPhase" | "at">[]): Date | null {
  const finals = transitions.filter((t) => (FINAL_PHASES as readonly Phase[]).includes(t.toPhase)).map((t) => t.at.getTime());
  return finals.length ? new Date(Math.min(...finals)) : null;
}

export type DashboardFilter = { year?: number; province?: string };

export function applyFilter<T extends Pick<DossierFact, "province" | "startDate" | "closedAt">>(rows: readonly T[], f: DashboardFilter): T[] {
  return rows.filter((d) => (!f.province || d.province === f.province) && (f.year === undefined || activeInYear(d, f.year)));
}

/** Every phase in trajectory order, with zero counts kept so the chart always shows the same bars. */
export function countByPhase(rows: readonly Pick<DossierFact, "phase">[]): Count<Phase>[] {
  const counts = new Map<Phase, number>(PHASES.map((p) => [p, 0]));
  for (const d of rows) counts.set(d.phase, (counts.get(d.phase) ?? 0) + 1);
  return PHASES.map((p) => ({ key: p, count: counts.get(p) ?? 0 }));
}

/** Provinces with at least one dossier, largest first, then by name. */
export function countByProvince(rows: readonly Pick<DossierFact, "province">[]): Count[] {
  const counts = new Map<string, number>();
  for (const d of rows) counts.set(d.province, (counts.get(d.province) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key, "nl"));
}

export type YearRow = { year: number; started: number; completed: number };

/** Dossiers started (start date) and completed (completedAt) per calendar year, oldest first, no gaps. */
export function countByYear(rows: readonly Pick<DossierFact, "startDate" | "completedAt">[]): YearRow[] {
  const started = new Map<number, number>();
  const completed = new Map<number, number>();
  for (const d of rows) {
    const s = d.startDate.getUTCFullYear();
    started.set(s, (started.get(s) ?? 0) + 1);
    if (d.completedAt) {
      const c = d.completedAt.getUTCFullYear();
      completed.set(c, (completed.get(c) ?? 0) + 1);
    }
  }
  const years = [...started.keys(), ...completed.keys()];
  if (!years.length) return [];
  const out: YearRow[] = [];
  for (let y = Math.min(...years); y <= Math.max(...years); y++) {
    out.push({ year: y, started: started.get(y) ?? 0, completed: completed.get(y) ?? 0 });
  }
  return out;
}

export type PhaseDuration = {
  phase: Phase;
  /** Average length in days of the finished stays in this phase; null when there are none. */
  averageDays: number | null;
  /** How many finished stays the average is made of. */
  stays: number;
  /** Stays still running (the dossier is in this phase now): not in the average. */
  open: number;
};

/**
 * Average time per phase from the transitions: a stay runs from entering a phase to the
 * dossier's next transition. Only finished stays count; a stay still running is reported
 * apart (`open`), so a dossier that just arrived does not pull an average down and a long
 * wait shows as a count, not a guess. Final phases have no length and are left out.
 */
export function averagePhaseDurations(transitions: readonly TransitionFact[], dossierIds?: ReadonlySet<string>): PhaseDuration[] {
  const byDossier = new Map<string, TransitionFact[]>();
  for (const t of transitions) {
    if (dossierIds && !dossierIds.has(t.dossierId)) continue;
    const list = byDossier.get(t.dossierId) ?? [];
    list.push(t);
    byDossier.set(t.dossierId, list);
  }
  const total = new Map<Phase, number>();
  const stays = new Map<Phase, number>();
  const open = new Map<Phase, number>();
  for (const list of byDossier.values()) {
    list.sort((a, b) => a.at.getTime() - b.at.getTime());
    list.forEach((t, i) => {
      const next = list[i + 1];
      if (!next) {
        open.set(t.toPhase, (open.get(t.toPhase) ?? 0) + 1);
        return;
      }
      total.set(t.toPhase, (total.get(t.toPhase) ?? 0) + (next.at.getTime() - t.at.getTime()) / DAY_MS);
      stays.set(t.toPhase, (stays.get(t.toPhase) ?? 0) + 1);
    });
  }
  return PHASES.filter((p) => !(FINAL_PHASES as readonly Phase[]).includes(p)).map((phase) => {
    const n = stays.get(phase) ?? 0;
    return { phase, averageDays: n ? (total.get(phase) ?? 0) / n : null, stays: n, open: open.get(phase) ?? 0 };
  });
}

/** A task is overdue when it is not done and its due date lies before `now`. */
export function isOverdue(task: { dueDate: Date | null; doneAt: Date | null }, now: Date): boolean {
  return task.doneAt === null && task.dueDate !== null && task.dueDate < now;
}
