import { describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { action, loader } from "~/routes/dossiers.$id.publicatie";
import { loader as caseLoader } from "~/routes/kaart.$slug";
import { loader as geojsonLoader } from "~/routes/api.cases[.]geojson";
import { callRoute, createUser, GENT, makeRequest, sessionCookieFor } from "../../helpers/auth";
import { makeDossier } from "./helpers";

type Fixture = Awaited<ReturnType<typeof makeDossier>>;

function form(f: Fixture, overrides: Record<string, string> = {}) {
  return {
    intent: "save",
    title: "Sint-Testkerk wordt bibliotheek",
    summary: "Een bibliotheek in het schip.",
    functionCategory: "LIBRARY",
    completionYear: "2021",
    designOffice: "Atelier Test",
    reportDocumentId: f.publicReport.id,
    "photos[0].documentId": f.publicPhoto.id,
    "photos[0].include": "on",
    "photos[0].altText": "De voorgevel na de werken",
    "photos[0].position": "0",
    ...overrides,
  };
}

async function post(dossierId: string, cookie: string | null, fields: Record<string, string>) {
  return callRoute(() =>
    action({ request: makeRequest(`/dossiers/${dossierId}/publicatie`, { cookie, form: fields }), params: { id: dossierId }, context: {} }),
  );
}

async function staffCookie() {
  const staff = await createUser("STAFF");
  return { staff, cookie: await sessionCookieFor(staff.id) };
}

async function publicSlugs() {
  const res = await geojsonLoader({ request: makeRequest("/api/cases.geojson"), params: {}, context: {} });
  const body = (await res.json()) as { features: { properties: { slug: string } }[] };
  return body.features.map((f) => f.properties.slug);
}

function errorsOf(data: unknown) {
  return (data as { result?: { error?: Record<string, string[]> } })?.result?.error ?? {};
}

describe("publishing a case", () => {
  it("staff publish a COMPLETED dossier: a stable slug, photos with alt text, the report, audit, and the case is public", async () => {
    const f = await makeDossier();
    const { staff, cookie } = await staffCookie();
    const res = await post(f.dossier.id, cookie, form(f, { intent: "publish" }));
    expect(res.status).toBe(200);
    const publication = await db.casePublication.findUniqueOrThrow({ where: { dossierId: f.dossier.id }, include: { photos: true } });
    expect(publication.status).toBe("PUBLISHED");
    expect(publication.slug).toMatch(/^sint-testkerk-.*-bibliotheek-gent$/);
    expect(publication.photos).toMatchObject([{ documentId: f.publicPhoto.id, altText: "De voorgevel na de werken" }]);
    expect(publication.reportDocumentId).toBe(f.publicReport.id);
    const audits = await db.auditEvent.findMany({ where: { entityId: publication.id }, orderBy: { at: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["CREATE", "PUBLISH"]);
    expect(audits.every((a) => a.userId === staff.id)).toBe(true);

    expect(await publicSlugs()).toContain(publication.slug);
    const page = await callRoute(() => caseLoader({ request: makeRequest(`/kaart/${publication.slug}`), params: { slug: publication.slug }, context: {} }));
    expect(page.status).toBe(200);
    expect(page.data?.item).toMatchObject({ title: "Sint-Testkerk wordt bibliotheek", reportUrl: `/kaart/${publication.slug}/eindrapport` });
    expect(JSON.stringify(page.data)).not.toContain("Geheim");
    expect(JSON.stringify(page.data)).not.toContain("Vertrouwelijk");
  });

  it("a draft is not public; its slug follows the title until the first publication, then never changes", async () => {
    const f = await makeDossier();
    const { cookie } = await staffCookie();
    expect((await post(f.dossier.id, cookie, form(f, { title: "Eerste titel" }))).status).toBe(200);
    let publication = await db.casePublication.findUniqueOrThrow({ where: { dossierId: f.dossier.id } });
    expect(publication.status).toBe("DRAFT");
    expect(publication.slug).toBe("eerste-titel-gent");
    expect(await publicSlugs()).not.toContain(publication.slug);
    const draftPage = await callRoute(() => caseLoader({ request: makeRequest("/kaart/eerste-titel-gent"), params: { slug: "eerste-titel-gent" }, context: {} }));
    expect(draftPage.status).toBe(404);

    expect((await post(f.dossier.id, cookie, form(f, { title: "Tweede titel", version: String(publication.version) }))).status).toBe(200);
    publication = await db.casePublication.findUniqueOrThrow({ where: { dossierId: f.dossier.id } });
    expect(publication.slug).toBe("tweede-titel-gent");

    expect((await post(f.dossier.id, cookie, form(f, { intent: "publish", title: "Tweede titel", version: String(publication.version) }))).status).toBe(200);
    publication = await db.casePublication.findUniqueOrThrow({ where: { dossierId: f.dossier.id } });
    expect((await post(f.dossier.id, cookie, form(f, { title: "Derde titel", version: String(publication.version) }))).status).toBe(200);
    publication = await db.casePublication.findUniqueOrThrow({ where: { dossierId: f.dossier.id } });
    expect(publication).toMatchObject({ slug: "tweede-titel-gent", title: "Derde titel", status: "PUBLISHED" });
  });

  it("gives a taken slug a number", async () => {
    const a = await makeDossier();
    const b = await makeDossier();
    const { cookie } = await staffCookie();
    await post(a.dossier.id, cookie, form(a, { intent: "publish", title: "Zelfde titel" }));
    await post(b.dossier.id, cookie, form(b, { intent: "publish", title: "Zelfde titel" }));
    const slugs = (await db.casePublication.findMany({ where: { title: "Zelfde titel" }, orderBy: { createdAt: "asc" } })).map((p) => p.slug);
    expect(slugs).toEqual(["zelfde-titel-gent", "zelfde-titel-gent-2"]);
  });

  it("refuses a dossier that is not COMPLETED, with the reason", async () => {
    const f = await makeDossier({ phase: "REPORTING" });
    const { cookie } = await staffCookie();
    const res = await post(f.dossier.id, cookie, form(f, { intent: "publish" }));
    expect(res.status).toBe(400);
    expect(errorsOf(res.data)[""]?.[0]).toMatch(/^publication\.error\.notCompleted\?phase=Eindrapport$/);
    expect(await db.casePublication.count({ where: { dossierId: f.dossier.id } })).toBe(0);
    const page = await callRoute(() => loader({ request: makeRequest(`/dossiers/${f.dossier.id}/publicatie`, { cookie }), params: { id: f.dossier.id }, context: {} }));
    expect(page.data?.canPublish).toBe(false);
  });

  it("requires alt text for every chosen photo and refuses documents that are not PUBLIC", async () => {
    const f = await makeDossier();
    const { cookie } = await staffCookie();
    const noAlt = await post(f.dossier.id, cookie, form(f, { "photos[0].altText": "" }));
    expect(noAlt.status).toBe(400);
    expect(errorsOf(noAlt.data)["photos[0].altText"]).toEqual(["publication.error.altRequired"]);
    const internal = await post(f.dossier.id, cookie, form(f, { "photos[0].documentId": f.internalPhoto.id }));
    expect(internal.status).toBe(400);
    expect(errorsOf(internal.data)["photos[0].altText"]).toEqual(["publication.error.documentNotPublic"]);
    const shared = await post(f.dossier.id, cookie, form(f, { reportDocumentId: f.sharedReport.id }));
    expect(shared.status).toBe(400);
    expect(errorsOf(shared.data).reportDocumentId).toEqual(["publication.error.documentNotPublic"]);
    const missing = await post(f.dossier.id, cookie, form(f, { title: "", completionYear: "twintig" }));
    expect(missing.status).toBe(400);
    expect(errorsOf(missing.data).title).toEqual(["error.required"]);
    expect(errorsOf(missing.data).completionYear).toBeDefined();
    expect(await db.casePublication.count({ where: { dossierId: f.dossier.id } })).toBe(0);
  });

  it("refuses an edit based on an older version (optimistic locking)", async () => {
    const f = await makeDossier();
    const { cookie } = await staffCookie();
    await post(f.dossier.id, cookie, form(f));
    const first = await db.casePublication.findUniqueOrThrow({ where: { dossierId: f.dossier.id } });
    expect((await post(f.dossier.id, cookie, form(f, { title: "Door collega", version: String(first.version) }))).status).toBe(200);
    const stale = await post(f.dossier.id, cookie, form(f, { title: "Mijn versie", version: String(first.version) }));
    expect(stale.status).toBe(409);
    expect(errorsOf(stale.data)[""]).toEqual(["publication.error.conflict"]);
    expect((await db.casePublication.findUniqueOrThrow({ where: { dossierId: f.dossier.id } })).title).toBe("Door collega");
  });

  it("unpublishing takes the case off the map, the downloads and its page (404), with an audit event", async () => {
    const f = await makeDossier();
    const { cookie } = await staffCookie();
    await post(f.dossier.id, cookie, form(f, { intent: "publish" }));
    const published = await db.casePublication.findUniqueOrThrow({ where: { dossierId: f.dossier.id } });
    expect(await publicSlugs()).toContain(published.slug);
    const res = await post(f.dossier.id, cookie, { intent: "unpublish", version: String(published.version) });
    expect(res.status).toBe(200);
    expect(await publicSlugs()).not.toContain(published.slug);
    const page = await callRoute(() => caseLoader({ request: makeRequest(`/kaart/${published.slug}`), params: { slug: published.slug }, context: {} }));
    expect(page.status).toBe(404);
    const after = await db.casePublication.findUniqueOrThrow({ where: { dossierId: f.dossier.id } });
    expect(after).toMatchObject({ status: "UNPUBLISHED", slug: published.slug });
    expect(await db.auditEvent.count({ where: { entityId: published.id, action: "UNPUBLISH" } })).toBe(1);
    const again = await post(f.dossier.id, cookie, { intent: "unpublish", version: String(after.version) });
    expect(again.status).toBe(400);
  });
});

describe("who may publish", () => {
  it("a municipality user gets 403, even for a dossier of their own municipality", async () => {
    const f = await makeDossier({ nisCode: GENT });
    const user = await createUser("MUNICIPALITY", { municipalities: [GENT] });
    const cookie = await sessionCookieFor(user.id);
    expect((await post(f.dossier.id, cookie, form(f, { intent: "publish" }))).status).toBe(403);
    const page = await callRoute(() => loader({ request: makeRequest(`/dossiers/${f.dossier.id}/publicatie`, { cookie }), params: { id: f.dossier.id }, context: {} }));
    expect(page.status).toBe(403);
    expect(await db.casePublication.count({ where: { dossierId: f.dossier.id } })).toBe(0);
  });

  it("anonymous: 401 for the action, the login page for the tab", async () => {
    const f = await makeDossier();
    expect((await post(f.dossier.id, null, form(f, { intent: "publish" }))).status).toBe(401);
    const page = await callRoute(() => loader({ request: makeRequest(`/dossiers/${f.dossier.id}/publicatie`), params: { id: f.dossier.id }, context: {} }));
    expect(page.status).toBe(302);
    expect(page.response?.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
    expect(await db.casePublication.count({ where: { dossierId: f.dossier.id } })).toBe(0);
  });

  it("an unknown dossier is 404 for staff", async () => {
    const { cookie } = await staffCookie();
    const page = await callRoute(() => loader({ request: makeRequest("/dossiers/nope/publicatie", { cookie }), params: { id: "nope" }, context: {} }));
    expect(page.status).toBe(404);
  });
});
