import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_UPLOAD_BYTES } from "~/features/documents/file-types";
import { db } from "~/platform/db.server";
import { createUser, GENT, LEUVEN, sessionCookieFor } from "../../helpers/auth";
import { officeFile, PNG_1X1, tinyPdf } from "../../unit/documents/samples";
import {
  callListAction,
  createDossier,
  fieldErrors,
  pdfFile,
  storedFiles,
  streamedMultipartRequest,
  uploadDocument,
  uploadsDir,
} from "./helpers";

let staff: { id: string };
let staffCookie: string;
let gentCookie: string;
let leuvenCookie: string;
let dossierId: string;

beforeAll(async () => {
  staff = await createUser("STAFF", { name: "Sam Staf" });
  staffCookie = await sessionCookieFor(staff.id);
  gentCookie = await sessionCookieFor((await createUser("MUNICIPALITY", { municipalities: [GENT] })).id);
  leuvenCookie = await sessionCookieFor((await createUser("MUNICIPALITY", { municipalities: [LEUVEN] })).id);
  dossierId = (await createDossier(GENT)).id;
});

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function documentsOf(id: string) {
  return db.document.findMany({ where: { dossierId: id }, include: { versions: true } });
}

/** A dossier of its own, so "nothing was kept" is checked against a clean slate. */
async function freshDossier() {
  return (await createDossier(GENT)).id;
}

