import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Phase } from "~/features/dossiers/phases";
import { db } from "~/platform/db.server";
import { loader as dashboardLoader } from "~/routes/dashboard";
import { loader as overviewLoader } from "~/routes/jaaroverzicht";
import { loader as csvLoader } from "~/routes/jaaroverzicht[.]csv";
import { loader as xlsxLoader } from "~/routes/jaaroverzicht[.]xlsx";
import { callRoute, createUser, GENT, LEUVEN, makeRequest, sessionCookieFor } from "../../helpers/auth";

const ANTWERPEN = "11002";
const day = (iso: string) => new Date(`${iso}T10:00:00Z`);
let staffCookie: string;
let gentCookie: string;

type Spec = { ref: string; nis: string; start: string; path: [Phase, string][]; completedAt?: string; fn?: "LIBRARY" | "HOUSING"; published?: string; church?: string };

// The known set: six dossiers, two calls, three overdue tasks.
//   HK-2024-001 Gent       2024-02 -> COMPLETED 2025-03, preferred LIBRARY, published 2025-06
//   HK-2024-002 Antwerpen  2024-05 -> REJECTED 2024-06
//   HK-2025-001 Gent       2025-01 -> REPORTING (2025-09), preferred HOUSING
//   HK-2025-002 Leuven     2025-03 -> ACCEPTED 2025-04, ON_HOLD 2026-01-10
//   HK-2025-003 Antwerpen  2025-11 INTAKE
//   HK-2026-001 Leuven     2026-02 INTAKE (not in 2025)
const SPECS: Spec[] = [
  { ref: "HK-2024-001", nis: GENT, start: "2024-02-01", path: [["INTAKE", "2024-02-01"], ["ACCEPTED", "2024-02-21"], ["REPORTING", "2024-12-01"], ["COMPLETED", "2025-03-01"]], completedAt: "2025-03-01", fn: "LIBRARY", published: "2025-06-15" },
  { ref: "HK-2024-002", nis: ANTWERPEN, start: "2024-05-01", path: [["INTAKE", "2024-05-01"], ["REJECTED", "2024-06-01"]] },
  { ref: "HK-2025-001", nis: GENT, start: "2025-01-10", path: [["INTAKE", "2025-01-10"], ["ACCEPTED", "2025-02-09"], ["REPORTING", "2025-09-01"]], fn: "HOUSING" },
  { ref: "HK-2025-002", nis: LEUVEN, start: "2025-03-01", path: [["INTAKE", "2025-03-01"], ["ACCEPTED", "2025-04-10"], ["ON_HOLD", "2026-01-10"]] },
  { ref: "HK-2025-003", nis: ANTWERPEN, start: "2025-11-20", path: [["INTAKE", "2025-11-20"]] },
  { ref: "HK-2026-001", nis: LEUVEN, start: "2026-02-01", path: [["INTAKE", "2026-02-01"]] },
];
const ids: Record<string, string> = {};

beforeAll(async () => {
  const staff = await createUser("STAFF");
  staffCookie = await sessionCookieFor(staff.id);
  gentCookie = await sessionCookieFor((await createUser("MUNICIPALITY", { municipalities: [GENT] })).id);
  const call2024 = await db.call.create({ data: { number: 1, title: "Oproep 2024", opensOn: day("2024-01-15"), closesOn: day("2024-04-30") } });
  const call2025 = await db.call.create({ data: { number: 2, title: "Oproep 2025", opensOn: day("2025-01-05"), closesOn: day("2025-04-30") } });
  for (const [i, s] of SPECS.entries()) {
    const church = await db.church.create({ data: { name: `Kerk ${s.ref}`, nisCode: s.nis } });
    const [year, seq] = [Number(s.ref.slice(3, 7)), Number(s.ref.slice(8))];
    const last = s.path[s.path.length - 1][0];
    const dossier = await db.dossier.create({
      data: {
        reference: s.ref,
        year,
        seq,
        churchId: church.id,
        callId: year === 2024 ? call2024.id : year === 2025 && i < 5 ? call2025.id : null,
        applicantType: "CHURCH_COUNCIL",
        applicantName: "Kerkfabriek",
        startDate: day(s.start),
        phase: last,
        completedAt: s.completedAt ? day(s.completedAt) : null,
        phaseBeforeHold: last === "ON_HOLD" ? "ACCEPTED" : null,
      },
    });
    ids[s.ref] = dossier.id;
    for (const [k, [to, at]] of s.path.entries()) {
      await db.phaseTransition.create({ data: { dossierId: dossier.id, fromPhase: k ? s.path[k - 1][0] : null, toPhase: to, at: day(at) } });
    }
    if (s.fn) {
      const scenario = await db.scenario.create({ data: { dossierId: dossier.id, name: "Voorkeur", functionCategory: s.fn } });
      await db.dossier.update({ where: { id: dossier.id }, data: { preferredScenarioId: scenario.id } });
    }
    if (s.published) {
      await db.casePublication.create({
        data: { dossierId: dossier.id, slug: `case-${s.ref}`, status: "PUBLISHED", title: `Case ${s.ref}`, summary: "Samenvatting", functionCategory: "LIBRARY", completionYear: 2025, publishedAt: day(s.published) },
      });
    }
  }
  const past = new Date(Date.now() - 5 * 86_400_000);
  const future = new Date(Date.now() + 5 * 86_400_000);
  await db.task.createMany({
    data: [
      { dossierId: ids["HK-2025-001"], phase: "REPORTING", title: "Eindrapport nalezen", dueDate: past },
      { dossierId: ids["HK-2025-001"], phase: "REPORTING", title: "Al gedaan", dueDate: past, doneAt: past },
      { dossierId: ids["HK-2025-002"], phase: "ACCEPTED", title: "Kerkenbeleidsplan opvragen", dueDate: past },
      { dossierId: ids["HK-2025-003"], phase: "INTAKE", title: "Intakegesprek", dueDate: new Date(past.getTime() - 86_400_000) },
      { dossierId: ids["HK-2025-003"], phase: "INTAKE", title: "Nog niet vervallen", dueDate: future },
    ],
  });
});

