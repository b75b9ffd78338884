// Scenario CRUD through the routes, exactly as the server calls them, and who may do what.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { action as scenarioAction, loader as scenarioLoader } from "~/routes/dossiers.$id.scenarios.$scenarioId._index";
import { action as listAction, loader as listLoader } from "~/routes/dossiers.$id.scenarios._index";
import { action as compareAction, loader as compareLoader } from "~/routes/dossiers.$id.scenarios.vergelijk";
import { actors, fieldErrors, gentDossier, get, post } from "./fixtures";

let who: Awaited<ReturnType<typeof actors>>;
let dossierId: string;
const path = () => `/dossiers/${dossierId}/scenarios`;

beforeEach(async () => {
  who = await actors();
  dossierId = (await gentDossier()).id;
});

async function createScenario(name = "Bibliotheek in het schip") {
  const res = await post(listAction, path(), { id: dossierId }, who.staff, {
    intent: "create",
    name,
    description: "Bibliotheek in het schip, kapel in het koor.",
    functionCategory: "LIBRARY",
    "programme[0].function": "Bibliotheek",
    "programme[0].areaM2": "820,5",
    "programme[1].function": "Kapel",
    "programme[1].areaM2": "95",
  });
  expect(res.status).toBe(302);
  const id = res.response!.headers.get("Location")!.split("/").pop()!;
  return id;
}

describe("scenario CRUD", () => {
  it("creates a scenario with its programme (decimal comma accepted) and an audit event", async () => {
    const id = await createScenario();
    const scenario = await db.scenario.findUniqueOrThrow({ where: { id } });
    expect(scenario.dossierId).toBe(dossierId);
    expect(scenario.functionCategory).toBe("LIBRARY");
    expect(JSON.parse(scenario.programme)).toEqual([
      { function: "Bibliotheek", areaM2: 820.5 },
      { function: "Kapel", areaM2: 95 },
    ]);
    expect(await db.auditEvent.count({ where: { entityType: "Scenario", entityId: id, action: "CREATE" } })).toBe(1);
    const list = await get(listLoader, path(), { id: dossierId }, who.staff);
    expect(list.data?.scenarios.map((s) => s.name)).toEqual(["Bibliotheek in het schip"]);
  });

  it("refuses bad input per field, keeps what was typed and stores nothing", async () => {
    const res = await post(listAction, path(), { id: dossierId }, who.staff, {
      intent: "create",
      name: "  ",
      functionCategory: "CASINO",
      "programme[0].function": "Zaal",
      "programme[0].areaM2": "-3",
    });
    expect(res.status).toBe(400);
    const errors = fieldErrors(res.data);
    expect(errors.name).toEqual(["error.required"]);
    expect(errors.functionCategory).toEqual(["error.invalidChoice"]);
    expect(errors["programme[0].areaM2"]).toEqual(["scenarios.error.areaPositive"]);
    expect(JSON.stringify(res.data)).toContain('"-3"');
    expect(await db.scenario.count({ where: { dossierId } })).toBe(0);
  });

  it("adds a programme row without JavaScript (conform insert intent) and stores nothing yet", async () => {
    const res = await post(listAction, path(), { id: dossierId }, who.staff, {
      name: "Wonen",
      functionCategory: "HOUSING",
      __intent__: JSON.stringify({ type: "insert", payload: { name: "programme", defaultValue: { function: "", areaM2: "" } } }),
    });
    expect(res.status).toBe(200);
    const reply = (res.data as unknown as { result: { initialValue: { programme: unknown[]; name: string } } }).result;
    expect(reply.initialValue.programme).toHaveLength(1);
    expect(reply.initialValue.name).toBe("Wonen");
    expect(await db.scenario.count({ where: { dossierId } })).toBe(0);
  });

  it("edits with optimistic locking: a stale version is refused with 409 and nothing changes", async () => {
    const id = await createScenario();
    const params = { id: dossierId, scenarioId: id };
    const form = { intent: "update", name: "Bibliotheek en café", functionCategory: "CULTURE", description: "", version: "1" };
    const ok = await post(scenarioAction, `${path()}/${id}`, params, who.staff, form);
    expect(ok.status).toBe(200);
    const after = await db.scenario.findUniqueOrThrow({ where: { id } });
    expect(after).toMatchObject({ name: "Bibliotheek en café", functionCategory: "CULTURE", description: null, version: 2, programme: "[]" });
    const stale = await post(scenarioAction, `${path()}/${id}`, params, who.staff, { ...form, name: "Iets anders" });
    expect(stale.status).toBe(409);
    expect((stale.data as { notice: { key: string } }).notice.key).toBe("scenarios.error.stale");
    expect((await db.scenario.findUniqueOrThrow({ where: { id } })).name).toBe("Bibliotheek en café");
  });

  it("marks a preferred scenario, and archiving it clears the preference", async () => {
    const a = await createScenario("A");
    const b = await createScenario("B");
    await post(listAction, path(), { id: dossierId }, who.staff, { intent: "prefer", scenarioId: a });
    expect((await db.dossier.findUniqueOrThrow({ where: { id: dossierId } })).preferredScenarioId).toBe(a);
    await post(compareAction, `${path()}/vergelijk`, { id: dossierId }, who.staff, { intent: "prefer", scenarioId: b });
    expect((await db.dossier.findUniqueOrThrow({ where: { id: dossierId } })).preferredScenarioId).toBe(b);
    const archived = await post(scenarioAction, `${path()}/${b}`, { id: dossierId, scenarioId: b }, who.staff, { intent: "archive" });
    expect(archived.status).toBe(200);
    expect((await db.scenario.findUniqueOrThrow({ where: { id: b } })).archivedAt).not.toBeNull();
    expect((await db.dossier.findUniqueOrThrow({ where: { id: dossierId } })).preferredScenarioId).toBeNull();
    // An archived scenario cannot be preferred.
    const refused = await post(listAction, path(), { id: dossierId }, who.staff, { intent: "prefer", scenarioId: b });
    expect(refused.status).toBe(409);
    const compare = await get(compareLoader, `${path()}/vergelijk`, { id: dossierId }, who.staff);
    expect(compare.data?.columns.map((c) => c.name)).toEqual(["A"]);
  });

  it("keeps the scenarios of a closed dossier as they are (409), while they can still be seen", async () => {
    const id = await createScenario();
    await db.dossier.update({ where: { id: dossierId }, data: { phase: "COMPLETED" } });
    const params = { id: dossierId, scenarioId: id };
    const create = await post(listAction, path(), { id: dossierId }, who.staff, { intent: "create", name: "Nog één", functionCategory: "OTHER" });
    expect(create.status).toBe(409);
    expect((create.data as { notice: { key: string } }).notice.key).toBe("scenarios.error.closed");
    for (const intent of ["archive", "prefer", "openDraft"]) {
      expect((await post(scenarioAction, `${path()}/${id}`, params, who.staff, { intent })).status).toBe(409);
    }
    const page = await get(scenarioLoader, `${path()}/${id}`, params, who.staff);
    expect(page.status).toBe(200);
    expect(page.data?.canEdit).toBe(false);
    expect(await db.scenario.count({ where: { dossierId } })).toBe(1);
    expect(await db.simulationVersion.count({ where: { scenarioId: id } })).toBe(0);
  });

  it("does not let a scenario of another dossier be reached through this dossier", async () => {
    const id = await createScenario();
    const other = await gentDossier();
    const res = await get(scenarioLoader, `/dossiers/${other.id}/scenarios/${id}`, { id: other.id, scenarioId: id }, who.staff);
    expect(res.status).toBe(404);
  });
});

