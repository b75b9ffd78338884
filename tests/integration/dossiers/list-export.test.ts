import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import * as exportRoute from "~/routes/dossiers.export[.]csv";
import * as list from "~/routes/dossiers._index";
import { createUser, GENT, LEUVEN, sessionCookieFor } from "../../helpers/auth";
import { createDossierRow, load } from "./fixtures";

const ANTWERPEN = "11002";
let staffCookie: string;
let gentCookie: string;
let leadId: string;
let callId: string;

type Row = { reference: string; phase: string; church: { name: string; municipality: { name: string } } };
type ListData = { rows: Row[]; total: number; page: number; pages: number };

async function list_(query: string, cookie = staffCookie) {
  const res = await load(list, `/dossiers${query}`, cookie);
  expect(res.status).toBe(200);
  return res.data as unknown as ListData;
}

beforeAll(async () => {
  const staff = await createUser("STAFF", { name: "Lea Lead" });
  leadId = staff.id;
  staffCookie = await sessionCookieFor(staff.id);
  gentCookie = await sessionCookieFor((await createUser("MUNICIPALITY", { municipalities: [GENT] })).id);
  callId = (await db.call.create({ data: { number: 7, title: "Oproep 7", opensOn: new Date(), closesOn: new Date() } })).id;
  // 30 Gent dossiers in 2025, 3 Leuven (one with ; and " in the church name), 2 Antwerpen in 2024.
  for (let i = 0; i < 30; i++) {
    await createDossierRow({ nisCode: GENT, year: 2025, churchName: `Gentse kerk ${String(i).padStart(2, "0")}`, phase: i % 3 === 0 ? "COMPLETED" : "RESEARCH", startDate: new Date(Date.UTC(2025, 0, 1 + i)) });
  }
  await createDossierRow({ nisCode: LEUVEN, year: 2025, churchName: 'Sint-Kwinten; "de oude"', phase: "INTAKE", leadId, callId, startDate: new Date(Date.UTC(2025, 5, 1)) });
  await createDossierRow({ nisCode: LEUVEN, year: 2025, churchName: "Leuvense kerk B", phase: "STOPPED", leadId });
  await createDossierRow({ nisCode: LEUVEN, year: 2025, churchName: "Leuvense kerk C", phase: "REVIEW" });
  await createDossierRow({ nisCode: ANTWERPEN, year: 2024, churchName: "Antwerpse kerk A", phase: "KICKOFF", targetDate: new Date(Date.UTC(2024, 11, 1)) });
  await createDossierRow({ nisCode: ANTWERPEN, year: 2024, churchName: "Antwerpse kerk B", phase: "ON_HOLD", targetDate: new Date(Date.UTC(2024, 10, 1)) });
});