const dashboard = (query: string, cookie: string | null = staffCookie) =>
  callRoute(() => dashboardLoader({ request: makeRequest(`/dashboard${query}`, { cookie }), params: {}, context: {} }));
const overview = (query: string, cookie: string | null = staffCookie) =>
  callRoute(() => overviewLoader({ request: makeRequest(`/jaaroverzicht${query}`, { cookie }), params: {}, context: {} }));

describe("dashboard", () => {
  it("is for staff: a municipality gets 403, anonymous is sent to log in", async () => {
    expect((await dashboard("", gentCookie)).status).toBe(403);
    const anonymous = await dashboard("", null);
    expect(anonymous.status).toBe(302);
    expect(anonymous.response?.headers.get("Location")).toMatch(/^\/login/);
  });

  it("shows the known set without filters", async () => {
    const { data } = await dashboard("");
    expect(data?.total).toBe(6);
    const phase = Object.fromEntries(data!.perPhase.map((p) => [p.key, p.count]));
    expect(phase).toMatchObject({ INTAKE: 2, REJECTED: 1, REPORTING: 1, COMPLETED: 1, ON_HOLD: 1, ACCEPTED: 0 });
    expect(data?.perProvince).toEqual([
      { key: "Antwerpen", count: 2 },
      { key: "Oost-Vlaanderen", count: 2 },
      { key: "Vlaams-Brabant", count: 2 },
    ]);
    expect(data?.perYear).toEqual([
      { year: 2024, started: 2, completed: 0 },
      { year: 2025, started: 3, completed: 1 },
      { year: 2026, started: 1, completed: 0 },
    ]);
    const intake = data!.durations.find((d) => d.phase === "INTAKE")!;
    // Finished intakes: 20, 31, 30 and 40 days; two dossiers are in intake now.
    expect(intake).toEqual({ phase: "INTAKE", averageDays: (20 + 31 + 30 + 40) / 4, stays: 4, open: 2 });
    expect(data?.overdueCount).toBe(3);
    expect(data?.overdue.map((t) => t.title)).toEqual(["Intakegesprek", "Eindrapport nalezen", "Kerkenbeleidsplan opvragen"]);
    expect(data?.overdue[0].dossier.reference).toBe("HK-2025-003");
    expect(data?.calls.map((c) => [c.number, c.applications, c.accepted, c.rejected])).toEqual([
      [2, 3, 2, 0],
      [1, 2, 1, 1],
    ]);
  });

  it("filters by year (dossiers running in it) and province, from the URL", async () => {
    const y2024 = (await dashboard("?jaar=2024")).data!;
    expect(y2024.total).toBe(2);
    expect(y2024.calls.map((c) => c.number)).toEqual([1]);
    const y2025 = (await dashboard("?jaar=2025")).data!;
    // 2024-001 completed in 2025, 2025-001/002/003; 2024-002 was rejected in 2024; 2026-001 not started.
    expect(y2025.total).toBe(4);
    expect(y2025.overdueCount).toBe(3);
    const gent2025 = (await dashboard("?jaar=2025&provincie=Oost-Vlaanderen")).data!;
    expect(gent2025.total).toBe(2);
    expect(gent2025.overdue.map((t) => t.title)).toEqual(["Eindrapport nalezen"]);
    expect(gent2025.calls).toEqual([expect.objectContaining({ number: 2, applications: 1 })]);
    expect(gent2025.filter).toEqual({ year: 2025, province: "Oost-Vlaanderen" });
    // Nonsense in the URL is ignored, not an error.
    expect((await dashboard("?jaar=abc")).data?.total).toBe(6);
  });
});

