import { gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { action as csvAction, loader as csvLoader } from "~/routes/api.cases[.]csv";
import { action as geojsonAction, loader as geojsonLoader } from "~/routes/api.cases[.]geojson";
import { loader as mapLoader } from "~/routes/kaart._index";
import { makeRequest } from "../../helpers/auth";
import { dataChanged, makeDossier } from "./helpers";

type Collection = { type: string; features: { id: string; geometry: { type: string; coordinates: number[] }; properties: Record<string, unknown> }[] };

async function publish(options: { title: string; fn: string; year: number; nisCode: string; status?: "PUBLISHED" | "DRAFT" | "UNPUBLISHED" }) {
  const f = await makeDossier({ nisCode: options.nisCode });
  await db.casePublication.create({
    data: {
      dossierId: f.dossier.id,
      slug: options.title.toLowerCase().replace(/\s+/g, "-"),
      status: options.status ?? "PUBLISHED",
      title: options.title,
      summary: `Samenvatting van ${options.title}`,
      functionCategory: options.fn as "HOUSING",
      completionYear: options.year,
      publishedAt: new Date(),
    },
  });
}

const geojson = (query = "", headers: Record<string, string> = {}) =>
  geojsonLoader({ request: makeRequest(`/api/cases.geojson${query}`, { headers: { Accept: "*/*", ...headers } }), params: {}, context: {} });
const csv = (query = "", headers: Record<string, string> = {}) =>
  csvLoader({ request: makeRequest(`/api/cases.csv${query}`, { headers: { Accept: "*/*", ...headers } }), params: {}, context: {} });

beforeAll(async () => {
  await publish({ title: "Woonkerk Gent", fn: "HOUSING", year: 2019, nisCode: "44021" });
  await publish({ title: "Bibkerk Gent", fn: "LIBRARY", year: 2020, nisCode: "44021" });
  await publish({ title: "Woonkerk Hasselt", fn: "HOUSING", year: 2020, nisCode: "71072" });
  await publish({ title: "Conceptkerk Gent", fn: "HOUSING", year: 2020, nisCode: "44021", status: "DRAFT" });
  await publish({ title: "Offlinekerk Gent", fn: "HOUSING", year: 2020, nisCode: "44021", status: "UNPUBLISHED" });
  dataChanged();
});

describe("GET /api/cases.geojson", () => {
  it("is a WGS84 FeatureCollection of the published cases only, with public properties", async () => {
    const res = await geojson();
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/geo+json; charset=utf-8");
    const body = (await res.json()) as Collection;
    expect(body.type).toBe("FeatureCollection");
    expect(body.features.map((f) => f.properties.title).sort()).toEqual(["Bibkerk Gent", "Woonkerk Gent", "Woonkerk Hasselt"]);
    const feature = body.features[0];
    expect(feature.geometry).toEqual({ type: "Point", coordinates: [3.71742, 51.05432] });
    expect(Object.keys(feature.properties).sort()).toEqual(
      ["completionYear", "designOffice", "functionCategory", "municipality", "nisCode", "protectionStatus", "province", "slug", "title", "url"].sort(),
    );
    expect(feature.properties.url).toMatch(/^http:\/\/localhost\/kaart\//);
    expect(JSON.stringify(body)).not.toMatch(/Geheim|Vertrouwelijk|interne/);
  });

  it("takes the map's filters from the URL", async () => {
    const titles = async (query: string) => ((await (await geojson(query)).json()) as Collection).features.map((f) => f.properties.title).sort();
    expect(await titles("?functie=HOUSING")).toEqual(["Woonkerk Gent", "Woonkerk Hasselt"]);
    expect(await titles("?functie=HOUSING&provincie=Limburg")).toEqual(["Woonkerk Hasselt"]);
    expect(await titles("?gemeente=44021&jaar=2020")).toEqual(["Bibkerk Gent"]);
    expect(await titles("?bescherming=PROTECTED&functie=LIBRARY")).toEqual(["Bibkerk Gent"]);
    expect(await titles("?bescherming=NONE")).toEqual([]);
  });

  it("refuses an invalid filter with 400 instead of returning everything", async () => {
    const res = await geojson("?functie=CASINO");
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ parameters: ["functie"] });
  });

  it("sends cache headers and answers a conditional request with 304", async () => {
    const res = await geojson();
    const etag = res.headers.get("ETag");
    const lastModified = res.headers.get("Last-Modified");
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(lastModified).toBeTruthy();
    expect(res.headers.get("Cache-Control")).toBe("public, max-age=300");
    expect(res.headers.get("Vary")).toBe("Accept-Encoding");

    const byEtag = await geojson("", { "If-None-Match": etag! });
    expect(byEtag.status).toBe(304);
    expect(await byEtag.text()).toBe("");
    expect(byEtag.headers.get("ETag")).toBe(etag);
    expect(byEtag.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect((await geojson("", { "If-None-Match": `W/${etag}, "other"` })).status).toBe(304);
    expect((await geojson("", { "If-None-Match": '"something-else"' })).status).toBe(200);

    expect((await geojson("", { "If-Modified-Since": lastModified! })).status).toBe(304);
    expect((await geojson("", { "If-Modified-Since": new Date(Date.parse(lastModified!) - 60_000).toUTCString() })).status).toBe(200);
    // If-None-Match wins over If-Modified-Since.
    expect((await geojson("", { "If-None-Match": '"x"', "If-Modified-Since": lastModified! })).status).toBe(200);

    // A filtered body has its own ETag.
    expect((await geojson("?functie=HOUSING")).headers.get("ETag")).not.toBe(etag);
  });

  it("changes its ETag when a publication changes", async () => {
    const before = (await geojson()).headers.get("ETag");
    await publish({ title: "Nieuwe kerk Gent", fn: "CARE", year: 2021, nisCode: "44021" });
    dataChanged();
    const after = await geojson();
    expect(after.headers.get("ETag")).not.toBe(before);
    expect(((await after.json()) as Collection).features.map((f) => f.properties.title)).toContain("Nieuwe kerk Gent");
    await db.casePublication.updateMany({ where: { title: "Nieuwe kerk Gent" }, data: { status: "UNPUBLISHED" } });
    dataChanged();
    expect((await geojson()).headers.get("ETag")).toBe(before);
  });

  it("is open to other sites (CORS) for GET and preflight, and nothing else", async () => {
    const res = await geojson("", { Origin: "https://gemeente.example" });
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(res.headers.get("Access-Control-Expose-Headers")).toContain("ETag");
    const preflight = await geojsonAction({ request: makeRequest("/api/cases.geojson", { method: "OPTIONS" }), params: {}, context: {} });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("Access-Control-Allow-Methods")).toBe("GET, HEAD, OPTIONS");
    expect(preflight.headers.get("Access-Control-Allow-Headers")).toContain("If-None-Match");
    const post = await geojsonAction({ request: makeRequest("/api/cases.geojson", { method: "POST" }), params: {}, context: {} });
    expect(post.status).toBe(405);
  });

  it("sends the cached gzip body when the client accepts it", async () => {
    const plain = await (await geojson()).text();
    const zipped = await geojson("", { "Accept-Encoding": "gzip, deflate, br" });
    expect(zipped.headers.get("Content-Encoding")).toBe("gzip");
    const bytes = Buffer.from(await zipped.arrayBuffer());
    expect(gunzipSync(bytes).toString("utf8")).toBe(plain);
    expect(Number(zipped.headers.get("Content-Length"))).toBe(bytes.byteLength);
  });
});

