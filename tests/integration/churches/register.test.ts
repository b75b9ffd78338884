import type { LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { lambert72ToWgs84 } from "~/features/churches/lambert72";
import { db } from "~/platform/db.server";
import { action as editAction, loader as editLoader } from "~/routes/kerken.$id.bewerken";
import { loader as detailLoader } from "~/routes/kerken.$id._index";
import { loader as listLoader } from "~/routes/kerken._index";
import { action as newAction, loader as newLoader } from "~/routes/kerken.nieuw";
import { callRoute, createUser, GENT, makeRequest, sessionCookieFor } from "../../helpers/auth";
import { makeChurch, makeDossier, URI } from "./helpers";

let staff: string;
let staffId: string;

beforeAll(async () => {
  const user = await createUser("STAFF");
  staffId = user.id;
  staff = await sessionCookieFor(user.id);
});

type Result = { result?: { status?: string; error?: Record<string, string[]>; initialValue?: Record<string, unknown> }; notice?: { key: string; params?: Record<string, string> } | null; conflict?: { version: number; changes: { field: string; theirs: unknown; yours: unknown }[] } | null };

const fields = { intent: "save", name: "Sint-Baafskathedraal", nisCode: GENT, protectionStatus: "NONE", currentUse: "WORSHIP", policyDestination: "UNDECIDED" };

function create(form: Record<string, string>, cookie = staff) {
  return callRoute(() => newAction({ request: makeRequest("/kerken/nieuw", { cookie, form }), params: {}, context: {} }));
}
function edit(id: string, form: Record<string, string>, cookie = staff) {
  return callRoute(() => editAction({ request: makeRequest(`/kerken/${id}/bewerken`, { cookie, form }), params: { id }, context: {} }));
}
const idFrom = (location: string | null | undefined) => location?.match(/^\/kerken\/([^/?]+)\?opgeslagen=1$/)?.[1] ?? "";

describe("creating a church", () => {
  it("saves every field, converts Lambert 72 and audits the creation", async () => {
    const res = await create({
      ...fields,
      name: "Sint-Jacobskerk",
      parish: "Sint-Jacobus",
      street: "Sint-Jacobsnieuwstraat 1",
      postalCode: "9000",
      place: "Gent",
      lambertX: "105.361,2".replace(".", ""),
      lambertY: "194257,9",
      protectionStatus: "PROTECTED",
      inventoryUri: URI(25393),
      buildingPeriod: "12de-15de eeuw",
      floorAreaM2: "1450,5",
      condition: "FAIR",
      owner: "Kerkfabriek Sint-Jacobus",
      currentUse: "SHARED_USE",
      policyDestination: "SHARED_USE",
      notes: "Toren in de steigers.",
    });
    expect(res.status).toBe(302);
    const id = idFrom(res.response?.headers.get("Location"));
    const church = await db.church.findUniqueOrThrow({ where: { id } });
    const expected = lambert72ToWgs84({ x: 105361.2, y: 194257.9 });
    expect(church).toMatchObject({
      name: "Sint-Jacobskerk",
      parish: "Sint-Jacobus",
      street: "Sint-Jacobsnieuwstraat 1",
      postalCode: "9000",
      place: "Gent",
      nisCode: GENT,
      lat: expected.lat,
      lng: expected.lng,
      protectionStatus: "PROTECTED",
      inventoryUri: URI(25393),
      buildingPeriod: "12de-15de eeuw",
      floorAreaM2: 1450.5,
      condition: "FAIR",
      owner: "Kerkfabriek Sint-Jacobus",
      currentUse: "SHARED_USE",
      policyDestination: "SHARED_USE",
      notes: "Toren in de steigers.",
      version: 1,
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "Church", entityId: id } });
    expect(audit).toMatchObject({ action: "CREATE", userId: staffId });
    expect(JSON.parse(audit.summary ?? "{}").fields).toMatchObject({ name: "Sint-Jacobskerk", nisCode: GENT, inventoryUri: URI(25393), condition: "FAIR" });
  });

  it("the convert button fills in WGS84, keeps the rest and writes nothing", async () => {
    const before = await db.church.count();
    const res = await create({ ...fields, name: "Nog niet bewaard", intent: "convert", lambertX: "104719,27", lambertY: "193839,26" });
    expect(res.status).toBe(200);
    const data = res.data as unknown as Result;
    const expected = lambert72ToWgs84({ x: 104719.27, y: 193839.26 });
    expect(data.result?.initialValue).toMatchObject({
      name: "Nog niet bewaard",
      lambertX: "104719,27",
      lat: String(expected.lat).replace(".", ","),
      lng: String(expected.lng).replace(".", ","),
    });
    expect(data.notice?.key).toBe("churches.location.converted");
    expect(await db.church.count()).toBe(before);
  });

  it("refuses a location outside Flanders and bad input per field, keeping what was typed", async () => {
    const res = await create({ ...fields, name: "Notre-Dame", lat: "48,853", lng: "2,349", postalCode: "75004" });
    expect(res.status).toBe(400);
    const data = res.data as unknown as Result;
    expect(data.result?.error).toEqual({ lat: ["churches.error.outsideFlanders"], postalCode: ["churches.error.postalCode"] });
    expect(data.result?.initialValue).toMatchObject({ name: "Notre-Dame", lat: "48,853" });
    expect(await db.church.count({ where: { name: "Notre-Dame" } })).toBe(0);
  });

  it("refuses a duplicate inventory URI and an unknown municipality with a field error", async () => {
    await makeChurch({ name: "Bestaande kerk", inventoryUri: URI(700001) });
    const dup = await create({ ...fields, name: "Dubbel", inventoryUri: URI(700001), protectionStatus: "INVENTORIED" });
    expect(dup.status).toBe(400);
    expect((dup.data as unknown as Result).result?.error).toEqual({ inventoryUri: ["churches.error.inventoryUriTaken"] });
    const unknown = await create({ ...fields, name: "Nergens", nisCode: "99999" });
    expect(unknown.status).toBe(400);
    expect((unknown.data as unknown as Result).result?.error).toEqual({ nisCode: ["churches.error.municipalityUnknown"] });
    expect(await db.church.count({ where: { name: { in: ["Dubbel", "Nergens"] } } })).toBe(0);
  });
});

