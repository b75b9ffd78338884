import { readFileSync } from "node:fs";
import proj4 from "proj4";
import { describe, expect, it } from "vitest";
import {
  EPSG_31370_PROJ4,
  LAMBERT72_ERROR_KEYS,
  isInFlanders,
  lambert72PairSchema,
  lambert72Schema,
  lambert72ToWgs84,
  wgs84ToLambert72,
} from "~/features/churches/lambert72";
import { messages } from "~/features/churches/messages";

const D = Math.PI / 180;
const dms = (d: number, m: number, s: number) => d + m / 60 + s / 3600;

/** Metres between two WGS84 points (equirectangular; fine for the small distances here). */
function metresBetween(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const dy = (a.lat - b.lat) * 111_320;
  const dx = (a.lng - b.lng) * 111_320 * Math.cos(a.lat * D);
  return Math.hypot(dx, dy);
}

// --- An independent implementation of the same definition (EPSG Guidance Note 7-2 formulas),
// --- to check that proj4 is fed and applies the parameters as intended.
const INTL = { a: 6378388, f: 1 / 297 };
const WGS = { a: 6378137, f: 1 / 298.257223563 };
const L72 = {
  phiF: 90 * D,
  lamF: dms(4, 22, 2.952) * D,
  phi1: dms(51, 10, 0.00204) * D,
  phi2: dms(49, 50, 0.00204) * D,
  EF: 150000.013,
  NF: 5400088.438,
};
const e = Math.sqrt(INTL.f * (2 - INTL.f));
const tOf = (p: number) => Math.tan(Math.PI / 4 - p / 2) / ((1 - e * Math.sin(p)) / (1 + e * Math.sin(p))) ** (e / 2);
const mOf = (p: number) => Math.cos(p) / Math.sqrt(1 - e * e * Math.sin(p) ** 2);
const n = (Math.log(mOf(L72.phi1)) - Math.log(mOf(L72.phi2))) / (Math.log(tOf(L72.phi1)) - Math.log(tOf(L72.phi2)));
const F = mOf(L72.phi1) / (n * tOf(L72.phi1) ** n);
const rF = INTL.a * F * tOf(L72.phiF) ** n;

function lccForward(latDeg: number, lngDeg: number): [number, number] {
  const r = INTL.a * F * tOf(latDeg * D) ** n;
  const theta = n * (lngDeg * D - L72.lamF);
  return [L72.EF + r * Math.sin(theta), L72.NF + rF - r * Math.cos(theta)];
}

function lccInverse(x: number, y: number): [number, number] {
  const dx = x - L72.EF;
  const dy = rF - (y - L72.NF);
  const r = Math.sign(n) * Math.hypot(dx, dy);
  const t = (r / (INTL.a * F)) ** (1 / n);
  const theta = Math.atan2(dx, dy);
  let phi = Math.PI / 2 - 2 * Math.atan(t);
  for (let i = 0; i < 20; i++) {
    phi = Math.PI / 2 - 2 * Math.atan(t * ((1 - e * Math.sin(phi)) / (1 + e * Math.sin(phi))) ** (e / 2));
  }
  return [phi / D, (theta / n + L72.lamF) / D];
}

function toEcef(latDeg: number, lngDeg: number, { a, f }: { a: number; f: number }): [number, number, number] {
  const e2 = f * (2 - f);
  const p = latDeg * D;
  const l = lngDeg * D;
  const N = a / Math.sqrt(1 - e2 * Math.sin(p) ** 2);
  return [N * Math.cos(p) * Math.cos(l), N * Math.cos(p) * Math.sin(l), N * (1 - e2) * Math.sin(p)];
}

function fromEcef([X, Y, Z]: [number, number, number], { a, f }: { a: number; f: number }): [number, number] {
  const e2 = f * (2 - f);
  const p = Math.hypot(X, Y);
  let lat = Math.atan2(Z, p * (1 - e2));
  for (let i = 0; i < 20; i++) {
    const N = a / Math.sqrt(1 - e2 * Math.sin(lat) ** 2);
    lat = Math.atan2(Z + e2 * N * Math.sin(lat), p);
  }
  return [lat / D, Math.atan2(Y, X) / D];
}

/** EPSG:15929 BD72 -> WGS 84, Position Vector convention (rotations in arc-seconds, scale in ppm). */
function helmertBd72ToWgs84([X, Y, Z]: [number, number, number]): [number, number, number] {
  const as = D / 3600;
  const [tx, ty, tz] = [-106.8686, 52.2978, -103.7239];
  const [rx, ry, rz] = [0.3366 * as, -0.457 * as, 1.8422 * as];
  const s = 1 + -1.2747e-6;
  return [tx + s * (X - rz * Y + ry * Z), ty + s * (rz * X + Y - rx * Z), tz + s * (-ry * X + rx * Y + Z)];
}

