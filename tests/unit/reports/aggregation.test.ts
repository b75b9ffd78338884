import { describe, expect, it } from "vitest";
import {
  activeInYear,
  applyFilter,
  averagePhaseDurations,
  closedAtOf,
  countByPhase,
  countByProvince,
  countByYear,
  type DossierFact,
  isOverdue,
  type TransitionFact,
} from "~/features/reports/dashboard";
import { annualOverview, type OverviewDossier, phaseAtYearEnd } from "~/features/reports/overview";

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

// Four dossiers whose figures are known by hand.
const transitions: TransitionFact[] = [
  // a: 2024, intake 10 days, accepted 20 days, kickoff still open
  { dossierId: "a", toPhase: "INTAKE", at: day("2024-03-01") },
  { dossierId: "a", toPhase: "ACCEPTED", at: day("2024-03-11") },
  { dossierId: "a", toPhase: "KICKOFF", at: day("2024-03-31") },
  // b: 2024 -> completed 2025; intake 30 days, accepted 40 days, kickoff 50 days, ..., reporting -> completed
  { dossierId: "b", toPhase: "INTAKE", at: day("2024-06-01") },
  { dossierId: "b", toPhase: "ACCEPTED", at: day("2024-07-01") },
  { dossierId: "b", toPhase: "KICKOFF", at: day("2024-08-10") },
  { dossierId: "b", toPhase: "REPORTING", at: day("2024-09-29") },
  { dossierId: "b", toPhase: "COMPLETED", at: day("2025-02-10") },
  // c: rejected in 2023 after 20 days of intake
  { dossierId: "c", toPhase: "INTAKE", at: day("2023-01-10") },
  { dossierId: "c", toPhase: "REJECTED", at: day("2023-01-30") },
  // d: started 2025, intake still open
  { dossierId: "d", toPhase: "INTAKE", at: day("2025-05-05") },
];
const fact = (id: string, phase: DossierFact["phase"], province: string, start: string, completed: string | null): DossierFact => ({
  id,
  phase,
  province,
  startDate: day(start),
  completedAt: completed ? day(completed) : null,
  closedAt: closedAtOf(transitions.filter((t) => t.dossierId === id)),
});
const dossiers = [
  fact("a", "KICKOFF", "Antwerpen", "2024-03-01", null),
  fact("b", "COMPLETED", "Oost-Vlaanderen", "2024-06-01", "2025-02-10"),
  fact("c", "REJECTED", "Antwerpen", "2023-01-10", null),
  fact("d", "INTAKE", "Limburg", "2025-05-05", null),
];

describe("dashboard figures", () => {
  it("counts per phase (every phase, in trajectory order), per province and per year", () => {
    const perPhase = countByPhase(dossiers);
    expect(perPhase).toHaveLength(12);
    expect(perPhase[0]).toEqual({ key: "INTAKE", count: 1 });
    expect(perPhase.filter((p) => p.count > 0).map((p) => p.key)).toEqual(["INTAKE", "REJECTED", "KICKOFF", "COMPLETED"]);
    expect(countByProvince(dossiers)).toEqual([
      { key: "Antwerpen", count: 2 },
      { key: "Limburg", count: 1 },
      { key: "Oost-Vlaanderen", count: 1 },
    ]);
    expect(countByYear(dossiers)).toEqual([
      { year: 2023, started: 1, completed: 0 },
      { year: 2024, started: 2, completed: 0 },
      { year: 2025, started: 1, completed: 1 },
    ]);
  });

  it("a year filter keeps the dossiers that ran in it; a province filter those in the province", () => {
    expect(dossiers.find((d) => d.id === "c")?.closedAt?.toISOString().slice(0, 10)).toBe("2023-01-30");
    expect(applyFilter(dossiers, { year: 2023 }).map((d) => d.id)).toEqual(["c"]);
    expect(applyFilter(dossiers, { year: 2024 }).map((d) => d.id)).toEqual(["a", "b"]);
    expect(applyFilter(dossiers, { year: 2025 }).map((d) => d.id)).toEqual(["a", "b", "d"]);
    expect(applyFilter(dossiers, { year: 2026 }).map((d) => d.id)).toEqual(["a", "d"]);
    expect(applyFilter(dossiers, { year: 2024, province: "Antwerpen" }).map((d) => d.id)).toEqual(["a"]);
    expect(activeInYear({ startDate: day("2025-12-31"), closedAt: null }, 2025)).toBe(true);
    expect(activeInYear({ startDate: day("2026-01-01"), closedAt: null }, 2025)).toBe(false);
  });

  it("averages finished stays per phase and counts open stays apart", () => {
    const byPhase = Object.fromEntries(averagePhaseDurations(transitions).map((d) => [d.phase, d]));
    // INTAKE: a 10, b 30, c 20 -> 20 days over 3 stays; d is still in intake.
    expect(byPhase.INTAKE).toEqual({ phase: "INTAKE", averageDays: 20, stays: 3, open: 1 });
    // ACCEPTED: a 20, b 40.
    expect(byPhase.ACCEPTED).toEqual({ phase: "ACCEPTED", averageDays: 30, stays: 2, open: 0 });
    // KICKOFF: b 50; a still there.
    expect(byPhase.KICKOFF).toEqual({ phase: "KICKOFF", averageDays: 50, stays: 1, open: 1 });
    expect(byPhase.REPORTING.averageDays).toBe(134);
    expect(byPhase.RESEARCH).toEqual({ phase: "RESEARCH", averageDays: null, stays: 0, open: 0 });
    // Final phases have no length.
    expect(byPhase.COMPLETED).toBeUndefined();
    expect(byPhase.REJECTED).toBeUndefined();
    // Only the chosen dossiers.
    const onlyA = Object.fromEntries(averagePhaseDurations(transitions, new Set(["a"])).map((d) => [d.phase, d]));
    expect(onlyA.INTAKE).toEqual({ phase: "INTAKE", averageDays: 10, stays: 1, open: 0 });
  });

  it("a task is overdue when it is open and its due date has passed", () => {
    const now = day("2025-06-01");
    expect(isOverdue({ dueDate: day("2025-05-31"), doneAt: null }, now)).toBe(true);
    expect(isOverdue({ dueDate: day("2025-05-31"), doneAt: day("2025-05-30") }, now)).toBe(false);
    expect(isOverdue({ dueDate: day("2025-06-02"), doneAt: null }, now)).toBe(false);
    expect(isOverdue({ dueDate: null, doneAt: null }, now)).toBe(false);
  });
});

