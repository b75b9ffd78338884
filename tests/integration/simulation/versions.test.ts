// Simulation versions through the routes: draft editing (errors per field, rows without
// JavaScript), submit (hash, immutability), a new draft from a frozen version, superseding,
// comparison, exports, and who may see or do what.
import { createHash } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { canonicalInputs, readStoredInputs } from "~/features/simulation/canonical";
import { simulate } from "~/features/simulation/engine";
import { db } from "~/platform/db.server";
import { action as scenarioAction } from "~/routes/dossiers.$id.scenarios.$scenarioId._index";
import { action as editorAction, loader as editorLoader } from "~/routes/dossiers.$id.scenarios.$scenarioId.simulatie";
import { loader as compareLoader } from "~/routes/dossiers.$id.scenarios.$scenarioId.vergelijk";
import { loader as csvLoader } from "~/routes/dossiers.$id.scenarios.$scenarioId.versies.$versionId.export[.csv]";
import { loader as xlsxLoader } from "~/routes/dossiers.$id.scenarios.$scenarioId.versies.$versionId.export[.xlsx]";
import { action as versionAction, loader as versionLoader } from "~/routes/dossiers.$id.scenarios.$scenarioId.versies.$versionId";
import { loader as compareScenariosLoader } from "~/routes/dossiers.$id.scenarios.vergelijk";
import { actors, editorFields, fieldErrors, gentDossier, get, post } from "../scenarios/fixtures";
import { example, exampleRaw, parse } from "../../unit/simulation/helpers";

let who: Awaited<ReturnType<typeof actors>>;
let dossierId: string;
let scenarioId: string;
let base: string;
let params: { id: string; scenarioId: string };

beforeEach(async () => {
  who = await actors();
  dossierId = (await gentDossier()).id;
  scenarioId = (await db.scenario.create({ data: { dossierId, name: "Bibliotheek", functionCategory: "LIBRARY" } })).id;
  base = `/dossiers/${dossierId}/scenarios/${scenarioId}`;
  params = { id: dossierId, scenarioId };
});

async function openDraft() {
  const res = await post(scenarioAction, base, params, who.staff, { intent: "openDraft" });
  expect(res.status).toBe(302);
  expect(res.response?.headers.get("Location")).toBe(`${base}/simulatie`);
  return db.simulationVersion.findFirstOrThrow({ where: { scenarioId, status: "DRAFT" } });
}

async function saveExample(intent: "save" | "submit" = "save", input = example()) {
  const draft = await db.simulationVersion.findFirstOrThrow({ where: { scenarioId, status: "DRAFT" } });
  return post(editorAction, `${base}/simulatie`, params, who.staff, editorFields(input, { intent, versionId: draft.id, updatedAt: draft.updatedAt.toISOString() }));
}

const versionPath = (id: string) => `${base}/versies/${id}`;
const vParams = (versionId: string) => ({ ...params, versionId });

