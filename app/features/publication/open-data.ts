// Open-data formats of the published cases: GeoJSON (RFC 7946, WGS84) and CSV. Both are
// built from PublicCase objects only (public-case.ts), never from database rows. Pure.
import type { PublicCase } from "./public-case";

/** GeoJSON feature properties: the map's needs, documented on /open-data. */
export type CaseFeatureProperties = {
  slug: string;
  title: string;
  functionCategory: string;
  completionYear: number;
  designOffice: string | null;
  municipality: string;
  nisCode: string;
  province: string;
  protectionStatus: string;
  url: string;
};

function absolute(origin: string, path: string) {
  return `${origin}${path}`;
}

/**
 * The FeatureCollection as text. Written by hand (not JSON.stringify of a big object) to keep
 * 2,000 features fast; coordinates are [lng, lat] with 5 decimals.
 */
export function toGeoJson(cases: readonly PublicCase[], origin: string): string {
  const features = cases.map((c) => {
    const properties: CaseFeatureProperties = {
      slug: c.slug,
      title: c.title,
      functionCategory: c.functionCategory,
      completionYear: c.completionYear,
      designOffice: c.designOffice,
      municipality: c.municipality,
      nisCode: c.nisCode,
      province: c.province,
      protectionStatus: c.protectionStatus,
      url: absolute(origin, c.url),
    };
    return `{"type":"Feature","id":${JSON.stringify(c.slug)},"geometry":{"type":"Point","coordinates":[${c.lng},${c.lat}]},"properties":${JSON.stringify(properties)}}`;
  });
  return `{"type":"FeatureCollection","features":[${features.join(",")}]}`;
}

export const CSV_SEPARATOR = ";";

export const CSV_COLUMNS = [
  "slug",
  "title",
  "summary",
  "functionCategory",
  "completionYear",
  "designOffice",
  "municipality",
  "nisCode",
  "province",
  "protectionStatus",
  "lat",
  "lng",
  "url",
  "reportUrl",
  "photoUrls",
] as const;

/**
 * One CSV cell: quoted when it holds the separator, a quote or a line break. Text starting
 * with = + - @ is prefixed with ' so spreadsheets never run it as a formula.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** UTF-8 with BOM (Excel then reads the accents right), ";" separated, CRLF line ends. */
export function toCsv(cases: readonly PublicCase[], origin: string): string {
  const lines = [CSV_COLUMNS.join(CSV_SEPARATOR)];
  for (const c of cases) {
    const row: Record<(typeof CSV_COLUMNS)[number], string | number | null> = {
      slug: c.slug,
      title: c.title,
      summary: c.summary,
      functionCategory: c.functionCategory,
      completionYear: c.completionYear,
      designOffice: c.designOffice,
      municipality: c.municipality,
      nisCode: c.nisCode,
      province: c.province,
      protectionStatus: c.protectionStatus,
      lat: c.lat,
      lng: c.lng,
      url: absolute(origin, c.url),
      reportUrl: c.reportUrl ? absolute(origin, c.reportUrl) : null,
      photoUrls: c.photos.map((p) => absolute(origin, p.url)).join(" "),
    };
    lines.push(CSV_COLUMNS.map((column) => csvCell(row[column])).join(CSV_SEPARATOR));
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
