import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDataHandler } from "~/features/publication/open-data.express.server";
import { loader as geojsonLoader } from "~/routes/api.cases[.]geojson";
import { db } from "~/platform/db.server";
import { makeRequest } from "../../helpers/auth";
import { dataChanged, makeDossier } from "./helpers";

let base = "";
let close = () => {};

beforeAll(async () => {
  const f = await makeDossier();
  await db.casePublication.create({
    data: { dossierId: f.dossier.id, slug: "snelle-kerk-gent", status: "PUBLISHED", title: "Snelle kerk", summary: "S", functionCategory: "SPORT", completionYear: 2020 },
  });
  dataChanged();
  const app = express();
  app.use(openDataHandler());
  app.use((_req, res) => res.status(418).end());
  const server = app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});

afterAll(() => close());

describe("the open-data fast path (Express, before Remix)", () => {
  it("answers exactly like the resource route: body, ETag, filters, 304, CORS, 400", async () => {
    const fast = await fetch(`${base}/api/cases.geojson?functie=SPORT`);
    const route = await geojsonLoader({ request: makeRequest("/api/cases.geojson?functie=SPORT", { headers: { Accept: "*/*" } }), params: {}, context: {} });
    expect(fast.status).toBe(200);
    expect(fast.headers.get("ETag")).toBeTruthy();
    expect(fast.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(fast.headers.get("Content-Encoding")).toBe("gzip"); // fetch asks for gzip and unpacks it
    const body = (await fast.json()) as { features: { properties: { slug: string } }[] };
    expect(body.features.map((f) => f.properties.slug)).toEqual(["snelle-kerk-gent"]);
    expect(((await route.json()) as { features: unknown[] }).features).toHaveLength(1);
    const again = await fetch(`${base}/api/cases.geojson?functie=SPORT`, { headers: { "If-None-Match": fast.headers.get("ETag")! } });
    expect(again.status).toBe(304);
    expect((await fetch(`${base}/api/cases.csv?functie=HOUSING`)).status).toBe(200);
    expect((await fetch(`${base}/api/cases.csv?jaar=x`)).status).toBe(400);
    const preflight = await fetch(`${base}/api/cases.geojson`, { method: "OPTIONS" });
    expect(preflight.status).toBe(204);
    expect((await fetch(`${base}/api/cases.geojson`, { method: "POST" })).status).toBe(405);
    expect((await fetch(`${base}/kaart`)).status).toBe(418);
  });
});
