import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { createUser, GENT, sessionCookieFor } from "../../helpers/auth";
import { PNG_1X1, tinyPdf } from "../../unit/documents/samples";
import { createDossier, detail, download, fieldErrors, list, pdfFile, postDetail, storedFiles, uploadDocument, uploadVersion } from "./helpers";

let staffId: string;
let staffCookie: string;
let gentCookie: string;

beforeAll(async () => {
  staffId = (await createUser("STAFF")).id;
  staffCookie = await sessionCookieFor(staffId);
  gentCookie = await sessionCookieFor((await createUser("MUNICIPALITY", { municipalities: [GENT] })).id);
});

async function newDocument(visibility = "SHARED", title = "Ontwerp") {
  const dossierId = (await createDossier(GENT)).id;
  await uploadDocument(dossierId, staffCookie, { title, kind: "DESIGN", visibility }, pdfFile(tinyPdf("v1"), "ontwerp-v1.pdf"));
  const document = await db.document.findFirstOrThrow({ where: { dossierId }, include: { versions: true } });
  return { dossierId, documentId: document.id, document };
}

type ListData = { documents: { id: string; title: string; latest: { number: number; fileName: string }; versionCount: number }[]; canEdit: boolean };
type DetailData = { document: { updatedAt: Date; versions: { number: number; fileName: string }[] } };

describe("versions", () => {
  it("a new version gets the next number and keeps the older ones", async () => {
    const { dossierId, documentId } = await newDocument();
    const res = await uploadVersion(dossierId, documentId, staffCookie, pdfFile(tinyPdf("v2"), "ontwerp-v2.pdf"));
    expect(res.status).toBe(302);
    expect(res.response?.headers.get("Location")).toBe(`/dossiers/${dossierId}/documenten/${documentId}?notice=version`);
    await uploadVersion(dossierId, documentId, staffCookie, pdfFile(tinyPdf("v3"), "ontwerp-v3.pdf"));

    const listed = (await list(dossierId, staffCookie)).data as unknown as ListData;
    expect(listed.documents).toHaveLength(1);
    expect(listed.documents[0]).toMatchObject({ latest: { number: 3, fileName: "ontwerp-v3.pdf" }, versionCount: 3 });

    const shown = (await detail(dossierId, documentId, staffCookie)).data as unknown as DetailData;
    expect(shown.document.versions.map((v) => [v.number, v.fileName])).toEqual([
      [3, "ontwerp-v3.pdf"],
      [2, "ontwerp-v2.pdf"],
      [1, "ontwerp-v1.pdf"],
    ]);
    // Every version's file is still there to download.
    const versions = await db.documentVersion.findMany({ where: { documentId }, orderBy: { number: "asc" } });
    for (const v of versions) expect((await download(v.id, staffCookie)).status).toBe(200);
    expect(await db.auditEvent.count({ where: { action: "UPLOAD", entityId: documentId } })).toBe(3);
  });

  it("a new version is checked like a new upload", async () => {
    const { dossierId, documentId } = await newDocument();
    const before = await storedFiles();
    const res = await uploadVersion(dossierId, documentId, staffCookie, new File(["geen pdf"], "ontwerp-v2.pdf"));
    expect(res.status).toBe(400);
    expect(fieldErrors(res.data).file).toEqual(["documents.error.type"]);
    expect(await db.documentVersion.count({ where: { documentId } })).toBe(1);
    expect(await storedFiles()).toEqual(before);
  });

  it("a new version may be another accepted type", async () => {
    const { dossierId, documentId } = await newDocument();
    expect((await uploadVersion(dossierId, documentId, staffCookie, new File([new Uint8Array(PNG_1X1)], "ontwerp.png"))).status).toBe(302);
    const latest = await db.documentVersion.findFirstOrThrow({ where: { documentId, number: 2 } });
    expect(latest.mimeType).toBe("image/png");
  });

  it("a municipality may not add a version (403)", async () => {
    const { dossierId, documentId } = await newDocument();
    expect((await uploadVersion(dossierId, documentId, gentCookie, pdfFile(tinyPdf("gent")))).status).toBe(403);
  });

  it("a version for a document of another dossier is 404", async () => {
    const { documentId } = await newDocument();
    const otherDossier = (await createDossier(GENT)).id;
    expect((await uploadVersion(otherDossier, documentId, staffCookie, pdfFile(tinyPdf("x")))).status).toBe(404);
  });
});

