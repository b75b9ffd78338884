import { describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import * as editRoute from "~/routes/dossiers.$id.bewerken";
import * as newRoute from "~/routes/dossiers.nieuw";
import { createUser, GENT, sessionCookieFor } from "../../helpers/auth";
import { act, createChurch, createDossierRow, load } from "./fixtures";

async function staffSession() {
  const user = await createUser("STAFF");
  return { user, cookie: await sessionCookieFor(user.id) };
}

function form(overrides: Record<string, string | string[]>) {
  return {
    applicantType: "CHURCH_COUNCIL",
    applicantName: "Kerkfabriek Sint-Anna",
    startDate: "2031-03-05",
    targetDate: "",
    description: "Haalbaarheidsstudie",
    internalNotes: "Enkel voor het bureau",
    ...overrides,
  };
}

function fieldErrors(data: unknown): Record<string, string[]> {
  return ((data as { result?: { error?: Record<string, string[]> } })?.result?.error ?? {}) as Record<string, string[]>;
}

describe("create a dossier", () => {
  it("numbers references per start-date year and starts a new year at 001", async () => {
    const { user, cookie } = await staffSession();
    const church = await createChurch(GENT);
    const refs: string[] = [];
    for (const startDate of ["2031-03-05", "2031-12-31", "2032-01-01"]) {
      const res = await act(newRoute, "/dossiers/nieuw", cookie, form({ churchId: church.id, leadId: user.id, startDate }));
      expect(res.status).toBe(302);
      const id = res.response!.headers.get("Location")!.split("/").pop()!;
      refs.push((await db.dossier.findUniqueOrThrow({ where: { id } })).reference);
    }
    expect(refs).toEqual(["HK-2031-001", "HK-2031-002", "HK-2032-001"]);
  });

  it("continues after the highest number of the year", async () => {
    const { user, cookie } = await staffSession();
    await createDossierRow({ nisCode: GENT, year: 2033 });
    await createDossierRow({ nisCode: GENT, year: 2033 });
    const church = await createChurch(GENT);
    const res = await act(newRoute, "/dossiers/nieuw", cookie, form({ churchId: church.id, leadId: user.id, startDate: "2033-06-01" }));
    const id = res.response!.headers.get("Location")!.split("/").pop()!;
    expect((await db.dossier.findUniqueOrThrow({ where: { id } })).reference).toBe("HK-2033-003");
  });

  it("gives concurrent creations distinct references", async () => {
    const { user, cookie } = await staffSession();
    const church = await createChurch(GENT);
    const results = await Promise.all(
      Array.from({ length: 6 }, () => act(newRoute, "/dossiers/nieuw", cookie, form({ churchId: church.id, leadId: user.id, startDate: "2034-02-02" }))),
    );
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(302));
    const refs = (await db.dossier.findMany({ where: { year: 2034 }, select: { reference: true } })).map((d) => d.reference).sort();
    expect(refs).toEqual(["HK-2034-001", "HK-2034-002", "HK-2034-003", "HK-2034-004", "HK-2034-005", "HK-2034-006"]);
  });

  it("records the team (lead included), the INTAKE transition and an audit event", async () => {
    const { user, cookie } = await staffSession();
    const colleague = await createUser("STAFF");
    const church = await createChurch(GENT);
    const res = await act(newRoute, "/dossiers/nieuw", cookie, form({ churchId: church.id, leadId: user.id, team: [colleague.id] }));
    const id = res.response!.headers.get("Location")!.split("/").pop()!;
    const dossier = await db.dossier.findUniqueOrThrow({ where: { id }, include: { members: true, transitions: true } });
    expect(dossier.phase).toBe("INTAKE");
    expect(dossier.members.map((m) => m.userId).sort()).toEqual([user.id, colleague.id].sort());
    expect(dossier.transitions).toHaveLength(1);
    expect(dossier.transitions[0]).toMatchObject({ fromPhase: null, toPhase: "INTAKE", byId: user.id });
    expect(await db.auditEvent.count({ where: { dossierId: id, action: "CREATE", entityType: "Dossier", userId: user.id } })).toBe(1);
  });

  it("refuses bad input per field and keeps what was typed", async () => {
    const { cookie } = await staffSession();
    const municipalityUser = await createUser("MUNICIPALITY", { municipalities: [GENT] });
    const res = await act(
      newRoute,
      "/dossiers/nieuw",
      cookie,
      form({ churchId: "no-such-church", leadId: municipalityUser.id, applicantName: "Mijn naam", startDate: "2031-05-01", targetDate: "2031-01-01" }),
    );
    expect(res.status).toBe(400);
    expect(fieldErrors(res.data).targetDate).toEqual(["dossiers.error.targetBeforeStart"]);
    const second = await act(newRoute, "/dossiers/nieuw", cookie, form({ churchId: "no-such-church", leadId: municipalityUser.id, applicantName: "Mijn naam" }));
    expect(second.status).toBe(400);
    expect(fieldErrors(second.data).churchId).toEqual(["error.invalidChoice"]);
    expect(fieldErrors(second.data).leadId).toEqual(["error.invalidChoice"]);
    expect(JSON.stringify(second.data)).toContain("Mijn naam");
    const missing = await act(newRoute, "/dossiers/nieuw", cookie, { applicantType: "CHURCH_COUNCIL" });
    expect(fieldErrors(missing.data)).toMatchObject({ churchId: ["error.required"], applicantName: ["error.required"], startDate: ["error.required"] });
    expect(await db.dossier.count({ where: { applicantName: "Mijn naam" } })).toBe(0);
  });

  it("preselects the church given by ?kerk=", async () => {
    const { cookie } = await staffSession();
    const church = await createChurch(GENT, "Sint-Annakerk");
    const res = await load(newRoute, `/dossiers/nieuw?kerk=${church.id}`, cookie);
    expect((res.data as { church: { id: string } }).church.id).toBe(church.id);
  });
});

