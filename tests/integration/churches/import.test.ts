import { beforeAll, describe, expect, it } from "vitest";
import type { ImportPreview } from "~/features/churches/import.server";
import { db } from "~/platform/db.server";
import { action as importAction, loader as importLoader } from "~/routes/kerken.import";
import { callRoute, createUser, GENT, makeRequest, sessionCookieFor } from "../../helpers/auth";
import { makeChurch, multipartRequest, URI } from "./helpers";

let staff: string;
beforeAll(async () => {
  staff = await sessionCookieFor((await createUser("STAFF")).id);
});

type Data =
  | { stage: "problem"; problem: { key: string } }
  | { stage: "preview"; preview: ImportPreview; content: string; fileName: string }
  | { stage: "done"; created: number; updated: number };

const csvFile = (text: string, name = "kerken.csv") => new File([new TextEncoder().encode(text)], name, { type: "text/csv" });

async function send(fields: Record<string, string | File>, cookie = staff) {
  const res = await callRoute(() => importAction({ request: multipartRequest("/kerken/import", cookie, fields), params: {}, context: {} }));
  return { status: res.status, data: res.data as unknown as Data };
}
const preview = (text: string, name?: string) => send({ intent: "preview", file: csvFile(text, name) });
const confirm = (content: string) => send({ intent: "import", content, fileName: "kerken.csv" });

const GOOD = [
  "\uFEFFnaam;parochie;gemeente;x;y;beschermingsstatus;erfgoedobject;oppervlakte;gebruik",
  `Importkerk Sint-Jan;Sint-Jan;Gent;105000;194000;beschermd;${URI(800001)};1200,5;eredienst`,
  'Importkerk "Onze-Lieve-Vrouw";OLV;24062;;;geen;;;leegstaand',
  "Importkerk Sint-Michiel;Sint-Michiel;Antwerpen;152000;212000;;;;",
].join("\r\n");

