import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { createUser, GENT, LEUVEN, sessionCookieFor } from "../../helpers/auth";
import { tinyPdf } from "../../unit/documents/samples";
import { createDossier, detail, download, list, pdfFile, uploadDocument } from "./helpers";

const cookies: Record<"staff" | "admin" | "gent" | "leuven", string> = { staff: "", admin: "", gent: "", leuven: "" };
let dossierId: string;
const versions: Record<"INTERNAL" | "SHARED" | "PUBLIC", { versionId: string; documentId: string; bytes: Buffer }> = {} as never;

beforeAll(async () => {
  cookies.staff = await sessionCookieFor((await createUser("STAFF")).id);
  cookies.admin = await sessionCookieFor((await createUser("ADMIN")).id);
  cookies.gent = await sessionCookieFor((await createUser("MUNICIPALITY", { municipalities: [GENT] })).id);
  cookies.leuven = await sessionCookieFor((await createUser("MUNICIPALITY", { municipalities: [LEUVEN] })).id);
  dossierId = (await createDossier(GENT)).id;
  for (const visibility of ["INTERNAL", "SHARED", "PUBLIC"] as const) {
    const bytes = tinyPdf(visibility);
    await uploadDocument(dossierId, cookies.staff, { title: `Doc ${visibility}`, kind: "OTHER", visibility }, pdfFile(bytes, `Église ${visibility}.pdf`));
    const document = await db.document.findFirstOrThrow({ where: { dossierId, visibility }, include: { versions: true } });
    versions[visibility] = { versionId: document.versions[0].id, documentId: document.id, bytes };
  }
});

describe("download permissions", () => {
  it.each([
    ["staff", "INTERNAL", 200],
    ["staff", "SHARED", 200],
    ["admin", "INTERNAL", 200],
    ["gent", "SHARED", 200],
    ["gent", "PUBLIC", 200],
    ["gent", "INTERNAL", 404],
    ["leuven", "SHARED", 404],
    ["leuven", "PUBLIC", 404],
    ["leuven", "INTERNAL", 404],
  ] as const)("%s downloading a %s document: %i", async (who, visibility, status) => {
    const res = await download(versions[visibility].versionId, cookies[who]);
    expect(res.status).toBe(status);
    if (status === 200) expect(Buffer.from(await res.response!.arrayBuffer())).toEqual(versions[visibility].bytes);
  });

  it("anonymous: 401 for a direct request, the login page for a browser navigation", async () => {
    expect((await download(versions.SHARED.versionId, null)).status).toBe(401);
    const browser = await download(versions.SHARED.versionId, null, "text/html,application/xhtml+xml");
    expect(browser.status).toBe(302);
    expect(browser.response?.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
  });

  it("an unknown version is 404", async () => {
    expect((await download("does-not-exist", cookies.staff)).status).toBe(404);
  });

  it("answers with safe headers and the stored type, and records the download", async () => {
    const res = await download(versions.SHARED.versionId, cookies.gent);
    const headers = res.response!.headers;
    expect(headers.get("Content-Type")).toBe("application/pdf");
    expect(headers.get("Content-Length")).toBe(String(versions.SHARED.bytes.length));
    expect(headers.get("Content-Disposition")).toBe(`attachment; filename="Eglise SHARED.pdf"; filename*=UTF-8''%C3%89glise%20SHARED.pdf`);
    expect(headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(headers.get("Cache-Control")).toBe("private, no-store");
    await res.response!.arrayBuffer();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "DOWNLOAD", entityId: versions.SHARED.versionId } });
    expect(audit.dossierId).toBe(dossierId);
  });
});

describe("what a municipality sees", () => {
  type ListData = { documents: { title: string }[]; canEdit: boolean };

  it("its own dossier: only SHARED and PUBLIC documents, and no editing", async () => {
    const res = await list(dossierId, cookies.gent);
    expect(res.status).toBe(200);
    const data = res.data as unknown as ListData;
    expect(data.documents.map((d) => d.title).sort()).toEqual(["Doc PUBLIC", "Doc SHARED"]);
    expect(data.canEdit).toBe(false);
    expect((await detail(dossierId, versions.INTERNAL.documentId, cookies.gent)).status).toBe(404);
    expect((await detail(dossierId, versions.SHARED.documentId, cookies.gent)).status).toBe(200);
  });

  it("another municipality's dossier: 404", async () => {
    expect((await list(dossierId, cookies.leuven)).status).toBe(404);
    expect((await detail(dossierId, versions.SHARED.documentId, cookies.leuven)).status).toBe(404);
  });

  it("the bureau sees everything", async () => {
    const data = (await list(dossierId, cookies.staff)).data as unknown as ListData;
    expect(data.documents).toHaveLength(3);
    expect(data.canEdit).toBe(true);
  });
});
