import { describe, expect, it } from "vitest";
import { fillPattern, listRouteFiles, patternOf } from "../../helpers/routes";

describe("route list helper", () => {
  it("turns flat-route file names into URL patterns", () => {
    expect(patternOf("_index")).toEqual({ pattern: "/", params: [] });
    expect(patternOf("dossiers._index")).toEqual({ pattern: "/dossiers", params: [] });
    expect(patternOf("dossiers.$id.scenarios.$scenarioId.simulatie")).toEqual({
      pattern: "/dossiers/:id/scenarios/:scenarioId/simulatie",
      params: ["id", "scenarioId"],
    });
    expect(patternOf("api.cases[.]geojson")).toEqual({ pattern: "/api/cases.geojson", params: [] });
    expect(patternOf("_auth.login")).toEqual({ pattern: "/login", params: [] });
    expect(patternOf("dossiers_.$id")).toEqual({ pattern: "/dossiers/:id", params: ["id"] });
    expect(fillPattern("/dossiers/:id/x", { id: "a b" })).toBe("/dossiers/a%20b/x");
    expect(() => fillPattern("/dossiers/:id", {})).toThrow(/No value/);
  });

  it("lists every route file of the app with its loader and action", () => {
    const routes = listRouteFiles();
    const byFile = Object.fromEntries(routes.map((r) => [r.file, r]));
    expect(byFile["login.tsx"]).toMatchObject({ pattern: "/login", hasLoader: true, hasAction: true, hasComponent: true });
    expect(byFile["healthz.ts"]).toMatchObject({ pattern: "/healthz", hasLoader: true, hasAction: false, hasComponent: false });
    expect(byFile["logout.tsx"]).toMatchObject({ hasAction: true });
    expect(byFile["beheer.audit.tsx"]).toMatchObject({ pattern: "/beheer/audit", hasLoader: true, hasAction: false });
    expect(byFile["beheer.audit[.]csv.tsx"]).toMatchObject({ pattern: "/beheer/audit.csv", hasComponent: false });
    // Every route file is there, none twice.
    expect(new Set(routes.map((r) => r.file)).size).toBe(routes.length);
    expect(routes.every((r) => r.pattern.startsWith("/"))).toBe(true);
  });
});
