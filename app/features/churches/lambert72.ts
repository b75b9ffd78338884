/**
 * Belgian Lambert 72 (EPSG:31370) <-> WGS84 (EPSG:4326) conversion.
 *
 * Flemish sources (the heritage inventory, GRB, municipal GIS) often give church coordinates
 * in Lambert 72; the app stores WGS84. Pure module on top of `proj4` (works in the browser and
 * on the server; no Node imports).
 *
 * The datum shift BD72 -> WGS84 uses the 7-parameter Helmert transformation EPSG:15929
 * ("BD72 to WGS 84 (3)"), written in proj's Position Vector convention in `+towgs84`; its
 * accuracy is about 1 m, which is far better than what a church's location needs.
 */
import proj4 from "proj4";
import { z } from "zod";

/**
 * EPSG:31370 "BD72 / Belgian Lambert 72" as a proj4 string (as published by the EPSG registry
 * and PROJ): Lambert Conic Conformal (2SP), latitude of false origin 90°, longitude of false
 * origin 4°22'02.952"E, standard parallels 51°10'00.00204"N and 49°50'00.00204"N, false
 * easting 150000.013 m, false northing 5400088.438 m, International 1924 ellipsoid.
 */
export const EPSG_31370_PROJ4 =
  "+proj=lcc +lat_0=90 +lon_0=4.36748666666667 +lat_1=51.1666672333333 +lat_2=49.8333339" +
  " +x_0=150000.013 +y_0=5400088.438 +ellps=intl" +
  " +towgs84=-106.8686,52.2978,-103.7239,0.3366,-0.457,1.8422,-1.2747 +units=m +no_defs";

export type Lambert72Point = { x: number; y: number };
export type Wgs84Point = { lat: number; lng: number };

/** Plausible Lambert 72 coordinates for Belgium, in metres (a little wider than the country). */
export const LAMBERT72_BOUNDS = { minX: 0, maxX: 300_000, minY: 0, maxY: 300_000 } as const;

/** A rough bounding box of Flanders (and Brussels), WGS84 degrees. */
export const FLANDERS_BBOX = { minLat: 50.67, maxLat: 51.51, minLng: 2.54, maxLng: 5.92 } as const;

// Created once; proj4 parses the definition only here. Coordinates are [x, y] = [lng, lat].
const converter = proj4(EPSG_31370_PROJ4, "WGS84");

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.round(value * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

function assertFinite(values: number[], what: string): void {
  if (!values.every((v) => typeof v === "number" && Number.isFinite(v))) {
    throw new RangeError(`${what}: coordinates must be finite numbers`);
  }
}

export type ConversionOptions = {
  /** Round the result (WGS84 to 6 decimals, about 0.1 m; metres to 2 decimals). Default true. */
  round?: boolean;
};

/** Lambert 72 (metres) -> WGS84 (degrees), rounded to 6 decimals unless `round: false`. */
export function lambert72ToWgs84(point: Lambert72Point, options: ConversionOptions = {}): Wgs84Point {
  assertFinite([point.x, point.y], "lambert72ToWgs84");
  const [lng, lat] = converter.forward([point.x, point.y]);
  assertFinite([lng, lat], "lambert72ToWgs84");
  if (options.round === false) return { lat, lng };
  return { lat: round(lat, 6), lng: round(lng, 6) };
}

/** WGS84 (degrees) -> Lambert 72 (metres), rounded to 2 decimals unless `round: false`. */
export function wgs84ToLambert72(point: Wgs84Point, options: ConversionOptions = {}): Lambert72Point {
  assertFinite([point.lat, point.lng], "wgs84ToLambert72");
  const [x, y] = converter.inverse([point.lng, point.lat]);
  assertFinite([x, y], "wgs84ToLambert72");
  if (options.round === false) return { x, y };
  return { x: round(x, 2), y: round(y, 2) };
}

/** Rough check that a WGS84 point lies in Flanders or Brussels (bounding box, edges included). */
export function isInFlanders(point: Wgs84Point): boolean {
  const { lat, lng } = point;
  return (
    Number.isFinite(lat) &&
    Number.isFinite(lng) &&
    lat >= FLANDERS_BBOX.minLat &&
    lat <= FLANDERS_BBOX.maxLat &&
    lng >= FLANDERS_BBOX.minLng &&
    lng <= FLANDERS_BBOX.maxLng
  );
}

/** Error message keys used by the schemas below (see ./messages.ts). */
export const LAMBERT72_ERROR_KEYS = {
  required: "churches.error.lambertRequired",
  notANumber: "churches.error.lambertNotANumber",
  outOfRange: "churches.error.lambertOutOfRange",
} as const;

/**
 * Schema for one Lambert 72 coordinate (x or y) within the plausible Belgian range. Accepts a
 * number only; for form data, pass `coerce: true` to accept a numeric string (a decimal comma
 * as in Belgian notation is accepted, e.g. "104719,27").
 */
export function lambert72CoordinateSchema(axis: "x" | "y", options: { coerce?: boolean } = {}) {
  const min = axis === "x" ? LAMBERT72_BOUNDS.minX : LAMBERT72_BOUNDS.minY;
  const max = axis === "x" ? LAMBERT72_BOUNDS.maxX : LAMBERT72_BOUNDS.maxY;
  const number = z
    .number({
      error: (issue) =>
        issue.input === undefined || issue.input === null
          ? LAMBERT72_ERROR_KEYS.required
          : LAMBERT72_ERROR_KEYS.notANumber,
    })
    .min(min, { error: LAMBERT72_ERROR_KEYS.outOfRange })
    .max(max, { error: LAMBERT72_ERROR_KEYS.outOfRange });
  if (!options.coerce) return number;
  return z.preprocess((value) => {
    if (typeof value !== "string") return value;
    const text = value.trim().replace(/\s/g, "").replace(",", ".");
    if (text === "") return undefined;
    return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : value;
  }, number);
}

/**
 * Schema for a Lambert 72 pair `{ x, y }` within plausible Belgian bounds
 * (x and y each in 0..300000 m). Errors carry the message key as `message`, with the path of
 * the offending coordinate.
 */
export function lambert72PairSchema(options: { coerce?: boolean } = {}) {
  return z.object({
    x: lambert72CoordinateSchema("x", options),
    y: lambert72CoordinateSchema("y", options),
  });
}

/** The pair schema for numbers (e.g. imports that already parsed their numbers). */
export const lambert72Schema = lambert72PairSchema();