describe("uploading a document", () => {
  it("stores a valid PDF under its SHA-256, with version 1 and an audit event", async () => {
    const bytes = tinyPdf("Verslag plaatsbezoek");
    const res = await uploadDocument(dossierId, staffCookie, { title: "Verslag plaatsbezoek", kind: "SITE_VISIT_REPORT", visibility: "INTERNAL" }, pdfFile(bytes));
    expect(res.status).toBe(302);
    expect(res.response?.headers.get("Location")).toBe(`/dossiers/${dossierId}/documenten?notice=uploaded`);

    const [document] = await documentsOf(dossierId);
    expect(document).toMatchObject({ title: "Verslag plaatsbezoek", kind: "SITE_VISIT_REPORT", visibility: "INTERNAL", createdById: staff.id, deletedAt: null });
    expect(document.versions).toHaveLength(1);
    const hash = sha256(bytes);
    expect(document.versions[0]).toMatchObject({ number: 1, fileName: "verslag.pdf", mimeType: "application/pdf", size: bytes.length, sha256: hash, uploadedById: staff.id });

    const stored = path.join(uploadsDir(), hash.slice(0, 2), hash.slice(2, 4), hash);
    expect(await readFile(stored)).toEqual(bytes);
    expect((await storedFiles()).filter((f) => f.startsWith(".staging"))).toEqual([]);

    const audit = await db.auditEvent.findFirst({ where: { action: "UPLOAD", entityId: document.id } });
    expect(audit).toMatchObject({ userId: staff.id, dossierId, entityType: "Document" });
    expect(JSON.parse(audit?.summary ?? "{}")).toMatchObject({ version: 1, fileName: "verslag.pdf", size: bytes.length });
  });

  it("uses the file name as title when none is given, and trusts the content's type over the browser's", async () => {
    const id = await freshDossier();
    const file = new File([new Uint8Array(officeFile("word"))], "Nota_kerkraad.docx", { type: "text/plain" });
    expect((await uploadDocument(id, staffCookie, { kind: "OTHER", visibility: "SHARED" }, file)).status).toBe(302);
    const [document] = await documentsOf(id);
    expect(document.title).toBe("Nota kerkraad");
    expect(document.versions[0].mimeType).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  });

  it("refuses a text file named .pdf and keeps nothing", async () => {
    const id = await freshDossier();
    const before = await storedFiles();
    const fake = new File(["Dit is geen PDF.\n".repeat(500)], "verslag.pdf", { type: "application/pdf" });
    const res = await uploadDocument(id, staffCookie, { title: "Vals", kind: "OTHER", visibility: "INTERNAL" }, fake);
    expect(res.status).toBe(400);
    expect(fieldErrors(res.data).file).toEqual(["documents.error.type"]);
    expect(await documentsOf(id)).toEqual([]);
    expect(await storedFiles()).toEqual(before);
  });

  it("refuses a PNG named .pdf: the extension must fit the content", async () => {
    const id = await freshDossier();
    const res = await uploadDocument(id, staffCookie, { kind: "PHOTO", visibility: "INTERNAL" }, new File([new Uint8Array(PNG_1X1)], "foto.pdf"));
    expect(res.status).toBe(400);
    expect(fieldErrors(res.data).file).toEqual(["documents.error.extension?type=PNG&extensions=.png"]);
    expect(await documentsOf(id)).toEqual([]);
  });

  it("keeps what was typed and says per field what is wrong", async () => {
    const id = await freshDossier();
    const before = await storedFiles();
    const res = await uploadDocument(id, staffCookie, { title: "Mijn titel", kind: "NONSENSE", visibility: "INTERNAL" }, pdfFile(tinyPdf("x")));
    expect(res.status).toBe(400);
    const result = (res.data as unknown as { result: { initialValue: Record<string, string>; error: Record<string, string[]> } }).result;
    expect(result.error.kind).toEqual(["error.invalidChoice"]);
    expect(result.initialValue.title).toBe("Mijn titel");
    // The file came after an invalid field: it was not even stored for a moment.
    expect(await storedFiles()).toEqual(before);
    expect(await documentsOf(id)).toEqual([]);
  });

  it("asks for a file when none was chosen", async () => {
    const id = await freshDossier();
    const res = await uploadDocument(id, staffCookie, { kind: "OTHER", visibility: "INTERNAL" }, null);
    expect(res.status).toBe(400);
    expect(fieldErrors(res.data).file).toEqual(["documents.error.fileRequired"]);
  });

  it("refuses an empty file", async () => {
    const id = await freshDossier();
    const res = await uploadDocument(id, staffCookie, { kind: "OTHER", visibility: "INTERNAL" }, new File([], "leeg.pdf"));
    expect(res.status).toBe(400);
    expect(fieldErrors(res.data).file).toEqual(["documents.error.empty"]);
  });

  it("refuses a file over 50 MB while it streams in: 413, nothing in storage or database", async () => {
    const id = await freshDossier();
    const before = await storedFiles();
    const total = MAX_UPLOAD_BYTES + 10 * 1024 * 1024;
    const { request, counter } = streamedMultipartRequest(
      `/dossiers/${id}/documenten`,
      staffCookie,
      { intent: "upload", title: "Te groot", kind: "DESIGN", visibility: "INTERNAL" },
      { name: "plannen.pdf", type: "application/pdf", head: tinyPdf(), totalBytes: total },
    );
    const res = await callListAction(id, request);
    expect(res.status).toBe(413);
    expect(fieldErrors(res.data).file).toEqual(["documents.error.tooLarge?max=50+MB"]);
    // Reading stopped just past the limit: the remaining 10 MB were never asked for.
    expect(counter.pulled).toBeGreaterThan(MAX_UPLOAD_BYTES);
    expect(counter.pulled).toBeLessThan(total);
    expect(await documentsOf(id)).toEqual([]);
    expect(await storedFiles()).toEqual(before);
    const result = (res.data as unknown as { result: { initialValue: Record<string, string> } }).result;
    expect(result.initialValue.title).toBe("Te groot");
  });

  it("accepts a file of exactly 50 MB", async () => {
    const id = await freshDossier();
    const { request } = streamedMultipartRequest(
      `/dossiers/${id}/documenten`,
      staffCookie,
      { intent: "upload", kind: "DESIGN", visibility: "INTERNAL" },
      { name: "plannen.pdf", type: "application/pdf", head: tinyPdf(), totalBytes: MAX_UPLOAD_BYTES },
    );
    expect((await callListAction(id, request)).status).toBe(302);
    const [document] = await documentsOf(id);
    expect(document.versions[0].size).toBe(MAX_UPLOAD_BYTES);
  });

  it.each([
    ["../../etc/passwd.pdf", "passwd.pdf"],
    ["Église Sint-Pieter – plan 北京.pdf", "Église Sint-Pieter – plan 北京.pdf"],
    ["rapport\u202Efdp.pdf", "rapportfdp.pdf"],
  ])("sanitises the odd file name %j", async (name, expected) => {
    const id = await freshDossier();
    expect((await uploadDocument(id, staffCookie, { kind: "OTHER", visibility: "INTERNAL" }, pdfFile(tinyPdf(), name))).status).toBe(302);
    const [document] = await documentsOf(id);
    expect(document.versions[0].fileName).toBe(expected);
  });

  it("shortens a very long file name and keeps its extension", async () => {
    const id = await freshDossier();
    const name = `${"Zeer lang verslag van het plaatsbezoek ".repeat(20)}.pdf`;
    expect((await uploadDocument(id, staffCookie, { kind: "OTHER", visibility: "INTERNAL" }, pdfFile(tinyPdf(), name))).status).toBe(302);
    const [document] = await documentsOf(id);
    expect(Buffer.byteLength(document.versions[0].fileName)).toBeLessThanOrEqual(200);
    expect(document.versions[0].fileName).toMatch(/^Zeer lang verslag.*\.pdf$/);
    expect(document.title.length).toBeLessThanOrEqual(200);
  });

  it("answers a clear message, not a server error, for a name the multipart parser cannot read", async () => {
    const id = await freshDossier();
    const res = await uploadDocument(id, staffCookie, { kind: "OTHER", visibility: "INTERNAL" }, pdfFile(tinyPdf(), "a=b.pdf"));
    expect(res.status).toBe(400);
    expect(fieldErrors(res.data).file).toEqual(["documents.error.unreadable"]);
  });

  it("refuses a municipality user (403) and another municipality's user (404) before storing anything", async () => {
    const before = await storedFiles();
    const own = await uploadDocument(dossierId, gentCookie, { kind: "OTHER", visibility: "SHARED" }, pdfFile(tinyPdf("gent")));
    expect(own.status).toBe(403);
    const other = await uploadDocument(dossierId, leuvenCookie, { kind: "OTHER", visibility: "SHARED" }, pdfFile(tinyPdf("leuven")));
    expect(other.status).toBe(404);
    const anonymous = await uploadDocument(dossierId, null, { kind: "OTHER", visibility: "SHARED" }, pdfFile(tinyPdf("anon")));
    expect(anonymous.status).toBe(401);
    expect(await storedFiles()).toEqual(before);
  });

  it("stores identical content once (dedupe by hash), for two documents", async () => {
    const id = await freshDossier();
    const bytes = tinyPdf("Dezelfde inhoud");
    await uploadDocument(id, staffCookie, { title: "Eerste", kind: "OTHER", visibility: "INTERNAL" }, pdfFile(bytes, "een.pdf"));
    const afterFirst = await storedFiles();
    await uploadDocument(id, staffCookie, { title: "Tweede", kind: "OTHER", visibility: "SHARED" }, pdfFile(bytes, "twee.pdf"));
    expect(await storedFiles()).toEqual(afterFirst);
    const documents = await documentsOf(id);
    expect(documents).toHaveLength(2);
    expect(new Set(documents.map((d) => d.versions[0].sha256))).toEqual(new Set([sha256(bytes)]));
    expect(afterFirst.filter((f) => f.endsWith(sha256(bytes)))).toHaveLength(1);
  });
});
