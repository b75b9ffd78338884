// The open-data endpoints' HTTP side: serialized bodies cached per data version and filter
// (gzipped once, not per request), ETag / Last-Modified / 304, open CORS for GET, and the
// cache headers that let a CDN carry the load.
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { getEnv } from "~/platform/env.server";
import { applyFilters, type CaseFilters, filterKey, parseCaseFilters } from "./filters";
import { toCsv, toGeoJson } from "./open-data";
import { getPublishedCases } from "./public-cases.server";

export type OpenDataFormat = "geojson" | "csv";

type CachedBody = { body: Buffer; gzip: Buffer; etag: string; lastModified: Date | null };

const CONTENT_TYPE: Record<OpenDataFormat, string> = {
  geojson: "application/geo+json; charset=utf-8",
  csv: "text/csv; charset=utf-8",
};
const FILE_NAME: Record<OpenDataFormat, string> = { geojson: "cases.geojson", csv: "cases.csv" };
const MAX_ENTRIES = 500;

const bodies = new Map<string, CachedBody>();
let bodiesVersion = "";

export const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
  "Access-Control-Allow-Headers": "If-None-Match, If-Modified-Since",
  "Access-Control-Expose-Headers": "ETag, Last-Modified, Content-Disposition",
} as const;

/** The public base URL for absolute links: APP_URL when set, else this request's origin. */
export function publicOrigin(request: Request | string): string {
  const configured = getEnv().APP_URL;
  return (configured ?? (typeof request === "string" ? request : new URL(request.url).origin)).replace(/\/+$/, "");
}

async function cachedBody(format: OpenDataFormat, filters: CaseFilters, origin: string): Promise<CachedBody> {
  const published = await getPublishedCases();
  if (published.version !== bodiesVersion) {
    bodies.clear();
    bodiesVersion = published.version;
  }
  const key = `${published.version}|${format}|${origin}|${filterKey(filters)}`;
  const hit = bodies.get(key);
  if (hit) return hit;
  const cases = applyFilters(published.cases, filters);
  const text = format === "geojson" ? toGeoJson(cases, origin) : toCsv(cases, origin);
  const body = Buffer.from(text, "utf8");
  const entry: CachedBody = {
    body,
    gzip: gzipSync(body, { level: 9 }),
    etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`,
    lastModified: published.lastModified,
  };
  if (bodies.size >= MAX_ENTRIES) bodies.clear();
  bodies.set(key, entry);
  return entry;
}

function etagMatches(header: string, etag: string): boolean {
  if (header.trim() === "*") return true;
  const bare = etag.replace(/^W\//, "");
  return header.split(",").some((candidate) => candidate.trim().replace(/^W\//, "") === bare);
}

/** RFC 9110: If-None-Match wins; If-Modified-Since only when there is no If-None-Match. */
export function isNotModified({ inm, ims }: { inm: string | null; ims: string | null }, etag: string, lastModified: Date | null): boolean {
  if (inm !== null) return etagMatches(inm, etag);
  if (ims && lastModified) {
    const since = Date.parse(ims);
    return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
  }
  return false;
}

/** What a request needs to be answered: its URL and a header reader (Fetch or Express). */
export type OpenDataRequest = { url: URL; origin: string; header: (name: string) => string | null };
export type OpenDataAnswer = { status: number; headers: Record<string, string>; body: Buffer | string | null };

/** The answer to GET /api/cases.geojson or .csv with the map's filters. */
export async function openDataAnswer(request: OpenDataRequest, format: OpenDataFormat): Promise<OpenDataAnswer> {
  const { filters, invalid } = parseCaseFilters(request.url.searchParams);
  if (invalid.length) {
    return {
      status: 400,
      headers: { ...CORS_HEADERS, "Cache-Control": "no-store", "Content-Type": "application/json; charset=utf-8" },
      body: JSON.stringify({ error: "invalid filter", parameters: invalid, documentation: "/open-data" }),
    };
  }
  const entry = await cachedBody(format, filters, request.origin);
  const headers: Record<string, string> = {
    ...CORS_HEADERS,
    "Cache-Control": "public, max-age=300",
    ETag: entry.etag,
    Vary: "Accept-Encoding",
  };
  if (entry.lastModified) headers["Last-Modified"] = entry.lastModified.toUTCString();
  const conditional = { inm: request.header("If-None-Match"), ims: request.header("If-Modified-Since") };
  if (isNotModified(conditional, entry.etag, entry.lastModified)) return { status: 304, headers, body: null };
  headers["Content-Type"] = CONTENT_TYPE[format];
  headers["Content-Disposition"] = `${format === "csv" ? "attachment" : "inline"}; filename="${FILE_NAME[format]}"`;
  headers["X-Content-Type-Options"] = "nosniff";
  // Served pre-compressed: the compression middleware leaves an encoded body alone.
  const gzip = /\bgzip\b/.test(request.header("Accept-Encoding") ?? "");
  if (gzip) headers["Content-Encoding"] = "gzip";
  const body = gzip ? entry.gzip : entry.body;
  headers["Content-Length"] = String(body.byteLength);
  return { status: 200, headers, body };
}

/** The Remix resource routes' side. */
export async function openDataResponse(request: Request, format: OpenDataFormat): Promise<Response> {
  const answer = await openDataAnswer(
    { url: new URL(request.url), origin: publicOrigin(request), header: (name) => request.headers.get(name) },
    format,
  );
  return new Response(answer.body as unknown as BodyInit | null, { status: answer.status, headers: answer.headers });
}

/** CORS preflight (a conditional GET from another site sends one); other methods: 405. */
export function openDataOptions(request: Request): Response {
  if (request.method === "OPTIONS") {
    return new Response(null, { status: 204, headers: { ...CORS_HEADERS, "Access-Control-Max-Age": "86400" } });
  }
  return new Response("Method Not Allowed", { status: 405, headers: { ...CORS_HEADERS, Allow: "GET, HEAD, OPTIONS" } });
}