describe("scenario permissions", () => {
  it("lets the dossier's municipality view scenarios (no archived ones), never change them (403)", async () => {
    const id = await createScenario();
    const archivedId = await createScenario("Oud");
    await post(scenarioAction, `${path()}/${archivedId}`, { id: dossierId, scenarioId: archivedId }, who.staff, { intent: "archive" });
    const list = await get(listLoader, path(), { id: dossierId }, who.gent);
    expect(list.status).toBe(200);
    expect(list.data?.canEdit).toBe(false);
    expect(list.data?.scenarios.map((s) => s.id)).toEqual([id]);
    expect((await get(scenarioLoader, `${path()}/${id}`, { id: dossierId, scenarioId: id }, who.gent)).status).toBe(200);
    expect((await get(scenarioLoader, `${path()}/${archivedId}`, { id: dossierId, scenarioId: archivedId }, who.gent)).status).toBe(404);
    expect((await get(compareLoader, `${path()}/vergelijk`, { id: dossierId }, who.gent)).status).toBe(200);

    const create = await post(listAction, path(), { id: dossierId }, who.gent, { intent: "create", name: "X", functionCategory: "OTHER" });
    expect(create.status).toBe(403);
    for (const form of <Record<string, string>[]>[
      { intent: "update", name: "X", functionCategory: "OTHER", version: "1" },
      { intent: "archive" },
      { intent: "prefer" },
      { intent: "openDraft" },
    ]) {
      expect((await post(scenarioAction, `${path()}/${id}`, { id: dossierId, scenarioId: id }, who.gent, form)).status).toBe(403);
    }
    expect((await post(listAction, path(), { id: dossierId }, who.gent, { intent: "prefer", scenarioId: id })).status).toBe(403);
    expect((await post(compareAction, `${path()}/vergelijk`, { id: dossierId }, who.gent, { intent: "prefer", scenarioId: id })).status).toBe(403);
    expect(await db.scenario.count({ where: { dossierId } })).toBe(2);
  });

  it("answers 404 to another municipality everywhere", async () => {
    const id = await createScenario();
    const params = { id: dossierId, scenarioId: id };
    expect((await get(listLoader, path(), { id: dossierId }, who.leuven)).status).toBe(404);
    expect((await get(scenarioLoader, `${path()}/${id}`, params, who.leuven)).status).toBe(404);
    expect((await get(compareLoader, `${path()}/vergelijk`, { id: dossierId }, who.leuven)).status).toBe(404);
    expect((await post(listAction, path(), { id: dossierId }, who.leuven, { intent: "create", name: "X", functionCategory: "OTHER" })).status).toBe(404);
    expect((await post(scenarioAction, `${path()}/${id}`, params, who.leuven, { intent: "archive" })).status).toBe(404);
    expect((await post(compareAction, `${path()}/vergelijk`, { id: dossierId }, who.leuven, { intent: "prefer", scenarioId: id })).status).toBe(404);
  });

  it("refuses anonymous visitors: pages go to the login, actions answer 401", async () => {
    const id = await createScenario();
    const page = await get(listLoader, path(), { id: dossierId }, who.anonymous);
    expect(page.status).toBe(302);
    expect(page.response?.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
    expect((await get(scenarioLoader, `${path()}/${id}`, { id: dossierId, scenarioId: id }, who.anonymous)).status).toBe(302);
    expect((await post(listAction, path(), { id: dossierId }, who.anonymous, { intent: "create", name: "X", functionCategory: "OTHER" })).status).toBe(401);
    expect((await post(scenarioAction, `${path()}/${id}`, { id: dossierId, scenarioId: id }, who.anonymous, { intent: "archive" })).status).toBe(401);
  });
});