function independentLambert72ToWgs84(x: number, y: number): { lat: number; lng: number } {
  const [latBd72, lngBd72] = lccInverse(x, y);
  const [lat, lng] = fromEcef(helmertBd72ToWgs84(toEcef(latBd72, lngBd72, INTL)), WGS);
  return { lat, lng };
}

// A grid of points over Belgium, in Lambert 72 metres.
const GRID: { x: number; y: number }[] = [];
for (let x = 20_000; x <= 280_000; x += 40_000) for (let y = 20_000; y <= 240_000; y += 40_000) GRID.push({ x, y });

describe("the EPSG:31370 definition", () => {
  it("is the official one", () => {
    const norm = (s: string) => s.trim().split(/\s+/).sort();
    expect(norm(EPSG_31370_PROJ4)).toEqual(
      norm(
        "+proj=lcc +lat_0=90 +lon_0=4.36748666666667 +lat_1=51.1666672333333 +lat_2=49.8333339 +x_0=150000.013 +y_0=5400088.438 +ellps=intl +towgs84=-106.8686,52.2978,-103.7239,0.3366,-0.457,1.8422,-1.2747 +units=m +no_defs",
      ),
    );
    // The decimal parameters are the EPSG sexagesimal ones.
    expect(4.36748666666667).toBeCloseTo(dms(4, 22, 2.952), 12);
    expect(51.1666672333333).toBeCloseTo(dms(51, 10, 0.00204), 12);
    expect(49.8333339).toBeCloseTo(dms(49, 50, 0.00204), 12);
  });

  it("projects like the EPSG Guidance Note 7-2 worked example (projection only, BD72 geographic)", () => {
    // GN 7-2 example for Belgian Lambert 72: 50°40'46.461"N 5°48'26.533"E -> E 251763.20, N 153034.13.
    // That example uses the older method (EPSG:31300); EPSG:31370 reproduces it to a few cm.
    const bd72 = EPSG_31370_PROJ4.replace("+proj=lcc", "+proj=longlat").replace(/\+(lat_[012]|lon_0|x_0|y_0|units)=\S+/g, "");
    const [x, y] = proj4(bd72, EPSG_31370_PROJ4, [dms(5, 48, 26.533), dms(50, 40, 46.461)]);
    expect(Math.abs(x - 251763.2)).toBeLessThan(0.05);
    expect(Math.abs(y - 153034.13)).toBeLessThan(0.05);
    // And to the millimetre like the GN 7-2 formulas with the EPSG:31370 parameters.
    const [ex, ey] = lccForward(dms(50, 40, 46.461), dms(5, 48, 26.533));
    expect(Math.abs(x - ex)).toBeLessThan(0.001);
    expect(Math.abs(y - ey)).toBeLessThan(0.001);
  });

  it("matches an independent implementation (LCC + Helmert EPSG:15929) to 1 cm over Belgium", () => {
    for (const p of GRID) {
      const got = lambert72ToWgs84(p, { round: false });
      const want = independentLambert72ToWgs84(p.x, p.y);
      expect(metresBetween(got, want), `${p.x},${p.y}`).toBeLessThan(0.01);
    }
  });
});