describe("editing title and visibility", () => {
  it("saves the change with an audit event naming before and after", async () => {
    const { dossierId, documentId, document } = await newDocument("INTERNAL");
    const res = await postDetail(dossierId, documentId, staffCookie, {
      intent: "edit",
      title: "Ontwerp (definitief)",
      visibility: "SHARED",
      updatedAt: document.updatedAt.toISOString(),
    });
    expect(res.status).toBe(302);
    expect(await db.document.findUniqueOrThrow({ where: { id: documentId } })).toMatchObject({ title: "Ontwerp (definitief)", visibility: "SHARED" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "UPDATE", entityId: documentId } });
    expect(audit.dossierId).toBe(dossierId);
    expect(JSON.parse(audit.summary ?? "{}")).toEqual({ title: ["Ontwerp", "Ontwerp (definitief)"], visibility: ["INTERNAL", "SHARED"] });
  });

  it("refuses a form opened before someone else's change (optimistic lock)", async () => {
    const { dossierId, documentId, document } = await newDocument();
    const opened = document.updatedAt.toISOString();
    expect((await postDetail(dossierId, documentId, staffCookie, { intent: "edit", title: "A", visibility: "SHARED", updatedAt: opened })).status).toBe(302);
    const stale = await postDetail(dossierId, documentId, staffCookie, { intent: "edit", title: "B", visibility: "INTERNAL", updatedAt: opened });
    expect(stale.status).toBe(409);
    expect(fieldErrors(stale.data)[""]).toEqual(["documents.error.conflict"]);
    expect((await db.document.findUniqueOrThrow({ where: { id: documentId } })).title).toBe("A");
  });

  it("says per field what is wrong", async () => {
    const { dossierId, documentId, document } = await newDocument();
    const res = await postDetail(dossierId, documentId, staffCookie, { intent: "edit", title: " ", visibility: "EVERYONE", updatedAt: document.updatedAt.toISOString() });
    expect(res.status).toBe(400);
    expect(fieldErrors(res.data)).toMatchObject({ title: ["error.required"], visibility: ["error.invalidChoice"] });
  });

  it("is refused to a municipality (403)", async () => {
    const { dossierId, documentId, document } = await newDocument();
    const res = await postDetail(dossierId, documentId, gentCookie, { intent: "edit", title: "X", visibility: "PUBLIC", updatedAt: document.updatedAt.toISOString() });
    expect(res.status).toBe(403);
  });
});

describe("soft delete", () => {
  it("hides the document from lists and pages but keeps rows and files", async () => {
    const { dossierId, documentId, document } = await newDocument("SHARED");
    const unconfirmed = await postDetail(dossierId, documentId, staffCookie, { intent: "delete" });
    expect(unconfirmed.status).toBe(400);
    expect(fieldErrors(unconfirmed.data).confirm).toEqual(["documents.error.confirmDelete"]);

    const res = await postDetail(dossierId, documentId, staffCookie, { intent: "delete", confirm: "on" });
    expect(res.status).toBe(302);
    expect(res.response?.headers.get("Location")).toBe(`/dossiers/${dossierId}/documenten?notice=deleted`);

    const row = await db.document.findUniqueOrThrow({ where: { id: documentId }, include: { versions: true } });
    expect(row.deletedAt).not.toBeNull();
    expect(row.versions).toHaveLength(1);
    expect(((await list(dossierId, staffCookie)).data as unknown as ListData).documents).toEqual([]);
    expect(((await list(dossierId, gentCookie)).data as unknown as ListData).documents).toEqual([]);
    expect((await detail(dossierId, documentId, staffCookie)).status).toBe(404);
    expect((await download(document.versions[0].id, gentCookie)).status).toBe(404);
    // The bureau can still fetch the file (audit trail); it was not removed.
    expect((await download(document.versions[0].id, staffCookie)).status).toBe(200);
    expect(await db.auditEvent.count({ where: { action: "DELETE", entityId: documentId, dossierId } })).toBe(1);
    // Deleting again: it is gone already.
    expect((await postDetail(dossierId, documentId, staffCookie, { intent: "delete", confirm: "on" })).status).toBe(404);
  });

  it("is refused to a municipality (403)", async () => {
    const { dossierId, documentId } = await newDocument();
    expect((await postDetail(dossierId, documentId, gentCookie, { intent: "delete", confirm: "on" })).status).toBe(403);
    expect((await db.document.findUniqueOrThrow({ where: { id: documentId } })).deletedAt).toBeNull();
  });
});

describe("concurrent versions", () => {
  it("two new versions at the same moment get distinct numbers", async () => {
    const { dossierId, documentId } = await newDocument();
    const results = await Promise.all([
      uploadVersion(dossierId, documentId, staffCookie, pdfFile(tinyPdf("parallel A"), "a.pdf")),
      uploadVersion(dossierId, documentId, staffCookie, pdfFile(tinyPdf("parallel B"), "b.pdf")),
    ]);
    expect(results.map((r) => r.status)).toEqual([302, 302]);
    const numbers = (await db.documentVersion.findMany({ where: { documentId }, orderBy: { number: "asc" } })).map((v) => v.number);
    expect(numbers).toEqual([1, 2, 3]);
  });
});