describe("annual overview", () => {
  const row = (d: DossierFact, extra: Partial<OverviewDossier>): OverviewDossier => ({
    id: d.id,
    reference: `HK-${d.id}`,
    churchId: `church-${d.id}`,
    churchName: `Kerk ${d.id}`,
    municipality: "M",
    province: d.province,
    phase: d.phase,
    startDate: d.startDate,
    completedAt: d.completedAt,
    closedAt: d.closedAt,
    transitions: transitions.filter((t) => t.dossierId === d.id),
    functionCategory: null,
    publication: null,
    ...extra,
  });
  const rows = [
    row(dossiers[0], { functionCategory: "LIBRARY" }),
    row(dossiers[1], { functionCategory: null, publication: { title: "Kerk b wordt bib", publishedAt: day("2025-04-01") } }),
    row(dossiers[2], {}),
    row(dossiers[3], { churchId: "church-a", province: "Antwerpen", functionCategory: "HOUSING" }),
  ];

  it("knows the phase at year end from the last transition on or before 31 December", () => {
    const b = transitions.filter((t) => t.dossierId === "b");
    expect(phaseAtYearEnd(b, 2024)).toBe("REPORTING");
    expect(phaseAtYearEnd(b, 2025)).toBe("COMPLETED");
    expect(phaseAtYearEnd(b, 2023)).toBe("INTAKE");
  });

  it("counts 2025: guided, started, completed, published, churches per province and function", () => {
    const o = annualOverview(rows, 2025);
    expect(o.guided.map((g) => [g.id, g.phaseAtYearEnd])).toEqual([
      ["a", "KICKOFF"],
      ["b", "COMPLETED"],
      ["d", "INTAKE"],
    ]);
    expect(o.started.map((g) => g.id)).toEqual(["d"]);
    expect(o.completed.map((g) => g.id)).toEqual(["b"]);
    expect(o.published.map((g) => [g.id, g.title])).toEqual([["b", "Kerk b wordt bib"]]);
    // d's church is a's church: it counts once, with the function known for it.
    expect(o.perProvince).toEqual([
      { key: "Antwerpen", count: 1 },
      { key: "Oost-Vlaanderen", count: 1 },
    ]);
    expect(o.perFunction).toEqual([
      { key: "HOUSING", count: 1 },
      { key: "UNKNOWN", count: 1 },
    ]);
  });

  it("counts 2024 and 2023 the same way", () => {
    const o24 = annualOverview(rows, 2024);
    expect(o24.guided.map((g) => [g.id, g.phaseAtYearEnd])).toEqual([
      ["a", "KICKOFF"],
      ["b", "REPORTING"],
    ]);
    expect(o24.started).toHaveLength(2);
    expect(o24.completed).toHaveLength(0);
    expect(o24.published).toHaveLength(0);
    const o23 = annualOverview(rows, 2023);
    expect(o23.guided.map((g) => [g.id, g.phaseAtYearEnd])).toEqual([["c", "REJECTED"]]);
  });
});
