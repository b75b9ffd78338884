import type { LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { action as editAction, loader as editLoader } from "~/routes/oproepen.$id.bewerken";
import { loader as detailLoader } from "~/routes/oproepen.$id._index";
import { loader as listLoader } from "~/routes/oproepen._index";
import { action as newAction, loader as newLoader } from "~/routes/oproepen.nieuw";
import { callRoute, createUser, GENT, makeRequest, sessionCookieFor } from "../../helpers/auth";
import { makeChurch, makeDossier } from "../churches/helpers";

let staff: string;
beforeAll(async () => {
  staff = await sessionCookieFor((await createUser("STAFF")).id);
});

type Result = { result?: { error?: Record<string, string[]>; initialValue?: Record<string, unknown> } };

const create = (form: Record<string, string>, cookie = staff) =>
  callRoute(() => newAction({ request: makeRequest("/oproepen/nieuw", { cookie, form }), params: {}, context: {} }));
const edit = (id: string, form: Record<string, string>, cookie = staff) =>
  callRoute(() => editAction({ request: makeRequest(`/oproepen/${id}/bewerken`, { cookie, form }), params: { id }, context: {} }));
const idFrom = (location: string | null | undefined) => location?.match(/^\/oproepen\/([^/?]+)\?opgeslagen=1$/)?.[1] ?? "";

describe("calls for applications", () => {
  it("creates a call, audits it, and refuses a number that is taken", async () => {
    const res = await create({ number: "41", title: "Oproep 41", opensOn: "2030-01-15", closesOn: "2030-04-30", description: "Voor kerkfabrieken." });
    expect(res.status).toBe(302);
    const id = idFrom(res.response?.headers.get("Location"));
    expect(await db.call.findUniqueOrThrow({ where: { id } })).toMatchObject({
      number: 41,
      title: "Oproep 41",
      opensOn: new Date(Date.UTC(2030, 0, 15)),
      closesOn: new Date(Date.UTC(2030, 3, 30)),
      description: "Voor kerkfabrieken.",
    });
    expect(await db.auditEvent.count({ where: { entityType: "Call", entityId: id, action: "CREATE" } })).toBe(1);

    const dup = await create({ number: "41", title: "Nog eens 41", opensOn: "2031-01-15", closesOn: "2031-04-30" });
    expect(dup.status).toBe(400);
    expect((dup.data as unknown as Result).result?.error).toEqual({ number: ["calls.error.numberTaken"] });
    expect((dup.data as unknown as Result).result?.initialValue).toMatchObject({ title: "Nog eens 41" });
    expect(await db.call.count({ where: { number: 41 } })).toBe(1);
  });

  it("proposes the next free number for a new call", async () => {
    const highest = (await db.call.findFirst({ orderBy: { number: "desc" } }))?.number ?? 0;
    const res = await callRoute(() => newLoader({ request: makeRequest("/oproepen/nieuw", { cookie: staff }), params: {}, context: {} }));
    expect(res.data).toEqual({ number: highest + 1 });
  });

  it("refuses a close date on or before the open date", async () => {
    const res = await create({ number: "42", title: "Oproep 42", opensOn: "2030-05-01", closesOn: "2030-04-30" });
    expect(res.status).toBe(400);
    expect((res.data as unknown as Result).result?.error).toEqual({ closesOn: ["calls.error.closeBeforeOpen"] });
    expect(await db.call.count({ where: { number: 42 } })).toBe(0);
  });

  it("edits a call, keeping its number unique", async () => {
    const a = await db.call.create({ data: { number: 43, title: "A", opensOn: new Date("2030-01-01"), closesOn: new Date("2030-02-01") } });
    await db.call.create({ data: { number: 44, title: "B", opensOn: new Date("2030-01-01"), closesOn: new Date("2030-02-01") } });
    const taken = await edit(a.id, { number: "44", title: "A", opensOn: "2030-01-01", closesOn: "2030-02-01" });
    expect((taken.data as unknown as Result).result?.error).toEqual({ number: ["calls.error.numberTaken"] });
    const ok = await edit(a.id, { number: "43", title: "A, verlengd", opensOn: "2030-01-01", closesOn: "2030-03-01" });
    expect(ok.status).toBe(302);
    expect(await db.call.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ title: "A, verlengd", closesOn: new Date(Date.UTC(2030, 2, 1)) });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "Call", entityId: a.id, action: "UPDATE" } });
    expect(Object.keys((JSON.parse(audit.summary ?? "{}") as { changes: object }).changes).sort()).toEqual(["closesOn", "title"]);
  });

  it("lists calls with how many applications each drew, and shows a call's dossiers", async () => {
    const busy = await db.call.create({ data: { number: 45, title: "Druk", opensOn: new Date("2030-01-01"), closesOn: new Date("2030-02-01") } });
    await db.call.create({ data: { number: 46, title: "Stil", opensOn: new Date("2030-01-01"), closesOn: new Date("2030-02-01") } });
    const church = await makeChurch({ name: "Oproepkerk" });
    const d1 = await makeDossier(church.id, busy.id);
    const d2 = await makeDossier(church.id, busy.id);
    await makeDossier(church.id, null);
    const list = await callRoute(() => listLoader({ request: makeRequest("/oproepen", { cookie: staff }), params: {}, context: {} }));
    const counts = Object.fromEntries(list.data!.calls.map((c) => [c.number, c.applications]));
    expect(counts[45]).toBe(2);
    expect(counts[46]).toBe(0);
    const detail = await callRoute(() => detailLoader({ request: makeRequest(`/oproepen/${busy.id}`, { cookie: staff }), params: { id: busy.id }, context: {} }));
    expect(detail.data!.call.dossiers.map((d) => d.reference).sort()).toEqual([d1.reference, d2.reference].sort());
    expect((await callRoute(() => detailLoader({ request: makeRequest("/oproepen/nope", { cookie: staff }), params: { id: "nope" }, context: {} }))).status).toBe(404);
  });

  it("is for staff only: 403 for a municipality user, login or 401 for anonymous, on every loader and action", async () => {
    const gent = await sessionCookieFor((await createUser("MUNICIPALITY", { municipalities: [GENT] })).id);
    const call = await db.call.create({ data: { number: 47, title: "Toegang", opensOn: new Date("2030-01-01"), closesOn: new Date("2030-02-01") } });
    const loaders: [(args: LoaderFunctionArgs) => Promise<unknown>, string, Record<string, string>][] = [
      [listLoader, "/oproepen", {}],
      [newLoader, "/oproepen/nieuw", {}],
      [detailLoader, `/oproepen/${call.id}`, { id: call.id }],
      [editLoader, `/oproepen/${call.id}/bewerken`, { id: call.id }],
    ];
    for (const [fn, path, params] of loaders) {
      expect((await callRoute(() => fn({ request: makeRequest(path, { cookie: gent }), params, context: {} }))).status, path).toBe(403);
      const anon = await callRoute(() => fn({ request: makeRequest(path), params, context: {} }));
      expect(anon.status, path).toBe(302);
      expect(anon.response?.headers.get("Location"), path).toMatch(/^\/login/);
    }
    const form = { number: "48", title: "X", opensOn: "2030-01-01", closesOn: "2030-02-01" };
    expect((await create(form, gent)).status).toBe(403);
    expect((await edit(call.id, form, gent)).status).toBe(403);
    expect((await create(form, "")).status).toBe(401);
    expect((await edit(call.id, form, "")).status).toBe(401);
    expect(await db.call.findUniqueOrThrow({ where: { id: call.id } })).toMatchObject({ number: 47, title: "Toegang" });
  });
});
