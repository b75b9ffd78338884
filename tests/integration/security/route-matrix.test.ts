// The authorisation matrix over EVERY route of the app, read from app/routes: each loader
// and action is called as an anonymous visitor, an admin, a staff member, a user of the
// record's municipality and a user of another municipality, and the answer is checked
// against product.md's "Who may do what". A new route file without an entry here fails.
import { beforeAll, describe, expect, it } from "vitest";
import { callRoute, makeRequest } from "../../helpers/auth";
import { fillPattern, listRouteFiles } from "../../helpers/routes";
import { buildWorld, cookieOf, freshCookieOf, paramsFor, ROLES_UNDER_TEST, rowCounts, type Who, type World } from "../../helpers/world";

/**
 * public: everyone. user: any logged-in user. admin / staff: those roles, others 403.
 * municipality: municipality users only (their own data), staff 403.
 * dossier: staff, and the dossier's municipality; another municipality 404.
 * dossierStaff: staff only; municipality users 403 or 404 (never the data).
 */
type Access = "public" | "user" | "admin" | "staff" | "municipality" | "dossier" | "dossierStaff";
type Expectation = { loader?: Access; action?: Access };

const MATRIX: Record<string, Expectation> = {
  "_index.tsx": { loader: "public" },
  "api.cases[.]csv.ts": { loader: "public", action: "public" },
  "api.cases[.]geojson.ts": { loader: "public", action: "public" },
  "beheer.audit.tsx": { loader: "admin" },
  "beheer.audit[.]csv.tsx": { loader: "admin" },
  "beheer.gebruikers.$id.tsx": { loader: "admin", action: "admin" },
  "beheer.gebruikers._index.tsx": { loader: "admin" },
  "beheer.gebruikers.nieuw.tsx": { loader: "admin", action: "admin" },
  "beoordelingen.$versionId.tsx": { loader: "dossier", action: "dossier" },
  "beoordelingen._index.tsx": { loader: "user" },
  "dashboard.tsx": { loader: "staff" },
  "documenten.$versionId.download.ts": { loader: "dossier" },
  "dossiers.$id._index.tsx": { loader: "dossier", action: "dossierStaff" },
  "dossiers.$id.audit.tsx": { loader: "dossierStaff" },
  "dossiers.$id.bewerken.tsx": { loader: "dossierStaff", action: "dossierStaff" },
  "dossiers.$id.documenten.tsx": { loader: "dossier", action: "dossierStaff" },
  "dossiers.$id.documenten_.$documentId.tsx": { loader: "dossier", action: "dossierStaff" },
  "dossiers.$id.eindrapport.tsx": { loader: "dossier", action: "dossierStaff" },
  "dossiers.$id.publicatie.tsx": { loader: "dossierStaff", action: "dossierStaff" },
  "dossiers.$id.rapport[.]pdf.ts": { loader: "dossier" },
  "dossiers.$id.scenarios.$scenarioId._index.tsx": { loader: "dossier", action: "dossierStaff" },
  "dossiers.$id.scenarios.$scenarioId.simulatie.tsx": { loader: "dossierStaff", action: "dossierStaff" },
  "dossiers.$id.scenarios.$scenarioId.vergelijk.tsx": { loader: "dossier" },
  "dossiers.$id.scenarios.$scenarioId.versies.$versionId.export[.csv].ts": { loader: "dossier" },
  "dossiers.$id.scenarios.$scenarioId.versies.$versionId.export[.xlsx].ts": { loader: "dossier" },
  "dossiers.$id.scenarios.$scenarioId.versies.$versionId.tsx": { loader: "dossier", action: "dossierStaff" },
  "dossiers.$id.scenarios._index.tsx": { loader: "dossier", action: "dossierStaff" },
  "dossiers.$id.scenarios.tsx": {},
  "dossiers.$id.scenarios.vergelijk.tsx": { loader: "dossier", action: "dossierStaff" },
  "dossiers.$id.tsx": { loader: "dossier" },
  "dossiers._index.tsx": { loader: "user" },
  "dossiers.export[.]csv.tsx": { loader: "user" },
  "dossiers.nieuw.tsx": { loader: "staff", action: "staff" },
  "embed.kaart.tsx": { loader: "public" },
  "gemeente.tsx": { loader: "municipality" },
  "healthz.ts": { loader: "public" },
  "jaaroverzicht.tsx": { loader: "staff" },
  "jaaroverzicht[.]csv.ts": { loader: "staff" },
  "jaaroverzicht[.]xlsx.ts": { loader: "staff" },
  "kaart.$slug.tsx": { loader: "public" },
  "kaart._index.tsx": { loader: "public" },
  "kaart_.$slug.eindrapport.tsx": { loader: "public" },
  "kaart_.$slug.foto.$photoId.tsx": { loader: "public" },
  "kerken.$id._index.tsx": { loader: "staff" },
  "kerken.$id.bewerken.tsx": { loader: "staff", action: "staff" },
  "kerken._index.tsx": { loader: "staff" },
  "kerken.import.tsx": { loader: "staff", action: "staff" },
  "kerken.nieuw.tsx": { loader: "staff", action: "staff" },
  "login.tsx": { loader: "public", action: "public" },
  "logout.tsx": { loader: "public", action: "public" },
  "meldingen.tsx": { loader: "user", action: "user" },
  "open-data.tsx": { loader: "public" },
  "oproepen.$id._index.tsx": { loader: "staff" },
  "oproepen.$id.bewerken.tsx": { loader: "staff", action: "staff" },
  "oproepen._index.tsx": { loader: "staff" },
  "oproepen.nieuw.tsx": { loader: "staff", action: "staff" },
  "taal.tsx": { loader: "public", action: "public" },
  "taken.tsx": { loader: "staff" },
  "wachtwoord.$token.tsx": { loader: "public", action: "public" },
};

