/**
 * The annual overview (jaaroverzicht) from plain rows, as in the bureau's annual report:
 * dossiers guided in the year with their phase at year end, started, completed, cases
 * published, and churches per province and per new function. Pure, tested directly.
 */
import type { Phase } from "~/features/dossiers/phases";
import { activeInYear, type Count, yearEnd, yearStart } from "./dashboard";

export type OverviewDossier = {
  id: string;
  reference: string;
  churchId: string;
  churchName: string;
  municipality: string;
  province: string;
  phase: Phase;
  startDate: Date;
  completedAt: Date | null;
  closedAt: Date | null;
  transitions: { toPhase: Phase; at: Date }[];
  /** The preferred scenario's function, else the publication's, else null (not known yet). */
  functionCategory: string | null;
  publication: { title: string; publishedAt: Date | null } | null;
};

export type GuidedRow = {
  id: string;
  reference: string;
  churchName: string;
  municipality: string;
  province: string;
  phaseAtYearEnd: Phase;
};

export type AnnualOverview = {
  year: number;
  guided: GuidedRow[];
  started: GuidedRow[];
  completed: GuidedRow[];
  published: (GuidedRow & { title: string; publishedAt: Date })[];
  perProvince: Count[];
  perFunction: Count[];
};

function inYear(date: Date | null, year: number): date is Date {
  return date !== null && date >= yearStart(year) && date <= yearEnd(year);
}

/** The phase after the last transition on or before 31 December; INTAKE when none (yet). */
export function phaseAtYearEnd(transitions: readonly { toPhase: Phase; at: Date }[], year: number): Phase {
  const end = yearEnd(year).getTime();
  let last: { toPhase: Phase; at: Date } | null = null;
  for (const t of transitions) {
    if (t.at.getTime() <= end && (!last || t.at.getTime() >= last.at.getTime())) last = t;
  }
  return last?.toPhase ?? "INTAKE";
}

const UNKNOWN_FUNCTION = "UNKNOWN";

function countBy<T>(rows: readonly T[], key: (row: T) => string): Count[] {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(key(r), (counts.get(key(r)) ?? 0) + 1);
  return [...counts].map(([k, count]) => ({ key: k, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key, "nl"));
}

export function annualOverview(dossiers: readonly OverviewDossier[], year: number): AnnualOverview {
  const byReference = [...dossiers].sort((a, b) => a.reference.localeCompare(b.reference));
  const row = (d: OverviewDossier): GuidedRow => ({
    id: d.id,
    reference: d.reference,
    churchName: d.churchName,
    municipality: d.municipality,
    province: d.province,
    phaseAtYearEnd: phaseAtYearEnd(d.transitions, year),
  });
  const guidedDossiers = byReference.filter((d) => activeInYear(d, year));
  // A church counts once per table, even when it had two dossiers in the year.
  const churches = new Map<string, OverviewDossier>();
  for (const d of guidedDossiers) if (!churches.has(d.churchId) || d.functionCategory) churches.set(d.churchId, d);
  return {
    year,
    guided: guidedDossiers.map(row),
    started: byReference.filter((d) => inYear(d.startDate, year)).map(row),
    completed: byReference.filter((d) => inYear(d.completedAt, year)).map(row),
    published: byReference
      .filter((d) => inYear(d.publication?.publishedAt ?? null, year))
      .map((d) => ({ ...row(d), title: d.publication!.title, publishedAt: d.publication!.publishedAt! })),
    perProvince: countBy([...churches.values()], (d) => d.province),
    perFunction: countBy([...churches.values()], (d) => d.functionCategory ?? UNKNOWN_FUNCTION),
  };
}