describe("the draft", () => {
  it("is created on first edit as version 1 with valid empty inputs, once", async () => {
    const draft = await openDraft();
    expect(draft).toMatchObject({ number: 1, status: "DRAFT", basedOnId: null, createdById: who.staff.user.id });
    expect(readStoredInputs(draft.inputs).investments).toEqual([]);
    await openDraft();
    expect(await db.simulationVersion.count({ where: { scenarioId } })).toBe(1);
    const page = await get(editorLoader, `${base}/simulatie`, params, who.staff);
    expect(page.data?.draft?.id).toBe(draft.id);
  });

  it("saves the inputs as canonical JSON (the worked example, Belgian decimal commas)", async () => {
    await openDraft();
    const res = await saveExample();
    expect(res.status).toBe(200);
    const draft = await db.simulationVersion.findFirstOrThrow({ where: { scenarioId } });
    expect(draft.inputs).toBe(canonicalInputs(example()));
    expect(editorFields(example())["loans[0].ratePct"]).toBe("3,2");
    expect(simulate(readStoredInputs(draft.inputs)).metrics.npv).toBeCloseTo(-647497.37, 2);
  });

  it("refuses bad input with a message key per field, keeps what was typed, stores nothing", async () => {
    const draft = await openDraft();
    const fields = editorFields(example(), { intent: "save", versionId: draft.id, updatedAt: draft.updatedAt.toISOString() });
    fields["investments[0].amount"] = "-5";
    fields["loans[0].termYears"] = "";
    fields["revenues[1].occupancyPct"] = "veel";
    fields["grants[0].yearOffset"] = "45";
    const res = await post(editorAction, `${base}/simulatie`, params, who.staff, fields);
    expect(res.status).toBe(400);
    const errors = fieldErrors(res.data);
    expect(errors["investments[0].amount"]).toEqual(["simulation.error.amountNegative"]);
    expect(errors["loans[0].termYears"]).toEqual(["simulation.error.loanTermRequired"]);
    expect(errors["revenues[1].occupancyPct"]).toEqual(["simulation.error.notANumber"]);
    expect(errors["grants[0].yearOffset"]).toEqual(["simulation.error.yearOffsetOutsideHorizon"]);
    const typed = JSON.stringify(res.data);
    expect(typed).toContain('"-5"');
    expect(typed).toContain('"veel"');
    expect((await db.simulationVersion.findUniqueOrThrow({ where: { id: draft.id } })).inputs).toBe(draft.inputs);
  });

  it("adds and removes rows without JavaScript (conform intents), without saving", async () => {
    const draft = await openDraft();
    const fields = editorFields(example(), { versionId: draft.id, updatedAt: draft.updatedAt.toISOString() });
    const insert = await post(editorAction, `${base}/simulatie`, params, who.staff, {
      ...fields,
      __intent__: JSON.stringify({ type: "insert", payload: { name: "loans", defaultValue: { label: "", type: "LINEAR" } } }),
    });
    expect(insert.status).toBe(200);
    const value = (insert.data as unknown as { result: { initialValue: { loans: unknown[]; investments: unknown[] } } }).result.initialValue;
    expect(value.loans).toHaveLength(2);
    const remove = await post(editorAction, `${base}/simulatie`, params, who.staff, {
      ...fields,
      __intent__: JSON.stringify({ type: "remove", payload: { name: "investments", index: 1 } }),
    });
    const after = (remove.data as unknown as { result: { initialValue: { investments: { label: string }[] } } }).result.initialValue;
    expect(after.investments.map((r) => r.label)).toEqual(["Restauratie dak en gevels", "Erelonen"]);
    expect((await db.simulationVersion.findUniqueOrThrow({ where: { id: draft.id } })).inputs).toBe(draft.inputs);
  });

  it("refuses a save based on an older state of the draft (409), keeping the newer one", async () => {
    const draft = await openDraft();
    const stale = draft.updatedAt.toISOString();
    expect((await saveExample()).status).toBe(200);
    const other = editorFields(parse({ ...exampleRaw(), discountRatePct: 6 }), { intent: "save", versionId: draft.id, updatedAt: stale });
    const res = await post(editorAction, `${base}/simulatie`, params, who.staff, other);
    expect(res.status).toBe(409);
    expect(readStoredInputs((await db.simulationVersion.findUniqueOrThrow({ where: { id: draft.id } })).inputs).discountRatePct).toBe(4);
  });
});