describe("dossier list", () => {
  it("pages 25 at a time, newest reference first by default", async () => {
    const first = await list_("");
    expect(first.total).toBe(35);
    expect(first.pages).toBe(2);
    expect(first.rows).toHaveLength(25);
    expect(first.rows[0].reference).toBe("HK-2025-033");
    const second = await list_("?page=2");
    expect(second.rows).toHaveLength(10);
    expect(second.rows.at(-1)!.reference).toBe("HK-2024-001");
  });

  it("filters by phase, status, province, municipality, lead, call, year and search", async () => {
    expect((await list_("?phase=COMPLETED")).total).toBe(10);
    expect((await list_("?status=closed")).total).toBe(11);
    expect((await list_("?status=open")).total).toBe(24);
    expect((await list_("?province=Antwerpen")).total).toBe(2);
    expect((await list_(`?municipality=${LEUVEN}`)).total).toBe(3);
    expect((await list_(`?lead=${leadId}`)).total).toBe(2);
    expect((await list_(`?call=${callId}`)).rows.map((r) => r.church.name)).toEqual(['Sint-Kwinten; "de oude"']);
    expect((await list_("?year=2024")).total).toBe(2);
    expect((await list_("?q=leuvense")).total).toBe(2);
    expect((await list_("?q=HK-2024")).total).toBe(2);
    expect((await list_(`?municipality=${GENT}&phase=RESEARCH&q=kerk 0`)).rows.map((r) => r.church.name)).toEqual([
      "Gentse kerk 08",
      "Gentse kerk 07",
      "Gentse kerk 05",
      "Gentse kerk 04",
      "Gentse kerk 02",
      "Gentse kerk 01",
    ]);
  });

  it("ignores malformed filter values instead of failing", async () => {
    const res = await list_("?phase=NOPE&year=abc&page=-3&sort=evil&dir=sideways&municipality=1");
    expect(res.total).toBe(35);
    expect(res.page).toBe(1);
  });

  it("sorts by church, municipality, phase (in trajectory order), start and target date", async () => {
    expect((await list_("?sort=church&dir=asc")).rows[0].church.name).toBe("Antwerpse kerk A");
    expect((await list_("?sort=church&dir=desc")).rows[0].church.name).toBe('Sint-Kwinten; "de oude"');
    expect((await list_("?sort=municipality&dir=asc")).rows[0].church.municipality.name).toBe("Antwerpen");
    expect((await list_("?sort=municipality&dir=desc")).rows[0].church.municipality.name).toBe("Leuven");
    const byPhase = await list_("?sort=phase&dir=asc");
    expect(byPhase.rows.slice(0, 3).map((r) => r.phase)).toEqual(["INTAKE", "KICKOFF", "RESEARCH"]);
    const byPhaseDesc = await list_("?sort=phase&dir=desc&page=1");
    expect(byPhaseDesc.rows.slice(0, 3).map((r) => r.phase)).toEqual(["STOPPED", "ON_HOLD", "COMPLETED"]);
    expect(byPhase.total).toBe(35);
    expect((await list_("?sort=phase&dir=asc&page=2")).rows).toHaveLength(10);
    expect((await list_("?sort=startDate&dir=asc&year=2025")).rows[0].church.name).toBe("Gentse kerk 00");
    expect((await list_("?sort=targetDate&dir=asc")).rows.slice(0, 2).map((r) => r.church.name)).toEqual(["Antwerpse kerk B", "Antwerpse kerk A"]);
  });

  it("pages through phase order without gaps or repeats, newest reference first within a phase", async () => {
    const { PHASES } = await import("~/features/dossiers/phases");
    for (const dir of ["asc", "desc"] as const) {
      const rows = [...(await list_(`?sort=phase&dir=${dir}`)).rows, ...(await list_(`?sort=phase&dir=${dir}&page=2`)).rows];
      expect(new Set(rows.map((r) => r.reference)).size).toBe(35);
      const rank = (r: Row) => (dir === "asc" ? 1 : -1) * PHASES.indexOf(r.phase as never);
      const expected = [...rows].sort((a, b) => rank(a) - rank(b) || b.reference.localeCompare(a.reference));
      expect(rows.map((r) => r.reference)).toEqual(expected.map((r) => r.reference));
    }
  });

  it("shows a municipality only its own dossiers, whatever the filter asks", async () => {
    expect((await list_("", gentCookie)).total).toBe(30);
    expect((await list_(`?municipality=${LEUVEN}`, gentCookie)).total).toBe(0);
    expect((await list_("?q=Leuvense", gentCookie)).total).toBe(0);
  });
});

describe("CSV export", () => {
  async function csv(query: string, cookie = staffCookie) {
    const res = await load(exportRoute, `/dossiers/export.csv${query}`, cookie);
    expect(res.status).toBe(200);
    const response = res.response!;
    return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
  }

  it("exports exactly the filtered rows (all pages): BOM, ;, CRLF, quoting, attachment", async () => {
    const { response, bytes } = await csv(`?municipality=${LEUVEN}&sort=church&dir=asc`);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="dossiers-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes); // the decoder drops the BOM
    expect(text.endsWith("\r\n")).toBe(true);
    const lines = text.split("\r\n").slice(0, -1);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe("Referentie;Kerk;Gemeente;Provincie;Fase;Soort aanvrager;Naam van de aanvrager;Dossierbeheerder;Oproep;Startdatum;Streefdatum");
    expect(lines[1]).toBe('HK-2025-032;Leuvense kerk B;Leuven;Vlaams-Brabant;Stopgezet;Kerkfabriek;Kerkfabriek Leuvense kerk B;Lea Lead;;1/3/2025;');
    expect(lines[3]).toBe('HK-2025-031;"Sint-Kwinten; ""de oude""";Leuven;Vlaams-Brabant;Intake;Kerkfabriek;"Kerkfabriek Sint-Kwinten; ""de oude""";Lea Lead;7;1/6/2025;');
  });

  it("exports all 30 rows of a filter spanning two pages", async () => {
    const { bytes } = await csv(`?municipality=${GENT}`);
    expect(new TextDecoder().decode(bytes).split("\r\n").filter(Boolean)).toHaveLength(31);
  });

  it("exports in phase order too", async () => {
    const { bytes } = await csv("?sort=phase&dir=asc");
    const lines = new TextDecoder().decode(bytes).split("\r\n").filter(Boolean).slice(1);
    expect(lines).toHaveLength(35);
    expect(lines[0]).toContain(";Intake;");
    expect(lines[1]).toContain(";Startvergadering;");
    expect(lines.at(-1)).toContain(";Stopgezet;");
  });

  it("gives a municipality only its own dossiers", async () => {
    const { bytes } = await csv("", gentCookie);
    const lines = new TextDecoder().decode(bytes).split("\r\n").filter(Boolean);
    expect(lines).toHaveLength(31);
    expect(lines.some((l) => l.includes("Leuven"))).toBe(false);
  });

  it("answers 401 without a session", async () => {
    const res = await load(exportRoute, "/dossiers/export.csv", null, {}, { Accept: "text/csv" });
    expect(res.status).toBe(401);
  });
});
