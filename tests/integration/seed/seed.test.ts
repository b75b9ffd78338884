import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "~/platform/db.server";
import { runSeed } from "../../../prisma/seed";
import { readMunicipalities } from "../../../prisma/seed/municipalities";

describe("seed", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it("reference data: 285 municipalities over the five provinces, with Gent and Leuven", async () => {
    const rows = readMunicipalities();
    expect(rows).toHaveLength(285);
    const perProvince = Object.fromEntries(
      ["Antwerpen", "Vlaams-Brabant", "West-Vlaanderen", "Oost-Vlaanderen", "Limburg"].map((p) => [p, rows.filter((r) => r.province === p).length]),
    );
    expect(perProvince).toEqual({ Antwerpen: 67, "Vlaams-Brabant": 63, "West-Vlaanderen": 62, "Oost-Vlaanderen": 55, Limburg: 38 });
    expect(await db.municipality.findUnique({ where: { nisCode: "44021" } })).toMatchObject({ name: "Gent", province: "Oost-Vlaanderen" });
  });

  it("the municipality upsert is idempotent and repairs changed rows", async () => {
    vi.spyOn(console, "log").mockImplementation(() => {});
    await db.municipality.update({ where: { nisCode: "24062" }, data: { name: "Loven", lat: 0 } });
    await runSeed({ demo: "never" });
    await runSeed({ demo: "never" });
    expect(await db.municipality.count()).toBe(285);
    expect(await db.municipality.findUnique({ where: { nisCode: "24062" } })).toMatchObject({ name: "Leuven", lat: 50.88174 });
  });

  it("refuses to create demo accounts when NODE_ENV=production", async () => {
    vi.spyOn(console, "log").mockImplementation(() => {});
    vi.stubEnv("NODE_ENV", "production");
    // This file's database is still empty here (tests in a file share one database).
    await runSeed({ demo: "force" });
    expect(await db.user.count()).toBe(0);
    expect(await db.municipality.count()).toBe(285);
  });

  it("seeds demo data on an empty database, then leaves a database with data alone", async () => {
    vi.spyOn(console, "log").mockImplementation(() => {});
    await runSeed({ demo: "if-empty" });
    const users = await db.user.findMany({ orderBy: { email: "asc" } });
    expect(users.map((u) => u.email)).toEqual(
      expect.arrayContaining(["admin@herbestemming.test", "team@herbestemming.test", "gent@herbestemming.test", "leuven@herbestemming.test"]),
    );
    expect(users.every((u) => u.isDemo)).toBe(true);
    const churches = await db.church.findMany({ include: { municipality: true } });
    expect(churches.length).toBeGreaterThanOrEqual(40);
    expect(new Set(churches.map((c) => c.municipality.province)).size).toBe(5);
    const dossiers = await db.dossier.findMany();
    expect(dossiers.length).toBeGreaterThanOrEqual(25);
    expect(new Set(dossiers.map((d) => d.phase)).size).toBeGreaterThanOrEqual(10);
    const before = await db.dossier.count();
    await runSeed({ demo: "if-empty" });
    expect(await db.dossier.count()).toBe(before);
  });


});