describe("submitting and later versions", () => {
  it("freezes the version with who, when and the SHA-256 of the canonical inputs; later edits are refused", async () => {
    const draft = await openDraft();
    const res = await saveExample("submit");
    expect(res.status).toBe(302);
    expect(res.response?.headers.get("Location")).toBe(`${versionPath(draft.id)}?ingediend=1`);
    const submitted = await db.simulationVersion.findUniqueOrThrow({ where: { id: draft.id } });
    expect(submitted.status).toBe("SUBMITTED");
    expect(submitted.submittedById).toBe(who.staff.user.id);
    expect(submitted.submittedAt).not.toBeNull();
    const canonical = canonicalInputs(example());
    expect(submitted.inputs).toBe(canonical);
    expect(submitted.contentHash).toBe(createHash("sha256").update(canonical).digest("hex"));
    expect(JSON.parse(canonical)).toHaveProperty("discountRatePct", 4);
    expect(Object.keys(JSON.parse(canonical))).toEqual([...Object.keys(JSON.parse(canonical))].sort());
    expect(await db.auditEvent.count({ where: { entityId: draft.id, action: "SUBMIT" } })).toBe(1);
    // The dossier's municipality is notified; another municipality is not.
    expect(await db.notification.count({ where: { userId: who.gent.user.id, kind: "VERSION_SUBMITTED", versionId: draft.id } })).toBe(1);
    expect(await db.notification.count({ where: { userId: who.leuven.user.id } })).toBe(0);

    // The server refuses any change to a frozen version, however it is asked.
    const edit = editorFields(parse({ ...exampleRaw(), equity: 1 }), { intent: "save", versionId: draft.id, updatedAt: submitted.updatedAt.toISOString() });
    expect((await post(editorAction, `${base}/simulatie`, params, who.staff, edit)).status).toBe(409);
    expect((await post(versionAction, versionPath(draft.id), vParams(draft.id), who.staff, { intent: "submit" })).status).toBe(409);
    const after = await db.simulationVersion.findUniqueOrThrow({ where: { id: draft.id } });
    expect(after.inputs).toBe(canonical);
    expect(after.contentHash).toBe(submitted.contentHash);
    const page = await get(versionLoader, versionPath(draft.id), vParams(draft.id), who.staff);
    expect(page.data?.version.contentHash).toBe(submitted.contentHash);
  });

  it("starts a new draft copied from the frozen version; submitting it supersedes older submissions but not an approval", async () => {
    const v1 = await openDraft();
    await saveExample("submit");
    const fromVersion = await post(versionAction, versionPath(v1.id), vParams(v1.id), who.staff, { intent: "openDraft" });
    expect(fromVersion.status).toBe(302);
    const v2 = await db.simulationVersion.findFirstOrThrow({ where: { scenarioId, status: "DRAFT" } });
    expect(v2).toMatchObject({ number: 2, basedOnId: v1.id });
    expect(v2.inputs).toBe((await db.simulationVersion.findUniqueOrThrow({ where: { id: v1.id } })).inputs);
    await saveExample("submit", parse({ ...exampleRaw(), discountRatePct: 3.5 }));
    expect((await db.simulationVersion.findUniqueOrThrow({ where: { id: v1.id } })).status).toBe("SUPERSEDED");
    expect((await db.simulationVersion.findUniqueOrThrow({ where: { id: v2.id } })).status).toBe("SUBMITTED");

    // v2 approved (by the review feature); v3 submitted: v2 stays APPROVED.
    await db.simulationVersion.update({ where: { id: v2.id }, data: { status: "APPROVED" } });
    await openDraft();
    await saveExample("submit", parse({ ...exampleRaw(), discountRatePct: 3 }));
    const statuses = await db.simulationVersion.findMany({ where: { scenarioId }, orderBy: { number: "asc" }, select: { status: true } });
    expect(statuses.map((s) => s.status)).toEqual(["SUPERSEDED", "APPROVED", "SUBMITTED"]);
  });

  it("compares two versions: every changed input and the change in each key figure", async () => {
    const v1 = await openDraft();
    await saveExample("submit");
    await openDraft();
    const raw = exampleRaw() as { investments: object[]; revenues: { amount: number }[] };
    raw.revenues[0].amount = 110000;
    raw.investments.pop();
    const v2input = parse({ ...raw, discountRatePct: 3.5 });
    await saveExample("save", v2input);
    const v2 = await db.simulationVersion.findFirstOrThrow({ where: { scenarioId, status: "DRAFT" } });
    const res = await get(compareLoader, `${base}/vergelijk?a=${v1.id}&b=${v2.id}`, params, who.staff);
    expect(res.status).toBe(200);
    const changes = res.data!.inputChanges;
    expect(changes).toContainEqual(expect.objectContaining({ kind: "changed", path: "discountRatePct", before: 4, after: 3.5 }));
    expect(changes).toContainEqual(expect.objectContaining({ kind: "changed", path: "revenues[0].amount", before: 95000, after: 110000 }));
    expect(changes).toContainEqual(expect.objectContaining({ kind: "removed", list: "investments", rowLabel: "Erelonen" }));
    expect(changes).toHaveLength(3);
    const npv = res.data!.metricChanges.find((m) => m.key === "npv")!;
    expect(npv.before).toBeCloseTo(-647497.37, 2);
    expect(npv.after).toBeCloseTo(simulate(v2input).metrics.npv, 6);
    expect(npv.delta).toBeCloseTo(simulate(v2input).metrics.npv + 647497.37, 1);
  });
});

