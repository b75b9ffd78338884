// Security and reliability against the real built server: headers on every kind of
// response, cross-site refusal, a CSP that still lets pages hydrate, rate limits, graceful
// shutdown, and a SIGKILL in the middle of a stream of writes.
import { mkdtempSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import Database from "better-sqlite3";
import { providerOf, sqliteFilePath } from "../app/platform/database-url";
import { createClient } from "../app/platform/db.server";
import { type AppServer, databaseFor, startServer } from "../tests/system/app-server";
import { ACCOUNTS, DEMO_PASSWORD, expect, test } from "./support/fixtures";

const FORM = { "Content-Type": "application/x-www-form-urlencoded" };
const loginBody = (email: string, password: string) =>
  new URLSearchParams({ email, password, redirectTo: "/" }).toString();

function directives(csp: string | null | undefined): Record<string, string[]> {
  return Object.fromEntries(
    (csp ?? "").split(";").map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name, values]),
  );
}

function expectSecurityHeaders(headers: Record<string, string>, { frameable = false } = {}) {
  const csp = directives(headers["content-security-policy"]);
  expect(csp["script-src"]?.[0]).toBe("'self'");
  expect(csp["script-src"]?.[1]).toMatch(/^'nonce-[A-Za-z0-9+/]{22}=='$/);
  expect(headers["content-security-policy"]).not.toContain("'unsafe-inline' 'nonce");
  expect(csp["script-src"]).not.toContain("'unsafe-inline'");
  expect(csp["object-src"]).toEqual(["'none'"]);
  expect(csp["frame-ancestors"]).toEqual([frameable ? "*" : "'none'"]);
  expect(headers["x-frame-options"]).toBe(frameable ? undefined : "DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["permissions-policy"]).toContain("geolocation=()");
  // Plain HTTP here: no HSTS (it is sent behind an HTTPS proxy, see the unit tests).
  expect(headers["strict-transport-security"]).toBeUndefined();
}

test.describe("security headers", () => {
  test("on a page, a resource route, the API, a static file and a built asset", async ({ request }) => {
    const page = await request.get("/login");
    expect(page.status()).toBe(200);
    expectSecurityHeaders(page.headers());
    // The document's inline scripts carry exactly the nonce of its own header.
    const nonce = directives(page.headers()["content-security-policy"])["script-src"][1].slice(7, -1);
    const html = await page.text();
    const scriptNonces = [...html.matchAll(/<script[^>]*\snonce="([^"]+)"/g)].map((m) => m[1]);
    expect(scriptNonces.length).toBeGreaterThan(0);
    expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
    expect(html).not.toMatch(/<script(?![^>]*\snonce=)[^>]*>[^<]+<\/script>/);

    const second = await request.get("/login");
    expect(second.headers()["content-security-policy"]).not.toBe(page.headers()["content-security-policy"]);

    for (const url of ["/healthz", "/api/cases.geojson", "/favicon.svg"]) {
      const res = await request.get(url);
      expect(res.status(), url).toBe(200);
      expectSecurityHeaders(res.headers());
      expect(res.headers()["x-request-id"]).toBeTruthy();
    }
    const asset = /href="(\/assets\/[^"]+\.css)"/.exec(html)?.[1];
    expect(asset).toBeTruthy();
    const assetRes = await request.get(asset!);
    expect(assetRes.status()).toBe(200);
    expectSecurityHeaders(assetRes.headers());
  });

  test("only /embed/* may be framed, by any site", async ({ request }) => {
    const embed = await request.get("/embed/kaart");
    expect(embed.status()).toBe(200);
    expectSecurityHeaders(embed.headers(), { frameable: true });
    // The header follows the path prefix, whatever answers there.
    const missing = await request.get("/embed/bestaat-niet");
    expectSecurityHeaders(missing.headers(), { frameable: true });
    expectSecurityHeaders((await request.get("/kaart")).headers());
  });

  test("a caller's sane X-Request-Id comes back; anything else is replaced", async ({ request }) => {
    expect((await request.get("/healthz", { headers: { "X-Request-Id": "trace-42" } })).headers()["x-request-id"]).toBe("trace-42");
    expect((await request.get("/healthz", { headers: { "X-Request-Id": "<b>x</b>" } })).headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });
});