describe("editing a church", () => {
  it("saves with the version it started from, bumps the version and audits the changed fields", async () => {
    const church = await makeChurch({ name: "Sint-Pieterskerk", lat: 51.05, lng: 3.72 });
    const res = await edit(church.id, { ...fields, name: "Sint-Pieterskerk", version: "1", lat: "51,05", lng: "3,72", owner: "Stad Gent", lambertX: "105000", lambertY: "194000" });
    expect(res.status).toBe(302);
    const after = await db.church.findUniqueOrThrow({ where: { id: church.id } });
    expect(after.version).toBe(2);
    expect(after.owner).toBe("Stad Gent");
    expect({ lat: after.lat, lng: after.lng }).toEqual(lambert72ToWgs84({ x: 105000, y: 194000 }));
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "Church", entityId: church.id, action: "UPDATE" } });
    const summary = JSON.parse(audit.summary ?? "{}") as { changes: Record<string, [unknown, unknown]> };
    expect(Object.keys(summary.changes).sort()).toEqual(["lat", "lng", "owner"]);
    expect(summary.changes.owner).toEqual([null, "Stad Gent"]);
  });

  it("refuses the second of two edits from the same version: shows what changed, keeps the input, writes nothing", async () => {
    const church = await makeChurch({ name: "Sint-Annakerk" });
    const other = await createUser("STAFF");
    const first = await edit(church.id, { ...fields, name: "Sint-Annakerk", version: "1", owner: "Kerkfabriek" }, await sessionCookieFor(other.id));
    expect(first.status).toBe(302);
    const auditsBefore = await db.auditEvent.count({ where: { entityId: church.id } });

    const second = await edit(church.id, { ...fields, name: "Sint-Anna", version: "1", owner: "Stad Gent", notes: "mijn nota" });
    expect(second.status).toBe(409);
    const data = second.data as unknown as Result;
    expect(data.conflict?.version).toBe(2);
    expect(data.conflict?.changes).toEqual(
      expect.arrayContaining([
        { field: "name", theirs: "Sint-Annakerk", yours: "Sint-Anna" },
        { field: "owner", theirs: "Kerkfabriek", yours: "Stad Gent" },
        { field: "notes", theirs: null, yours: "mijn nota" },
      ]),
    );
    expect(data.result?.initialValue).toMatchObject({ name: "Sint-Anna", owner: "Stad Gent", notes: "mijn nota" });
    const stored = await db.church.findUniqueOrThrow({ where: { id: church.id } });
    expect(stored).toMatchObject({ name: "Sint-Annakerk", owner: "Kerkfabriek", notes: null, version: 2 });
    expect(await db.auditEvent.count({ where: { entityId: church.id } })).toBe(auditsBefore);

    // Saving again from the version the conflict named overwrites deliberately.
    const again = await edit(church.id, { ...fields, name: "Sint-Anna", version: "2", owner: "Stad Gent" });
    expect(again.status).toBe(302);
    expect(await db.church.findUniqueOrThrow({ where: { id: church.id } })).toMatchObject({ name: "Sint-Anna", version: 3 });
  });

  it("refuses an inventory URI another church has", async () => {
    await makeChurch({ name: "Eerste", inventoryUri: URI(700100) });
    const second = await makeChurch({ name: "Tweede" });
    const res = await edit(second.id, { ...fields, name: "Tweede", version: "1", inventoryUri: URI(700100) });
    expect(res.status).toBe(400);
    expect((res.data as unknown as Result).result?.error).toEqual({ inventoryUri: ["churches.error.inventoryUriTaken"] });
  });

  it("answers 404 for a church that does not exist", async () => {
    expect((await callRoute(() => editLoader({ request: makeRequest("/kerken/nope/bewerken", { cookie: staff }), params: { id: "nope" }, context: {} }))).status).toBe(404);
    expect((await edit("nope", { ...fields, version: "1" })).status).toBe(404);
  });
});