describe("CSV import", () => {
  it("previews every row with what will happen, then imports all of it with one audit event", async () => {
    const first = await preview(GOOD);
    expect(first.status).toBe(200);
    if (first.data.stage !== "preview") throw new Error("expected a preview");
    expect(first.data.preview.importable).toBe(true);
    expect(first.data.preview.counts).toEqual({ rows: 3, create: 3, update: 0, withIssues: 0 });
    expect(first.data.preview.rows.map((r) => [r.line, r.action, r.municipality])).toEqual([
      [2, "create", "Gent"],
      [3, "create", "Leuven"],
      [4, "create", "Antwerpen"],
    ]);
    expect(await db.church.count({ where: { name: { startsWith: "Importkerk" } } })).toBe(0);

    // The browser sends the hidden field back with CRLF line ends.
    const done = await confirm(first.data.content.replace(/\r?\n/g, "\r\n"));
    expect(done.data).toMatchObject({ stage: "done", created: 3, updated: 0 });
    const jan = await db.church.findFirstOrThrow({ where: { name: "Importkerk Sint-Jan" } });
    expect(jan).toMatchObject({ nisCode: GENT, protectionStatus: "PROTECTED", inventoryUri: URI(800001), floorAreaM2: 1200.5, currentUse: "WORSHIP" });
    expect(jan.lat).toBeCloseTo(51.05, 1);
    expect(await db.church.findFirstOrThrow({ where: { name: 'Importkerk "Onze-Lieve-Vrouw"' } })).toMatchObject({ nisCode: "24062", currentUse: "VACANT" });
    const audit = await db.auditEvent.findMany({ where: { entityType: "ChurchImport" } });
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].summary ?? "{}")).toMatchObject({ fileName: "kerken.csv", rows: 3, created: 3, updated: 0 });

    // The same file again updates the same churches instead of duplicating them.
    const changed = GOOD.replace("Sint-Jan;Gent", "Sint-Jan de Doper;Gent").replace(";OLV;", ";Onze-Lieve-Vrouw;");
    const second = await preview(changed);
    if (second.data.stage !== "preview") throw new Error("expected a preview");
    expect(second.data.preview.counts).toEqual({ rows: 3, create: 0, update: 3, withIssues: 0 });
    expect(second.data.preview.rows[0].matchId).toBe(jan.id);
    const again = await confirm(second.data.content);
    expect(again.data).toMatchObject({ stage: "done", created: 0, updated: 3 });
    expect(await db.church.count({ where: { name: { startsWith: "Importkerk" } } })).toBe(3);
    expect(await db.church.findUniqueOrThrow({ where: { id: jan.id } })).toMatchObject({ parish: "Sint-Jan de Doper", version: 2 });
    expect(await db.church.findFirstOrThrow({ where: { name: 'Importkerk "Onze-Lieve-Vrouw"' } })).toMatchObject({ parish: "Onze-Lieve-Vrouw" });
  });

  it("matches an existing church by name within its municipality, and by inventory URI whatever the name", async () => {
    const byName = await makeChurch({ name: "Sint-Catharinakerk", nisCode: "11002" });
    const byUri = await makeChurch({ name: "Oude naam", nisCode: GENT, inventoryUri: URI(800050) });
    const res = await preview(`name,municipality,inventory_uri\nsint-catharinakerk,antwerpen,\nNieuwe naam,Gent,${URI(800050)}\n`);
    if (res.data.stage !== "preview") throw new Error("expected a preview");
    expect(res.data.preview.rows.map((r) => [r.action, r.matchId])).toEqual([
      ["update", byName.id],
      ["update", byUri.id],
    ]);
  });

  it("a file with errors shows them per line and imports nothing, even when confirmed anyway", async () => {
    const bad = [
      "naam;gemeente;lat;lng;erfgoedobject",
      "Foutkerk A;Gent;51,05;3,72;",
      "Foutkerk B;Atlantis;51,05;3,72;",
      "Foutkerk C;Gent;veel;3,72;",
      "Foutkerk D;Gent;51,05;3,72;http://example.org/1",
    ].join("\n");
    const res = await preview(bad);
    expect(res.status).toBe(400);
    if (res.data.stage !== "preview") throw new Error("expected a preview");
    expect(res.data.preview.importable).toBe(false);
    expect(res.data.preview.rows.map((r) => r.issues.map((i) => `${i.line}:${i.column}:${i.key}`))).toEqual([
      [],
      ["3:gemeente:churches.import.error.unknownMunicipality"],
      ["4:lat:error.invalidNumber"],
      ["5:erfgoedobject:churches.error.inventoryUri"],
    ]);
    const forced = await confirm(bad);
    expect(forced.status).toBe(400);
    expect(forced.data.stage).toBe("preview");
    expect(await db.church.count({ where: { name: { startsWith: "Foutkerk" } } })).toBe(0);
    expect(await db.auditEvent.count({ where: { entityType: "ChurchImport", summary: { contains: "Foutkerk" } } })).toBe(0);
  });

  it("refuses two rows for one church, in the file or through matching", async () => {
    await makeChurch({ name: "Houder", nisCode: GENT, inventoryUri: URI(800070) });
    const res = await preview(`naam;gemeente;erfgoedobject\nZelfde;Gent;\nzelfde;GENT;\nHouder;Gent;\nAndere naam;Gent;${URI(800070)}\n`);
    if (res.data.stage !== "preview") throw new Error("expected a preview");
    expect(res.data.preview.rows.map((r) => r.issues.map((i) => [i.key, i.params]))).toEqual([
      [],
      [["churches.import.error.duplicateInFile", { line: 2 }]],
      [],
      [["churches.import.error.sameChurchTwice", { line: 4 }]],
    ]);
    expect(res.data.preview.importable).toBe(false);
  });

  it("handles a file with more rows than SQLite allows query parameters in one lookup", async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => `Reekskerk ${i};Gent;${URI(810000 + i)}`);
    const text = `naam;gemeente;erfgoedobject\n${rows.join("\n")}`;
    const first = await confirm(text);
    expect(first.data).toMatchObject({ stage: "done", created: 1200, updated: 0 });
    const again = await confirm(text);
    expect(again.data).toMatchObject({ stage: "done", created: 0, updated: 1200 });
    expect(await db.church.count({ where: { name: { startsWith: "Reekskerk" } } })).toBe(1200);
  });

  it("refuses a file that is too large, not UTF-8, or missing", async () => {
    const big = await preview(`naam;gemeente\n${"x".repeat(5_000_001)}`);
    expect(big.status).toBe(413);
    expect(big.data).toEqual({ stage: "problem", problem: { key: "churches.import.error.tooLarge", params: { max: "5 MB" } } });
    const latin1 = await send({ intent: "preview", file: new File([new Uint8Array([0x6e, 0x61, 0x61, 0x6d, 0x3b, 0xeb, 0x0a])], "latin1.csv") });
    expect(latin1.status).toBe(400);
    expect(latin1.data).toMatchObject({ problem: { key: "churches.import.error.notUtf8" } });
    const none = await send({ intent: "preview", file: new File([], "") });
    expect(none.data).toMatchObject({ problem: { key: "churches.import.error.noFile" } });
  });

  it("is for staff only: 403 for a municipality user, login or 401 for anonymous", async () => {
    const gent = await sessionCookieFor((await createUser("MUNICIPALITY", { municipalities: [GENT] })).id);
    const before = await db.church.count();
    expect((await callRoute(() => importLoader({ request: makeRequest("/kerken/import", { cookie: gent }), params: {}, context: {} }))).status).toBe(403);
    expect((await send({ intent: "import", content: GOOD }, gent)).status).toBe(403);
    const anon = await callRoute(() => importLoader({ request: makeRequest("/kerken/import"), params: {}, context: {} }));
    expect(anon.status).toBe(302);
    expect((await send({ intent: "import", content: GOOD }, "")).status).toBe(401);
    expect(await db.church.count()).toBe(before);
  });
});