describe("edit a dossier", () => {
  async function setup() {
    const { user, cookie } = await staffSession();
    const dossier = await createDossierRow({ nisCode: GENT, leadId: user.id });
    return { user, cookie, dossier };
  }

  function editForm(dossier: { churchId: string }, leadId: string, version: number, overrides: Record<string, string> = {}) {
    return form({ churchId: dossier.churchId, leadId, version: String(version), startDate: "2026-03-01", targetDate: "", ...overrides });
  }

  it("saves, bumps the version and audits what changed", async () => {
    const { user, cookie, dossier } = await setup();
    const res = await act(editRoute, `/dossiers/${dossier.id}/bewerken`, cookie, editForm(dossier, user.id, 1, { applicantName: "Nieuwe naam" }), { id: dossier.id });
    expect(res.status).toBe(302);
    const after = await db.dossier.findUniqueOrThrow({ where: { id: dossier.id } });
    expect(after.version).toBe(2);
    expect(after.applicantName).toBe("Nieuwe naam");
    const event = await db.auditEvent.findFirstOrThrow({ where: { dossierId: dossier.id, action: "UPDATE" } });
    expect(JSON.parse(event.summary!).changes.applicantName).toEqual([dossier.applicantName, "Nieuwe naam"]);
  });

  it("refuses to save over a newer change: nothing written, input kept, the other change shown", async () => {
    const { user, cookie, dossier } = await setup();
    const other = await createUser("STAFF", { name: "Els Collega" });
    const otherCookie = await sessionCookieFor(other.id);
    // Both open version 1; the colleague saves first.
    const first = await act(editRoute, `/dossiers/${dossier.id}/bewerken`, otherCookie, editForm(dossier, user.id, 1, { applicantName: "Naam van Els" }), { id: dossier.id });
    expect(first.status).toBe(302);
    const mine = await act(
      editRoute,
      `/dossiers/${dossier.id}/bewerken`,
      cookie,
      editForm(dossier, user.id, 1, { applicantName: "Mijn naam", description: "Mijn tekst" }),
      { id: dossier.id },
    );
    expect(mine.status).toBe(409);
    const after = await db.dossier.findUniqueOrThrow({ where: { id: dossier.id } });
    expect(after.applicantName).toBe("Naam van Els");
    expect(after.description).toBe("Haalbaarheidsstudie");
    expect(after.version).toBe(2);
    const payload = mine.data as unknown as {
      result: { initialValue: Record<string, unknown>; error: Record<string, string[]> };
      conflict: { currentVersion: number; changes: { field: string; before: unknown; after: unknown; by: string }[] };
    };
    expect(payload.result.initialValue.applicantName).toBe("Mijn naam");
    expect(payload.result.initialValue.description).toBe("Mijn tekst");
    expect(payload.result.error[""]).toEqual(["dossiers.error.editConflict"]);
    expect(payload.conflict.currentVersion).toBe(2);
    expect(payload.conflict.changes).toContainEqual(
      expect.objectContaining({ field: "applicantName", before: dossier.applicantName, after: "Naam van Els", by: "Els Collega" }),
    );
    expect(await db.auditEvent.count({ where: { dossierId: dossier.id, action: "UPDATE" } })).toBe(1);
  });

  it("shows a phase move made in the meantime as a change of the phase", async () => {
    const { user, cookie, dossier } = await setup();
    const overview = await import("~/routes/dossiers.$id._index");
    const moved = await act(overview, `/dossiers/${dossier.id}`, cookie, { intent: "move", to: "ACCEPTED", version: "1" }, { id: dossier.id });
    expect(moved.status).toBe(302);
    const res = await act(editRoute, `/dossiers/${dossier.id}/bewerken`, cookie, editForm(dossier, user.id, 1), { id: dossier.id });
    expect(res.status).toBe(409);
    const { conflict } = res.data as unknown as { conflict: { changes: { field: string; before: unknown; after: unknown }[] } };
    expect(conflict.changes).toEqual([expect.objectContaining({ field: "phase", before: "INTAKE", after: "ACCEPTED" })]);
  });

  it("never sends internal notes in the edit form to anyone but staff", async () => {
    const { dossier } = await setup();
    const gent = await createUser("MUNICIPALITY", { municipalities: [GENT] });
    const res = await load(editRoute, `/dossiers/${dossier.id}/bewerken`, await sessionCookieFor(gent.id), { id: dossier.id });
    expect(res.status).toBe(403);
  });
});
