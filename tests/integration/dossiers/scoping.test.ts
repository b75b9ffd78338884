// Municipality scoping and role checks of every dossier loader and action: another
// municipality's dossier (or an unknown id) answers 404, a municipality on a staff-only page
// or write answers 403, an anonymous visitor is sent to the login page (or gets 401).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import * as auditRoute from "~/routes/dossiers.$id.audit";
import * as editRoute from "~/routes/dossiers.$id.bewerken";
import * as layout from "~/routes/dossiers.$id";
import * as overview from "~/routes/dossiers.$id._index";
import * as exportRoute from "~/routes/dossiers.export[.]csv";
import * as list from "~/routes/dossiers._index";
import * as newRoute from "~/routes/dossiers.nieuw";
import * as myTasks from "~/routes/taken";
import { createUser, GENT, LEUVEN, sessionCookieFor } from "../../helpers/auth";
import { act, createDossierRow, load } from "./fixtures";

let gent: string;
let leuven: string;
let staff: string;
let gentDossier: { id: string; churchId: string };
let leuvenDossier: { id: string; churchId: string };
let taskId: string;
let meetingId: string;

beforeAll(async () => {
  gent = await sessionCookieFor((await createUser("MUNICIPALITY", { municipalities: [GENT] })).id);
  leuven = await sessionCookieFor((await createUser("MUNICIPALITY", { municipalities: [LEUVEN] })).id);
  staff = await sessionCookieFor((await createUser("STAFF")).id);
  gentDossier = await createDossierRow({ nisCode: GENT, internalNotes: "GEHEIM-GENT", phase: "KICKOFF" });
  leuvenDossier = await createDossierRow({ nisCode: LEUVEN, internalNotes: "GEHEIM-LEUVEN", phase: "KICKOFF" });
  taskId = (await db.task.create({ data: { dossierId: leuvenDossier.id, phase: "KICKOFF", title: "Taak" } })).id;
  meetingId = (await db.meeting.create({ data: { dossierId: leuvenDossier.id, kind: "KICKOFF", date: new Date() } })).id;
});

const DOSSIER_LOADERS = [
  ["layout", layout, ""],
  ["overview", overview, ""],
  ["edit", editRoute, "/bewerken"],
  ["audit", auditRoute, "/audit"],
] as const;

function overviewIntents(dossierId: string, sub: { taskId: string; meetingId: string }): Record<string, string>[] {
  const forms: Record<string, string>[] = [
    { intent: "move", to: "RESEARCH", version: "1" },
    { intent: "createTask", title: "x", phase: "KICKOFF" },
    { intent: "updateTask", taskId: sub.taskId, title: "x", phase: "KICKOFF" },
    { intent: "toggleTask", taskId: sub.taskId, done: "true" },
    { intent: "deleteTask", taskId: sub.taskId },
    { intent: "createMeeting", kind: "OTHER", date: "2026-01-01" },
    { intent: "updateMeeting", meetingId: sub.meetingId, kind: "OTHER", date: "2026-01-01" },
    { intent: "deleteMeeting", meetingId: sub.meetingId },
    { intent: "bogus" },
  ];
  return forms.map((f) => ({ ...f, _for: dossierId }));
}

function editForm(d: { churchId: string }) {
  return { churchId: d.churchId, applicantType: "CHURCH_COUNCIL", applicantName: "x", leadId: "x", startDate: "2026-01-01", version: "1" };
}

async function expectLeuvenUntouched() {
  const d = await db.dossier.findUniqueOrThrow({ where: { id: leuvenDossier.id } });
  expect(d.phase).toBe("KICKOFF");
  expect(d.version).toBe(1);
  expect(await db.task.count({ where: { id: taskId, doneAt: null, title: "Taak" } })).toBe(1);
  expect(await db.meeting.count({ where: { id: meetingId, kind: "KICKOFF" } })).toBe(1);
  expect(await db.auditEvent.count({ where: { dossierId: leuvenDossier.id } })).toBe(0);
}

describe("another municipality's dossier answers 404", () => {
  for (const [name, mod, suffix] of DOSSIER_LOADERS) {
    it(`loader ${name}: gent on a Leuven dossier, and on an unknown id`, async () => {
      expect((await load(mod, `/dossiers/${leuvenDossier.id}${suffix}`, gent, { id: leuvenDossier.id })).status).toBe(404);
      expect((await load(mod, `/dossiers/nope${suffix}`, gent, { id: "nope" })).status).toBe(404);
      expect((await load(mod, `/dossiers/${gentDossier.id}${suffix}`, leuven, { id: gentDossier.id })).status).toBe(404);
    });
  }

  it("every overview action: gent on a Leuven dossier", async () => {
    for (const form of overviewIntents(leuvenDossier.id, { taskId, meetingId })) {
      const res = await act(overview, `/dossiers/${leuvenDossier.id}`, gent, form, { id: leuvenDossier.id });
      expect(res.status, form.intent).toBe(404);
    }
    await expectLeuvenUntouched();
  });

  it("edit action: gent on a Leuven dossier", async () => {
    const res = await act(editRoute, `/dossiers/${leuvenDossier.id}/bewerken`, gent, editForm(leuvenDossier), { id: leuvenDossier.id });
    expect(res.status).toBe(404);
    await expectLeuvenUntouched();
  });
});