describe("known reference points", () => {
  it("converts the DotSpatial EPSG:31370 test point (156117.21, 133860.06) -> 50.515485 N, 4.455 E", () => {
    expect(lambert72ToWgs84({ x: 156117.21, y: 133860.06 })).toEqual({ lat: 50.515485, lng: 4.455 });
    const back = wgs84ToLambert72({ lat: 50.515485, lng: 4.455 });
    expect(Math.abs(back.x - 156117.21)).toBeLessThan(0.1);
    expect(Math.abs(back.y - 133860.06)).toBeLessThan(0.1);
  });

  it("puts the fundamental point in Ukkel (origin of Lambert 2008) at about x 149328, y 165262", () => {
    // 50°47'52.134"N 4°21'33.177"E (ETRS89 ~ WGS84) is the origin of Lambert 2008 (EPSG:3812),
    // whose false easting/northing 649328/665262 are its Lambert 72 coordinates + 500 km.
    const p = wgs84ToLambert72({ lat: 50.797815, lng: 4.359215833 });
    expect(Math.abs(p.x - 149328)).toBeLessThan(1);
    expect(Math.abs(p.y - 165262)).toBeLessThan(1);
  });

  it("places well-known churches and squares in the right square kilometre", () => {
    // Approximate WGS84 positions; Lambert 72 ranges are the km squares they lie in.
    const cases = [
      { name: "Grote Markt Brussel (stadhuis)", lat: 50.8467, lng: 4.3525, x: [148_000, 150_000], y: [170_000, 171_500] },
      { name: "Sint-Baafskathedraal Gent", lat: 51.053, lng: 3.727, x: [104_000, 106_000], y: [193_000, 195_000] },
      { name: "Onze-Lieve-Vrouwekathedraal Antwerpen", lat: 51.2203, lng: 4.4009, x: [151_500, 153_000], y: [211_500, 213_000] },
    ] as const;
    for (const c of cases) {
      const p = wgs84ToLambert72(c);
      expect(p.x, c.name).toBeGreaterThan(c.x[0]);
      expect(p.x, c.name).toBeLessThan(c.x[1]);
      expect(p.y, c.name).toBeGreaterThan(c.y[0]);
      expect(p.y, c.name).toBeLessThan(c.y[1]);
      expect(isInFlanders(c), c.name).toBe(true);
    }
  });
});

describe("round trips and rounding", () => {
  it("round-trips within 1 cm (unrounded), Lambert -> WGS84 -> Lambert", () => {
    for (const p of GRID) {
      const back = wgs84ToLambert72(lambert72ToWgs84(p, { round: false }), { round: false });
      expect(Math.hypot(back.x - p.x, back.y - p.y), `${p.x},${p.y}`).toBeLessThan(0.01);
    }
  });

  it("round-trips within 1 cm (unrounded), WGS84 -> Lambert -> WGS84", () => {
    for (let lat = 50.7; lat <= 51.5; lat += 0.1) {
      for (let lng = 2.6; lng <= 5.9; lng += 0.3) {
        const back = lambert72ToWgs84(wgs84ToLambert72({ lat, lng }, { round: false }), { round: false });
        expect(metresBetween(back, { lat, lng })).toBeLessThan(0.01);
      }
    }
  });

  it("rounds WGS84 to 6 decimals and metres to 2, and survives a rounded round trip", () => {
    const decimals = (v: number) => (String(v).split(".")[1] ?? "").length;
    for (const p of GRID) {
      const w = lambert72ToWgs84(p);
      expect(decimals(w.lat)).toBeLessThanOrEqual(6);
      expect(decimals(w.lng)).toBeLessThanOrEqual(6);
      const l = wgs84ToLambert72(w);
      expect(decimals(l.x)).toBeLessThanOrEqual(2);
      expect(decimals(l.y)).toBeLessThanOrEqual(2);
      // 1e-6 degree is at most ~0.11 m.
      expect(Math.hypot(l.x - p.x, l.y - p.y)).toBeLessThan(0.12);
      const w2 = lambert72ToWgs84(l);
      expect(Math.abs(w2.lat - w.lat)).toBeLessThanOrEqual(1.0000001e-6);
      expect(Math.abs(w2.lng - w.lng)).toBeLessThanOrEqual(1.0000001e-6);
    }
  });

  it("refuses non-finite input", () => {
    expect(() => lambert72ToWgs84({ x: Number.NaN, y: 170000 })).toThrow(RangeError);
    expect(() => lambert72ToWgs84({ x: 150000, y: Number.POSITIVE_INFINITY })).toThrow(RangeError);
    expect(() => wgs84ToLambert72({ lat: Number.NaN, lng: 4.35 })).toThrow(RangeError);
  });
});

describe("isInFlanders", () => {
  it("accepts Flemish and Brussels points and the box edges", () => {
    expect(isInFlanders({ lat: 51.053, lng: 3.727 })).toBe(true); // Gent
    expect(isInFlanders({ lat: 50.8467, lng: 4.3525 })).toBe(true); // Brussel
    expect(isInFlanders({ lat: 50.93, lng: 5.34 })).toBe(true); // Hasselt
    expect(isInFlanders({ lat: 51.2, lng: 2.9 })).toBe(true); // Oostende
    expect(isInFlanders({ lat: 50.67, lng: 2.54 })).toBe(true);
    expect(isInFlanders({ lat: 51.51, lng: 5.92 })).toBe(true);
  });

  it("refuses points outside the box", () => {
    expect(isInFlanders({ lat: 50.6326, lng: 5.5797 })).toBe(false); // Luik
    expect(isInFlanders({ lat: 50.4541, lng: 3.9523 })).toBe(false); // Bergen
    expect(isInFlanders({ lat: 48.8566, lng: 2.3522 })).toBe(false); // Parijs
    expect(isInFlanders({ lat: 52.37, lng: 4.89 })).toBe(false); // Amsterdam
    expect(isInFlanders({ lat: 50.8, lng: 6.0 })).toBe(false);
    expect(isInFlanders({ lat: 50.669, lng: 4 })).toBe(false);
    expect(isInFlanders({ lat: Number.NaN, lng: 4 })).toBe(false);
  });
});