describe("annual overview", () => {
  it("is for staff, and so are its downloads", async () => {
    expect((await overview("?jaar=2025", gentCookie)).status).toBe(403);
    expect((await overview("?jaar=2025", null)).status).toBe(302);
    const req = (path: string, cookie: string | null) => makeRequest(path, { cookie, headers: { Accept: "*/*" } });
    expect((await callRoute(() => csvLoader({ request: req("/jaaroverzicht.csv?jaar=2025", gentCookie), params: {}, context: {} }))).status).toBe(403);
    expect((await callRoute(() => xlsxLoader({ request: req("/jaaroverzicht.xlsx?jaar=2025", gentCookie), params: {}, context: {} }))).status).toBe(403);
    expect((await callRoute(() => csvLoader({ request: req("/jaaroverzicht.csv?jaar=2025", null), params: {}, context: {} }))).status).toBe(401);
  });

  it("counts 2025 in the known set", async () => {
    const o = (await overview("?jaar=2025")).data!.overview;
    expect(o.guided.map((g) => [g.reference, g.phaseAtYearEnd])).toEqual([
      ["HK-2024-001", "COMPLETED"],
      ["HK-2025-001", "REPORTING"],
      ["HK-2025-002", "ACCEPTED"],
      ["HK-2025-003", "INTAKE"],
    ]);
    expect(o.started.map((g) => g.reference)).toEqual(["HK-2025-001", "HK-2025-002", "HK-2025-003"]);
    expect(o.completed.map((g) => g.reference)).toEqual(["HK-2024-001"]);
    expect(o.published.map((g) => g.title)).toEqual(["Case HK-2024-001"]);
    expect(o.perProvince).toEqual([
      { key: "Oost-Vlaanderen", count: 2 },
      { key: "Antwerpen", count: 1 },
      { key: "Vlaams-Brabant", count: 1 },
    ]);
    expect(o.perFunction).toEqual([
      { key: "UNKNOWN", count: 2 },
      { key: "HOUSING", count: 1 },
      { key: "LIBRARY", count: 1 },
    ]);
    const o2024 = (await overview("?jaar=2024")).data!.overview;
    expect(o2024.guided.map((g) => [g.reference, g.phaseAtYearEnd])).toEqual([
      ["HK-2024-001", "REPORTING"],
      ["HK-2024-002", "REJECTED"],
    ]);
    expect(o2024.completed).toHaveLength(0);
  });

  it("downloads as CSV (semicolons, UTF-8 BOM) and as XLSX with one sheet per table", async () => {
    const csv = await callRoute(() => csvLoader({ request: makeRequest("/jaaroverzicht.csv?jaar=2025&tabel=guided", { cookie: staffCookie }), params: {}, context: {} }));
    expect(csv.status).toBe(200);
    expect(csv.response?.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(csv.response?.headers.get("Content-Disposition")).toBe('attachment; filename="jaaroverzicht-2025-guided.csv"');
    const bytes = new Uint8Array(await csv.response!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trim().split("\r\n");
    expect(lines[0]).toBe("Referentie;Kerk;Gemeente;Provincie;Fase op 31/12");
    expect(lines).toHaveLength(5);
    expect(lines[1]).toBe("HK-2024-001;Kerk HK-2024-001;Gent;Oost-Vlaanderen;Afgerond");

    const xlsx = await callRoute(() => xlsxLoader({ request: makeRequest("/jaaroverzicht.xlsx?jaar=2025", { cookie: staffCookie }), params: {}, context: {} }));
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.response!.arrayBuffer());
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      "Begeleide dossiers in 2025",
      "Gestarte dossiers",
      "Afgeronde dossiers",
      "Gepubliceerde cases",
      "Kerken per provincie",
      "Kerken per nieuwe functie",
    ]);
    expect(workbook.worksheets[0].rowCount).toBe(5);
    const perFunction = workbook.worksheets[5];
    expect(perFunction.getRow(2).values).toEqual([undefined, "Nog niet bepaald", 2]);
  });
});