type Outcome = "ok" | "login" | "403" | "404";

const ALLOWED: Record<Access, Record<Who, Outcome[]>> = {
  public: { anonymous: ["ok"], ADMIN: ["ok"], STAFF: ["ok"], OWN: ["ok"], OTHER: ["ok"] },
  user: { anonymous: ["login"], ADMIN: ["ok"], STAFF: ["ok"], OWN: ["ok"], OTHER: ["ok"] },
  admin: { anonymous: ["login"], ADMIN: ["ok"], STAFF: ["403"], OWN: ["403"], OTHER: ["403"] },
  staff: { anonymous: ["login"], ADMIN: ["ok"], STAFF: ["ok"], OWN: ["403"], OTHER: ["403"] },
  municipality: { anonymous: ["login"], ADMIN: ["403"], STAFF: ["403"], OWN: ["ok"], OTHER: ["ok"] },
  dossier: { anonymous: ["login"], ADMIN: ["ok"], STAFF: ["ok"], OWN: ["ok"], OTHER: ["404"] },
  dossierStaff: { anonymous: ["login"], ADMIN: ["ok"], STAFF: ["ok"], OWN: ["403", "404"], OTHER: ["403", "404"] },
};

function outcomeOf(status: number, location: string | null | undefined): Outcome | `unexpected ${number}` {
  if (status === 401) return "login";
  // Logging out lands on the login page by design: that is its success.
  if (status === 302 && location?.startsWith("/login?loggedOut")) return "ok";
  if (status >= 300 && status < 400 && location?.startsWith("/login")) return "login";
  if (status === 403) return "403";
  if (status === 404) return "404";
  if (status >= 500) return `unexpected ${status}`;
  // 2xx, other redirects and refusals of the (empty) input itself: the door was open.
  return "ok";
}

const routes = listRouteFiles();
let world: World;

beforeAll(async () => {
  world = await buildWorld();
}, 120_000);

describe("every route file has an entry in the authorisation matrix", () => {
  it("no route is forgotten and no entry is stale", () => {
    const files = routes.map((r) => r.file).sort();
    expect(files.filter((f) => !(f in MATRIX)), "add these routes to MATRIX").toEqual([]);
    expect(Object.keys(MATRIX).filter((f) => !files.includes(f)), "remove these stale entries").toEqual([]);
  });

  it("the matrix covers each loader and action a route exports", () => {
    for (const route of routes) {
      const entry = MATRIX[route.file];
      if (!entry) continue;
      expect(Boolean(entry.loader), `${route.file} loader`).toBe(route.hasLoader);
      expect(Boolean(entry.action), `${route.file} action`).toBe(route.hasAction);
    }
  });
});

describe.each(routes.filter((r) => MATRIX[r.file]?.loader || MATRIX[r.file]?.action))("$file", (route) => {
  const entry = MATRIX[route.file];

  it.each(ROLES_UNDER_TEST)("as %s", async (who) => {
    const mod = (await import(`../../../app/routes/${route.file}`)) as {
      loader?: (args: unknown) => Promise<unknown>;
      action?: (args: unknown) => Promise<unknown>;
    };
    const params = paramsFor(route.id.replace(/^routes\//, ""), route.params, world);
    const url = fillPattern(route.pattern, params);
    // Logging out ends the session it is given, so it gets a session of its own.
    const cookie = route.file === "logout.tsx" ? await freshCookieOf(world, who) : cookieOf(world, who);

    if (entry.loader && mod.loader) {
      const res = await callRoute(() => mod.loader!({ request: makeRequest(url, { cookie }), params, context: {} }));
      const outcome = outcomeOf(res.status, res.response?.headers.get("Location"));
      expect(ALLOWED[entry.loader][who], `GET ${url} as ${who} gave ${outcome} (${res.status})`).toContain(outcome);
    }
    if (entry.action && mod.action) {
      const before = await rowCounts();
      const res = await callRoute(() =>
        mod.action!({ request: makeRequest(url, { cookie, form: { intent: "matrix-probe" } }), params, context: {} }),
      );
      const outcome = outcomeOf(res.status, res.response?.headers.get("Location"));
      expect(ALLOWED[entry.action][who], `POST ${url} as ${who} gave ${outcome} (${res.status})`).toContain(outcome);
      if (outcome !== "ok") {
        const after = await rowCounts();
        expect(after, `a refused POST ${url} as ${who} changed the database`).toEqual(before);
      }
    }
  });
});