describe("a municipality on its own dossier reads, never writes", () => {
  it("sees the header and overview without internal notes, moves or staff", async () => {
    const header = await load(layout, `/dossiers/${gentDossier.id}`, gent, { id: gentDossier.id });
    expect(header.status).toBe(200);
    expect((header.data as unknown as { tabs: { path: string }[] }).tabs.map((t) => t.path)).toEqual(["", "documenten", "scenarios", "eindrapport"]);
    const res = await load(overview, `/dossiers/${gentDossier.id}`, gent, { id: gentDossier.id });
    expect(res.status).toBe(200);
    const data = res.data as unknown as { details: object; moves: unknown[]; staff: unknown[]; canEdit: boolean };
    expect("internalNotes" in data.details).toBe(false);
    expect(JSON.stringify(res.data)).not.toContain("GEHEIM");
    expect(data.moves).toEqual([]);
    expect(data.staff).toEqual([]);
    expect(data.canEdit).toBe(false);
  });

  it("staff do get the internal notes and the audit tab", async () => {
    const res = await load(overview, `/dossiers/${gentDossier.id}`, staff, { id: gentDossier.id });
    expect((res.data as unknown as { details: { internalNotes: string } }).details.internalNotes).toBe("GEHEIM-GENT");
    const header = await load(layout, `/dossiers/${gentDossier.id}`, staff, { id: gentDossier.id });
    expect((header.data as unknown as { tabs: { path: string }[] }).tabs.map((t) => t.path)).toContain("audit");
    expect((await load(auditRoute, `/dossiers/${gentDossier.id}/audit`, staff, { id: gentDossier.id })).status).toBe(200);
  });

  it("gets 403 on the audit trail, the edit form, the new-dossier form and my tasks", async () => {
    expect((await load(auditRoute, `/dossiers/${gentDossier.id}/audit`, gent, { id: gentDossier.id })).status).toBe(403);
    expect((await load(editRoute, `/dossiers/${gentDossier.id}/bewerken`, gent, { id: gentDossier.id })).status).toBe(403);
    expect((await load(newRoute, "/dossiers/nieuw", gent)).status).toBe(403);
    expect((await load(myTasks, "/taken", gent)).status).toBe(403);
  });

  it("gets 403 on every write", async () => {
    const ownTask = (await db.task.create({ data: { dossierId: gentDossier.id, phase: "KICKOFF", title: "Eigen" } })).id;
    const ownMeeting = (await db.meeting.create({ data: { dossierId: gentDossier.id, kind: "OTHER", date: new Date() } })).id;
    for (const form of overviewIntents(gentDossier.id, { taskId: ownTask, meetingId: ownMeeting })) {
      const res = await act(overview, `/dossiers/${gentDossier.id}`, gent, form, { id: gentDossier.id });
      expect(res.status, form.intent).toBe(403);
    }
    expect((await act(editRoute, `/dossiers/${gentDossier.id}/bewerken`, gent, editForm(gentDossier), { id: gentDossier.id })).status).toBe(403);
    const church = gentDossier.churchId;
    const created = await act(newRoute, "/dossiers/nieuw", gent, { churchId: church, applicantType: "MUNICIPALITY", applicantName: "Gent", leadId: "x", startDate: "2026-01-01" });
    expect(created.status).toBe(403);
    const d = await db.dossier.findUniqueOrThrow({ where: { id: gentDossier.id } });
    expect(d).toMatchObject({ phase: "KICKOFF", version: 1 });
    expect(await db.task.count({ where: { id: ownTask } })).toBe(1);
    expect(await db.meeting.count({ where: { id: ownMeeting } })).toBe(1);
    expect(await db.dossier.count({ where: { applicantName: "Gent" } })).toBe(0);
  });
});

describe("anonymous visitors", () => {
  const pages = [
    ["list", list, "/dossiers", {}],
    ["new", newRoute, "/dossiers/nieuw", {}],
    ["my tasks", myTasks, "/taken", {}],
  ] as const;

  it("are sent to the login page from every page", async () => {
    for (const [name, mod, path, params] of pages) {
      const res = await load(mod, path, null, params);
      expect(res.status, name).toBe(302);
      expect(res.response!.headers.get("Location"), name).toMatch(/^\/login\?redirectTo=/);
    }
    for (const [name, mod, suffix] of DOSSIER_LOADERS) {
      const res = await load(mod, `/dossiers/${gentDossier.id}${suffix}`, null, { id: gentDossier.id });
      expect(res.status, name).toBe(302);
    }
    expect((await load(exportRoute, "/dossiers/export.csv", null)).status).toBe(302);
  });

  it("get 401 on every action", async () => {
    expect((await act(overview, `/dossiers/${gentDossier.id}`, null, { intent: "move", to: "RESEARCH", version: "1" }, { id: gentDossier.id })).status).toBe(401);
    expect((await act(editRoute, `/dossiers/${gentDossier.id}/bewerken`, null, editForm(gentDossier), { id: gentDossier.id })).status).toBe(401);
    expect((await act(newRoute, "/dossiers/nieuw", null, { applicantName: "x" })).status).toBe(401);
  });
});