test.describe("cross-site requests", () => {
  test("a POST from another site is refused with 403; from our own site it goes through", async ({ request, baseURL }) => {
    const evil = await request.post("/login", {
      headers: { ...FORM, Origin: "https://evil.example", Accept: "text/html" },
      data: loginBody(ACCOUNTS.team, DEMO_PASSWORD),
      maxRedirects: 0,
    });
    expect(evil.status()).toBe(403);
    expect(await evil.text()).toContain("Geen toegang");
    expect(evil.headers()["set-cookie"]).toBeUndefined();

    const byReferer = await request.post("/taal", {
      headers: { ...FORM, Referer: "https://evil.example/page" },
      data: "locale=en&redirectTo=/",
      maxRedirects: 0,
    });
    expect(byReferer.status()).toBe(403);

    const same = await request.post("/login", {
      headers: { ...FORM, Origin: baseURL!, Accept: "text/html" },
      data: loginBody(ACCOUNTS.team, "niet-het-wachtwoord"),
      maxRedirects: 0,
    });
    // Reached the action: a wrong password, not a refusal.
    expect(same.status()).toBe(400);

    const sameTaal = await request.post("/taal", {
      headers: { ...FORM, Origin: baseURL!, Referer: `${baseURL}/kaart` },
      data: "locale=nl&redirectTo=/kaart",
      maxRedirects: 0,
    });
    expect(sameTaal.status()).toBe(302);
    // Without Origin and Referer (curl, old clients) the request is let through.
    const bare = await request.post("/taal", { headers: FORM, data: "locale=nl&redirectTo=/", maxRedirects: 0 });
    expect(bare.status()).toBe(302);
  });
});

test.describe("the CSP lets the app run", () => {
  test("login with JavaScript, client-side navigation and the map: hydrated, no CSP violation", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (msg) => {
      if (/Content Security Policy|Refused to (execute|load|apply)/i.test(msg.text())) violations.push(msg.text());
    });
    page.on("pageerror", (error) => violations.push(error.message));
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => {
        const w = window as unknown as { __csp?: string[] };
        (w.__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });

    await page.goto("/login");
    // Client-side validation on blur only happens once React has hydrated the form.
    await page.getByLabel("E-mailadres").fill("geen-e-mailadres");
    await page.getByLabel("Wachtwoord").focus();
    await expect(page.getByText("Geef een geldig e-mailadres op.")).toBeVisible();
    await page.getByLabel("E-mailadres").fill(ACCOUNTS.team);
    await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Aanmelden" }).click();
    await expect(page.getByTestId("account")).toBeVisible();

    // A client-side navigation keeps the window (a full load would drop the marker).
    await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 42));
    await page.getByRole("navigation", { name: "Hoofdnavigatie" }).getByRole("link", { name: "Dossiers", exact: true }).click();
    await expect(page).toHaveURL(/\/dossiers$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(42);

    await page.goto("/kaart");
    await expect(page.locator(".leaflet-container").first()).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])).toEqual([]);
    expect(violations).toEqual([]);
  });
});