describe("exports", () => {
  it("exports XLSX and a Belgian CSV of the yearly table", async () => {
    const v1 = await openDraft();
    await saveExample();
    const xlsx = await get(xlsxLoader, `${versionPath(v1.id)}/export.xlsx`, vParams(v1.id), who.staff);
    expect(xlsx.status).toBe(200);
    expect(xlsx.response?.headers.get("Content-Type")).toContain("spreadsheetml");
    expect(xlsx.response?.headers.get("Content-Disposition")).toMatch(/attachment; filename="HK-2030-\d+-Bibliotheek-v1\.xlsx"/);
    const bytes = new Uint8Array(await xlsx.response!.arrayBuffer());
    expect(String.fromCharCode(bytes[0], bytes[1])).toBe("PK");

    const csv = await get(csvLoader, `${versionPath(v1.id)}/export.csv`, vParams(v1.id), who.staff);
    expect(csv.status).toBe(200);
    const raw = new Uint8Array(await csv.response!.arrayBuffer());
    expect([...raw.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(raw);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split("\r\n");
    expect(lines).toHaveLength(31);
    expect(lines[0].split(";")).toHaveLength(15);
    expect(lines[0]).toContain("Netto kasstroom");
    expect(lines[1].split(";").slice(0, 4)).toEqual(["0", "2026", "1380000,00", "289800,00"]);
  });
});

describe("version permissions", () => {
  async function draftAndSubmitted() {
    const v1 = await openDraft();
    await saveExample("submit");
    await openDraft();
    const v2 = await db.simulationVersion.findFirstOrThrow({ where: { scenarioId, status: "DRAFT" } });
    return { submitted: v1.id, draft: v2.id };
  }

  it("shows the dossier's municipality submitted versions only, and lets it change nothing (403)", async () => {
    const { submitted, draft } = await draftAndSubmitted();
    expect((await get(versionLoader, versionPath(submitted), vParams(submitted), who.gent)).status).toBe(200);
    expect((await get(versionLoader, versionPath(draft), vParams(draft), who.gent)).status).toBe(404);
    const compare = await get(compareScenariosLoader, `/dossiers/${dossierId}/scenarios/vergelijk`, { id: dossierId }, who.gent);
    expect(compare.data?.columns[0].options.map((o) => o.id)).toEqual([submitted]);
    expect((await get(compareLoader, `${base}/vergelijk?a=${submitted}&b=${draft}`, params, who.gent)).status).toBe(404);
    expect((await get(xlsxLoader, `${versionPath(submitted)}/export.xlsx`, vParams(submitted), who.gent)).status).toBe(200);
    expect((await get(csvLoader, `${versionPath(submitted)}/export.csv`, vParams(submitted), who.gent)).status).toBe(200);
    expect((await get(xlsxLoader, `${versionPath(draft)}/export.xlsx`, vParams(draft), who.gent)).status).toBe(404);
    expect((await get(csvLoader, `${versionPath(draft)}/export.csv`, vParams(draft), who.gent)).status).toBe(404);

    expect((await get(editorLoader, `${base}/simulatie`, params, who.gent)).status).toBe(403);
    const fields = editorFields(example(), { intent: "save", versionId: draft });
    expect((await post(editorAction, `${base}/simulatie`, params, who.gent, fields)).status).toBe(403);
    expect((await post(editorAction, `${base}/simulatie`, params, who.gent, { ...fields, intent: "submit" })).status).toBe(403);
    expect((await post(versionAction, versionPath(submitted), vParams(submitted), who.gent, { intent: "openDraft" })).status).toBe(403);
    expect((await post(versionAction, versionPath(draft), vParams(draft), who.gent, { intent: "submit" })).status).toBe(403);
    expect((await db.simulationVersion.findUniqueOrThrow({ where: { id: draft } })).status).toBe("DRAFT");
  });

  it("answers 404 to another municipality for every page, action and export", async () => {
    const { submitted, draft } = await draftAndSubmitted();
    for (const id of [submitted, draft]) {
      expect((await get(versionLoader, versionPath(id), vParams(id), who.leuven)).status).toBe(404);
      expect((await get(xlsxLoader, `${versionPath(id)}/export.xlsx`, vParams(id), who.leuven)).status).toBe(404);
      expect((await get(csvLoader, `${versionPath(id)}/export.csv`, vParams(id), who.leuven)).status).toBe(404);
      expect((await post(versionAction, versionPath(id), vParams(id), who.leuven, { intent: "submit" })).status).toBe(404);
    }
    expect((await get(editorLoader, `${base}/simulatie`, params, who.leuven)).status).toBe(404);
    expect((await post(editorAction, `${base}/simulatie`, params, who.leuven, editorFields(example(), { intent: "save", versionId: draft }))).status).toBe(404);
    expect((await get(compareLoader, `${base}/vergelijk?a=${submitted}&b=${submitted}`, params, who.leuven)).status).toBe(404);
  });

  it("refuses anonymous visitors: downloads answer 401, pages go to the login", async () => {
    const { submitted } = await draftAndSubmitted();
    const download = await get(xlsxLoader, `${versionPath(submitted)}/export.xlsx`, vParams(submitted), who.anonymous, { Accept: "*/*" });
    expect(download.status).toBe(401);
    expect((await get(csvLoader, `${versionPath(submitted)}/export.csv`, vParams(submitted), who.anonymous, { Accept: "*/*" })).status).toBe(401);
    expect((await get(versionLoader, versionPath(submitted), vParams(submitted), who.anonymous)).status).toBe(302);
    expect((await get(editorLoader, `${base}/simulatie`, params, who.anonymous)).status).toBe(302);
    expect((await post(editorAction, `${base}/simulatie`, params, who.anonymous, { intent: "save" })).status).toBe(401);
    expect((await post(versionAction, versionPath(submitted), vParams(submitted), who.anonymous, { intent: "openDraft" })).status).toBe(401);
  });
});
