import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import * as overview from "~/routes/dossiers.$id._index";
import * as myTasks from "~/routes/taken";
import { createUser, GENT, sessionCookieFor } from "../../helpers/auth";
import { act, createDossierRow, load } from "./fixtures";

let cookie: string;
let staffId: string;

beforeAll(async () => {
  const staff = await createUser("STAFF");
  staffId = staff.id;
  cookie = await sessionCookieFor(staff.id);
});

const DAY = 24 * 60 * 60 * 1000;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

describe("tasks", () => {
  it("creates, edits, marks done, reopens and deletes a task, auditing each change", async () => {
    const d = await createDossierRow({ nisCode: GENT, phase: "KICKOFF" });
    const path = `/dossiers/${d.id}`;
    const created = await act(overview, path, cookie, { intent: "createTask", title: "Startvergadering plannen", phase: "KICKOFF", ownerId: staffId, dueDate: isoDay(7), isMilestone: "on" }, { id: d.id });
    expect(created.status).toBe(302);
    const task = await db.task.findFirstOrThrow({ where: { dossierId: d.id } });
    expect(task).toMatchObject({ title: "Startvergadering plannen", phase: "KICKOFF", ownerId: staffId, isMilestone: true, doneAt: null });

    const edited = await act(overview, path, cookie, { intent: "updateTask", taskId: task.id, title: "Startvergadering houden", phase: "KICKOFF", dueDate: isoDay(3) }, { id: d.id });
    expect(edited.status).toBe(302);
    expect(await db.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ title: "Startvergadering houden", ownerId: null, isMilestone: false });

    await act(overview, path, cookie, { intent: "toggleTask", taskId: task.id, done: "true" }, { id: d.id });
    expect((await db.task.findUniqueOrThrow({ where: { id: task.id } })).doneAt).not.toBeNull();
    await act(overview, path, cookie, { intent: "toggleTask", taskId: task.id, done: "false" }, { id: d.id });
    expect((await db.task.findUniqueOrThrow({ where: { id: task.id } })).doneAt).toBeNull();

    const deleted = await act(overview, path, cookie, { intent: "deleteTask", taskId: task.id }, { id: d.id });
    expect(deleted.status).toBe(302);
    expect(await db.task.count({ where: { id: task.id } })).toBe(0);
    const actions = (await db.auditEvent.findMany({ where: { dossierId: d.id, entityType: "Task" }, orderBy: { at: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["CREATE", "UPDATE", "UPDATE", "UPDATE", "DELETE"]);
  });

  it("refuses a task without title, keeping the input, and an owner who is not staff", async () => {
    const d = await createDossierRow({ nisCode: GENT });
    const res = await act(overview, `/dossiers/${d.id}`, cookie, { intent: "createTask", title: "", phase: "INTAKE", dueDate: "2026-13-45" }, { id: d.id });
    expect(res.status).toBe(400);
    const error = (res.data as unknown as { result: { error: Record<string, string[]> } }).result.error;
    expect(error.title).toEqual(["error.required"]);
    expect(error.dueDate).toEqual(["error.invalidDate"]);
    const municipal = await createUser("MUNICIPALITY", { municipalities: [GENT] });
    const owner = await act(overview, `/dossiers/${d.id}`, cookie, { intent: "createTask", title: "Iets", phase: "INTAKE", ownerId: municipal.id }, { id: d.id });
    expect((owner.data as unknown as { result: { error: Record<string, string[]> } }).result.error.ownerId).toEqual(["error.invalidChoice"]);
    expect(await db.task.count({ where: { dossierId: d.id } })).toBe(0);
  });

  it("answers 404 for a task of another dossier", async () => {
    const a = await createDossierRow({ nisCode: GENT });
    const b = await createDossierRow({ nisCode: GENT });
    const task = await db.task.create({ data: { dossierId: b.id, phase: "INTAKE", title: "Van B" } });
    const res = await act(overview, `/dossiers/${a.id}`, cookie, { intent: "deleteTask", taskId: task.id }, { id: a.id });
    expect(res.status).toBe(404);
    expect(await db.task.count({ where: { id: task.id } })).toBe(1);
  });

  it("my tasks: only mine, open first with overdue marked, filter open/done", async () => {
    const me = await createUser("STAFF");
    const myCookie = await sessionCookieFor(me.id);
    const d = await createDossierRow({ nisCode: GENT });
    const past = new Date(Date.now() - 3 * DAY);
    await db.task.createMany({
      data: [
        { dossierId: d.id, phase: "INTAKE", title: "Te laat", ownerId: me.id, dueDate: past },
        { dossierId: d.id, phase: "INTAKE", title: "Later", ownerId: me.id, dueDate: new Date(Date.now() + 9 * DAY) },
        { dossierId: d.id, phase: "INTAKE", title: "Gedaan", ownerId: me.id, dueDate: past, doneAt: new Date() },
        { dossierId: d.id, phase: "INTAKE", title: "Van iemand anders", ownerId: staffId },
      ],
    });
    const open = await load(myTasks, "/taken", myCookie);
    const openData = open.data as unknown as { tasks: { title: string; dossier: { reference: string } }[]; overdue: number };
    expect(openData.tasks.map((t) => t.title)).toEqual(["Te laat", "Later"]);
    expect(openData.overdue).toBe(1);
    expect(openData.tasks[0].dossier.reference).toBe(d.reference);
    const all = await load(myTasks, "/taken?toon=all", myCookie);
    expect((all.data as unknown as { tasks: { title: string }[] }).tasks.map((t) => t.title)).toEqual(["Te laat", "Later", "Gedaan"]);
    const done = await load(myTasks, "/taken?toon=done", myCookie);
    expect((done.data as unknown as { tasks: { title: string }[] }).tasks.map((t) => t.title)).toEqual(["Gedaan"]);
  });
});

describe("meetings", () => {
  it("creates, edits and deletes a meeting, auditing each change", async () => {
    const d = await createDossierRow({ nisCode: GENT, phase: "RESEARCH" });
    const path = `/dossiers/${d.id}`;
    const created = await act(overview, path, cookie, { intent: "createMeeting", kind: "SITE_VISIT", date: "2026-04-02", attendees: "Bureau, kerkfabriek", notes: "Dak lekt" }, { id: d.id });
    expect(created.status).toBe(302);
    const meeting = await db.meeting.findFirstOrThrow({ where: { dossierId: d.id } });
    expect(meeting).toMatchObject({ kind: "SITE_VISIT", attendees: "Bureau, kerkfabriek", notes: "Dak lekt", createdById: staffId });
    expect(meeting.date.toISOString().slice(0, 10)).toBe("2026-04-02");

    await act(overview, path, cookie, { intent: "updateMeeting", meetingId: meeting.id, kind: "PARTICIPATION", date: "2026-04-03", attendees: "", notes: "Buurt" }, { id: d.id });
    expect(await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).toMatchObject({ kind: "PARTICIPATION", attendees: null, notes: "Buurt" });

    const bad = await act(overview, path, cookie, { intent: "createMeeting", kind: "PARTY", date: "" }, { id: d.id });
    expect(bad.status).toBe(400);
    expect((bad.data as unknown as { result: { error: Record<string, string[]> } }).result.error).toMatchObject({ kind: ["error.invalidChoice"], date: ["error.required"] });

    await act(overview, path, cookie, { intent: "deleteMeeting", meetingId: meeting.id }, { id: d.id });
    expect(await db.meeting.count({ where: { dossierId: d.id } })).toBe(0);
    const actions = (await db.auditEvent.findMany({ where: { dossierId: d.id, entityType: "Meeting" }, orderBy: { at: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["CREATE", "UPDATE", "DELETE"]);
  });
});