describe("the register list and detail page", () => {
  it("searches, filters, sorts and pages through the URL", async () => {
    for (let i = 0; i < 27; i++) await makeChurch({ name: `Paginakerk ${String(i).padStart(2, "0")}`, nisCode: "24062", parish: "Parochie Paginering" });
    const list = async (query: string) => {
      const res = await callRoute(() => listLoader({ request: makeRequest(`/kerken${query}`, { cookie: staff }), params: {}, context: {} }));
      expect(res.status).toBe(200);
      return res.data!;
    };
    const page1 = await list("?q=Paginering");
    expect(page1.total).toBe(27);
    expect(page1.pages).toBe(2);
    expect(page1.rows[0].name).toBe("Paginakerk 00");
    const page2 = await list("?q=Paginering&page=2");
    expect(page2.rows.map((r) => r.name)).toEqual(["Paginakerk 25", "Paginakerk 26"]);
    const desc = await list("?q=Paginakerk&sort=name&dir=desc");
    expect(desc.rows[0].name).toBe("Paginakerk 26");
    const byMunicipality = await list("?q=Paginakerk&nisCode=44021");
    expect(byMunicipality.total).toBe(0);
    const byProvince = await list("?q=Paginakerk&province=Vlaams-Brabant");
    expect(byProvince.total).toBe(27);
    const byMunicipalityName = await list("?q=Leuven");
    expect(byMunicipalityName.total).toBeGreaterThanOrEqual(27);
    const protectedOnly = await list("?q=Paginakerk&protection=PROTECTED");
    expect(protectedOnly.total).toBe(0);
  });

  it("shows a church with its dossiers", async () => {
    const church = await makeChurch({ name: "Kerk met dossier" });
    const dossier = await makeDossier(church.id);
    const res = await callRoute(() => detailLoader({ request: makeRequest(`/kerken/${church.id}`, { cookie: staff }), params: { id: church.id }, context: {} }));
    expect(res.status).toBe(200);
    expect(res.data?.church.dossiers.map((d) => d.reference)).toEqual([dossier.reference]);
  });
});

describe("who may use the register", () => {
  type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;
  const routes: [string, () => Loader, string, Record<string, string>][] = [
    ["list", () => listLoader, "/kerken", {}],
    ["new (page)", () => newLoader, "/kerken/nieuw", {}],
    ["detail", () => detailLoader, "/kerken/x", { id: "x" }],
    ["edit (page)", () => editLoader, "/kerken/x/bewerken", { id: "x" }],
  ];

  it("a municipality user gets 403 on every page and action", async () => {
    const gent = await sessionCookieFor((await createUser("MUNICIPALITY", { municipalities: [GENT] })).id);
    const church = await makeChurch({ name: "Gentse kerk" });
    for (const [name, fn, path, params] of routes) {
      const res = await callRoute(() => fn()({ request: makeRequest(path.replace("x", church.id), { cookie: gent }), params: "id" in params ? { id: church.id } : {}, context: {} }));
      expect(res.status, name).toBe(403);
    }
    expect((await create({ ...fields }, gent)).status).toBe(403);
    expect((await edit(church.id, { ...fields, version: "1" }, gent)).status).toBe(403);
    expect(await db.church.findUniqueOrThrow({ where: { id: church.id } })).toMatchObject({ version: 1 });
  });

  it("an anonymous visitor is sent to the login page, and a POST answers 401", async () => {
    for (const [name, fn, path, params] of routes) {
      const res = await callRoute(() => fn()({ request: makeRequest(path), params, context: {} }));
      expect(res.status, name).toBe(302);
      expect(res.response?.headers.get("Location"), name).toMatch(/^\/login\?redirectTo=/);
    }
    expect((await create({ ...fields }, "")).status).toBe(401);
    expect((await edit("x", { ...fields, version: "1" }, "")).status).toBe(401);
  });
});