test.describe("audit log", () => {
  test("an admin filters the audit log and exports it; others get 403", async ({ loginAs, page }) => {
    await loginAs("admin");
    await page.goto("/beheer/audit");
    await expect(page.getByRole("heading", { level: 1, name: "Auditlog" })).toBeVisible();
    await page.getByLabel("Actie").selectOption("LOGIN");
    await page.getByRole("button", { name: "Filteren" }).click();
    await expect(page).toHaveURL(/action=LOGIN/);
    const actions = await page.locator("tbody tr td:nth-child(3)").allTextContents();
    expect(actions.length).toBeGreaterThan(0);
    expect(new Set(actions)).toEqual(new Set(["Aangemeld"]));
    await page.screenshot({ path: "/tmp/f-audit.png", fullPage: true });
    const axe = await new AxeBuilder({ page }).analyze();
    // "region" (moderate) comes from the demo banner of the shared layout.
    const serious = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id} ${v.nodes[0]?.target}`)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Exporteren als CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^auditlog-\d{4}-\d{2}-\d{2}\.csv$/);

    await page.getByLabel("Van").fill("2026-02-01");
    await page.getByLabel("Tot en met").fill("2026-01-01");
    await page.getByRole("button", { name: "Filteren" }).click();
    await expect(page.getByText("De einddatum ligt voor de begindatum.")).toBeVisible();
    await expect(page.getByLabel("Van")).toHaveValue("2026-02-01");
  });

  test("staff get the 403 page", async ({ loginAs }) => {
    const page = await loginAs("team");
    expect((await page.goto("/beheer/audit"))?.status()).toBe(403);
  });
});

// ---------------------------------------------------------------------------------------
// Tests on servers of their own: a copy of the e2e database, killed and restarted at will.
// ---------------------------------------------------------------------------------------

test.describe("own server", () => {
  test.describe.configure({ mode: "serial", timeout: 180_000 });
  let tmp: string;
  const servers: AppServer[] = [];

  test.beforeAll(() => {
    tmp = mkdtempSync(path.join(process.env.E2E_DATA_DIR!, "system-"));
  });
  test.afterAll(async () => {
    for (const s of servers) await s.stop("SIGKILL");
    rmSync(tmp, { recursive: true, force: true });
  });

  async function ownServer(name: string, env: Record<string, string>) {
    const databaseUrl = await databaseFor(process.env.E2E_DATABASE_URL!, path.join(tmp, name), name);
    const server = await startServer({ databaseUrl, dataDir: path.join(tmp, name), env });
    servers.push(server);
    return { server, databaseUrl };
  }

  test("rate limits: 429 with Retry-After past the limit, per client address", async ({ page }) => {
    const { server } = await ownServer("limits", { RATE_LIMIT_LOGIN: "3", RATE_LIMIT_PASSWORD: "2", RATE_LIMIT_API: "4" });
    const post = (p: string, body: string) =>
      fetch(`${server.url}${p}`, { method: "POST", headers: { ...FORM, Accept: "text/html" }, body, redirect: "manual" });
    for (let i = 0; i < 3; i++) expect((await post("/login", loginBody(`nobody${i}@example.test`, "x"))).status).toBe(400);
    const refused = await post("/login", loginBody(ACCOUNTS.team, DEMO_PASSWORD));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await refused.text()).toContain("Te veel pogingen");

    // With JavaScript the form posts to /login.data: the friendly 429 page, not a crash.
    await page.goto(`${server.url}/login`);
    await page.getByLabel("E-mailadres").fill(ACCOUNTS.team);
    await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Aanmelden" }).click();
    await expect(page.getByRole("heading", { name: "Te veel pogingen" })).toBeVisible();

    for (let i = 0; i < 2; i++) expect((await post("/wachtwoord/ongeldig", "token=x&password=x&confirm=x")).status).not.toBe(429);
    expect((await post("/wachtwoord/ongeldig", "token=x&password=x&confirm=x")).status).toBe(429);

    for (let i = 0; i < 4; i++) expect((await fetch(`${server.url}/api/cases.geojson`)).status).toBe(200);
    const api = await fetch(`${server.url}/api/cases.geojson`);
    expect(api.status).toBe(429);
    expect(api.headers.get("Retry-After")).toMatch(/^\d+$/);
    expect(await api.json()).toMatchObject({ error: "rate_limited" });
    // Pages outside the limited kinds are not affected.
    expect((await fetch(`${server.url}/kaart`)).status).toBe(200);
  });

  test("graceful shutdown: a request in flight at SIGTERM completes, then the process exits 0", async () => {
    const { server } = await ownServer("graceful", { RATE_LIMIT_OFF: "true" });
    const body = loginBody(ACCOUNTS.team, DEMO_PASSWORD);
    const half = Math.floor(body.length / 2);
    // Expect: 100-continue tells us when the server has taken the request in hand.
    const response = new Promise<{ status: number; setCookie: string[] }>((resolve, reject) => {
      const req = httpRequest(
        `${server.url}/login`,
        { method: "POST", headers: { ...FORM, "Content-Length": String(Buffer.byteLength(body)), Expect: "100-continue" } },
        (res) => {
          res.resume();
          res.on("end", () => resolve({ status: res.statusCode ?? 0, setCookie: res.headers["set-cookie"] ?? [] }));
        },
      );
      req.on("error", reject);
      req.on("continue", () => {
        req.write(body.slice(0, half));
        void (async () => {
          server.child.kill("SIGTERM");
          await server.waitForOutput("shutting down");
          // New connections are no longer accepted ...
          await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
          // ... but the request in flight is finished.
          req.end(body.slice(half));
        })().catch(reject);
      });
    });
    const { status, setCookie } = await response;
    expect(status).toBe(302);
    expect(setCookie.join()).toContain("hb_session=");
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('"msg":"stopped"');
  });

  test("crash: SIGKILL during a stream of writes loses no acknowledged write and leaves the database intact", async () => {
    const env = { RATE_LIMIT_OFF: "true" };
    const { server, databaseUrl } = await ownServer("crash", env);
    const acknowledged: string[] = [];
    let lastCookie = "";
    let killed = false;
    const sessionIdOf = (setCookie: string) => {
      const value = decodeURIComponent(/hb_session=([^;]+)/.exec(setCookie)![1]);
      return JSON.parse(Buffer.from(value.slice(0, value.lastIndexOf(".")), "base64").toString("utf8")) as string;
    };
    // Each login writes a login attempt, a session and an audit row.
    const writer = async () => {
      while (!killed) {
        try {
          const res = await fetch(`${server.url}/login`, { method: "POST", headers: FORM, body: loginBody(ACCOUNTS.team, DEMO_PASSWORD), redirect: "manual" });
          if (res.status !== 302) throw new Error(`unexpected ${res.status}`);
          const setCookie = res.headers.getSetCookie().join(";");
          acknowledged.push(sessionIdOf(setCookie));
          lastCookie = /hb_session=[^;]+/.exec(setCookie)![0];
          if (acknowledged.length >= 30 && !killed) {
            killed = true;
            server.child.kill("SIGKILL");
          }
        } catch (error) {
          if (!killed) throw error;
        }
      }
    };
    await Promise.all([writer(), writer(), writer(), writer()]);
    expect(await server.exited).toBeNull(); // killed by a signal, no exit code

    const restarted = await startServer({ databaseUrl, dataDir: path.join(tmp, "crash"), env });
    servers.push(restarted);
    if (providerOf(databaseUrl) === "sqlite") {
      // The file itself survived the kill intact (PostgreSQL guards its own files).
      const conn = new Database(sqliteFilePath(databaseUrl), { readonly: true });
      try {
        expect(conn.pragma("integrity_check", { simple: true })).toBe("ok");
      } finally {
        conn.close();
      }
    }
    const client = createClient(databaseUrl);
    try {
      expect(await client.session.count({ where: { id: { in: acknowledged } } })).toBe(acknowledged.length);
    } finally {
      await client.$disconnect();
    }
    // An acknowledged session still logs its user in after the restart.
    const dossiers = await fetch(`${restarted.url}/dossiers`, { headers: { Cookie: lastCookie, Accept: "text/html" }, redirect: "manual" });
    expect(dossiers.status).toBe(200);
    expect(await restarted.stop()).toBe(0);
  });
});