describe("GET /api/cases.csv", () => {
  it("is UTF-8 with BOM, ; separated, the same filters, only published cases", async () => {
    const res = await csv("?functie=HOUSING");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toBe('attachment; filename="cases.csv"');
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines[0].split(";")[0]).toBe("slug");
    expect(lines.slice(1).map((l) => l.split(";")[1]).sort()).toEqual(["Woonkerk Gent", "Woonkerk Hasselt"]);
    expect(lines.join("\n")).not.toMatch(/Concept|Offline|Geheim|Vertrouwelijk/);
    const etag = res.headers.get("ETag")!;
    expect((await csv("?functie=HOUSING", { "If-None-Match": etag })).status).toBe(304);
    expect((await csv("?jaar=abc")).status).toBe(400);
    const preflight = await csvAction({ request: makeRequest("/api/cases.csv", { method: "OPTIONS" }), params: {}, context: {} });
    expect(preflight.status).toBe(204);
  });
});

describe("the map page", () => {
  it("lists the filtered published cases and offers only choices that occur", async () => {
    const data = await mapLoader({ request: makeRequest("/kaart?functie=HOUSING&provincie=Oost-Vlaanderen"), params: {}, context: {} });
    expect(data.items.map((i) => i.title)).toEqual(["Woonkerk Gent"]);
    expect(data.total).toBe(1);
    expect(data.options.provinces).toEqual(["Limburg", "Oost-Vlaanderen"]);
    expect(data.options.functionCategories).toEqual(["LIBRARY", "HOUSING"]);
    const ignored = await mapLoader({ request: makeRequest("/kaart?functie=CASINO"), params: {}, context: {} });
    expect(ignored.total).toBe(3);
  });
});