describe("Lambert 72 schema", () => {
  const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
    (result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]);

  it("accepts plausible Belgian pairs, including the bounds", () => {
    for (const p of [
      { x: 104719.27, y: 193831.43 },
      { x: 0, y: 0 },
      { x: 300000, y: 300000 },
      { x: 149328, y: 165262 },
    ]) {
      expect(lambert72Schema.safeParse(p)).toEqual({ success: true, data: p });
    }
  });

  it("refuses out-of-range coordinates with churches.error.lambertOutOfRange on the right field", () => {
    expect(issues(lambert72Schema.safeParse({ x: -1, y: 170000 }))).toEqual([["x", "churches.error.lambertOutOfRange"]]);
    expect(issues(lambert72Schema.safeParse({ x: 150000, y: 300000.01 }))).toEqual([
      ["y", "churches.error.lambertOutOfRange"],
    ]);
    expect(issues(lambert72Schema.safeParse({ x: 650000, y: 665000 }))).toEqual([
      ["x", "churches.error.lambertOutOfRange"],
      ["y", "churches.error.lambertOutOfRange"],
    ]);
    // WGS84 degrees typed in the Lambert fields are numbers in range: they pass this schema;
    // only out-of-range values are caught here.
  });

  it("refuses missing and non-numeric values with their own keys", () => {
    expect(issues(lambert72Schema.safeParse({ y: 170000 }))).toEqual([["x", "churches.error.lambertRequired"]]);
    expect(issues(lambert72Schema.safeParse({ x: "abc", y: 170000 }))).toEqual([
      ["x", "churches.error.lambertNotANumber"],
    ]);
    expect(issues(lambert72Schema.safeParse({ x: Number.NaN, y: 170000 }))).toEqual([
      ["x", "churches.error.lambertNotANumber"],
    ]);
    expect(issues(lambert72Schema.safeParse({ x: Number.POSITIVE_INFINITY, y: 170000 }))[0]?.[0]).toBe("x");
  });

  it("with coerce, reads numeric strings from forms (decimal point or comma)", () => {
    const schema = lambert72PairSchema({ coerce: true });
    expect(schema.safeParse({ x: " 104719,27 ", y: "193831.43" })).toEqual({
      success: true,
      data: { x: 104719.27, y: 193831.43 },
    });
    expect(issues(schema.safeParse({ x: "", y: "170000" }))).toEqual([["x", "churches.error.lambertRequired"]]);
    expect(issues(schema.safeParse({ x: "12ab", y: "170000" }))).toEqual([["x", "churches.error.lambertNotANumber"]]);
    expect(issues(schema.safeParse({ x: "150000", y: "-3" }))).toEqual([["y", "churches.error.lambertOutOfRange"]]);
  });
});

describe("messages and module hygiene", () => {
  it("nl and en have the same keys, all prefixed churches., including every error key used", () => {
    const nl = Object.keys(messages.nl).sort();
    expect(nl).toEqual(Object.keys(messages.en).sort());
    for (const k of nl) expect(k.startsWith("churches.")).toBe(true);
    for (const k of Object.values(LAMBERT72_ERROR_KEYS)) expect(nl).toContain(k);
    expect(LAMBERT72_ERROR_KEYS.outOfRange).toBe("churches.error.lambertOutOfRange");
    const source = readFileSync(new URL("../../../app/features/churches/lambert72.ts", import.meta.url), "utf8");
    for (const m of source.matchAll(/"(churches\.[\w.]+)"/g)) expect(nl).toContain(m[1]);
  });

  it("imports nothing from Node (it runs in the browser too)", () => {
    const source = readFileSync(new URL("../../../app/features/churches/lambert72.ts", import.meta.url), "utf8");
    const imports = [...source.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]);
    expect(imports.sort()).toEqual(["proj4", "zod"]);
    expect(source).not.toMatch(/require\(|process\.|Buffer/);
  });
});
