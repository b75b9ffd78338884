import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { getStore } from "~/platform/storage.server";
import { loader as reportLoader } from "~/routes/kaart_.$slug.eindrapport";
import { loader as photoLoader } from "~/routes/kaart_.$slug.foto.$photoId";
import { callRoute, createUser, makeRequest, sessionCookieFor } from "../../helpers/auth";
import { dataChanged, makeDossier } from "./helpers";

const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");

async function storedDocument(dossierId: string, visibility: "PUBLIC" | "INTERNAL", mimeType: string, fileName: string) {
  const stored = await getStore().put(Readable.from([PNG]));
  return db.document.create({
    data: {
      dossierId,
      title: fileName,
      kind: mimeType.startsWith("image/") ? "PHOTO" : "FINAL_REPORT",
      visibility,
      versions: { create: { number: 1, fileName, mimeType, size: stored.size, sha256: stored.sha256 } },
    },
  });
}

async function setup(status: "PUBLISHED" | "DRAFT") {
  const f = await makeDossier();
  const photoDoc = await storedDocument(f.dossier.id, "PUBLIC", "image/png", "gevel.png");
  const internalDoc = await storedDocument(f.dossier.id, "INTERNAL", "image/png", "intern.png");
  const reportDoc = await storedDocument(f.dossier.id, "PUBLIC", "application/pdf", "eindrapport.pdf");
  const slug = `bestanden-${randomUUID().slice(0, 8)}`;
  const publication = await db.casePublication.create({
    data: {
      dossierId: f.dossier.id,
      slug,
      status,
      title: "Bestanden",
      summary: "S",
      functionCategory: "CULTURE",
      completionYear: 2021,
      reportDocumentId: reportDoc.id,
      photos: { create: [{ documentId: photoDoc.id, altText: "Gevel", position: 0 }, { documentId: internalDoc.id, altText: "Intern", position: 1 }] },
    },
    include: { photos: { orderBy: { position: "asc" } } },
  });
  dataChanged();
  return { slug, publicPhoto: publication.photos[0].id, internalPhoto: publication.photos[1].id };
}

const photo = (slug: string, photoId: string, cookie: string | null = null) =>
  callRoute(() => photoLoader({ request: makeRequest(`/kaart/${slug}/foto/${photoId}`, { cookie }), params: { slug, photoId }, context: {} }));
const report = (slug: string, cookie: string | null = null) =>
  callRoute(() => reportLoader({ request: makeRequest(`/kaart/${slug}/eindrapport`, { cookie }), params: { slug }, context: {} }));

describe("files of a public case", () => {
  it("serves the PUBLIC photo and report of a published case to anyone", async () => {
    const c = await setup("PUBLISHED");
    const res = await photo(c.slug, c.publicPhoto);
    expect(res.status).toBe(200);
    expect(res.response?.headers.get("Content-Type")).toBe("image/png");
    expect(res.response?.headers.get("Cache-Control")).toBe("public, max-age=3600");
    expect(Buffer.from(await res.response!.arrayBuffer())).toEqual(PNG);
    const pdf = await report(c.slug);
    expect(pdf.status).toBe(200);
    expect(pdf.response?.headers.get("Content-Disposition")).toMatch(/^attachment; filename="eindrapport.pdf"/);
  });

  it("never serves an INTERNAL document, a photo of another case, or an unknown one", async () => {
    const c = await setup("PUBLISHED");
    const other = await setup("PUBLISHED");
    expect((await photo(c.slug, c.internalPhoto)).status).toBe(404);
    expect((await photo(c.slug, other.publicPhoto)).status).toBe(404);
    expect((await photo(c.slug, "nope")).status).toBe(404);
    expect((await report("nope")).status).toBe(404);
  });

  it("hides the files of an unpublished case from the public but shows them to staff for the preview", async () => {
    const c = await setup("DRAFT");
    expect((await photo(c.slug, c.publicPhoto)).status).toBe(404);
    expect((await report(c.slug)).status).toBe(404);
    const municipality = await createUser("MUNICIPALITY", { municipalities: ["44021"] });
    expect((await photo(c.slug, c.publicPhoto, await sessionCookieFor(municipality.id))).status).toBe(404);
    const staff = await createUser("STAFF");
    const preview = await photo(c.slug, c.publicPhoto, await sessionCookieFor(staff.id));
    expect(preview.status).toBe(200);
    expect(preview.response?.headers.get("Cache-Control")).toBe("private, no-store");
  });
});
