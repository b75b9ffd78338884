// The Express security middleware on a real HTTP server (without the Remix build): what
// every response carries, what is refused, and what the logs hold.
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "~/platform/logger.server";
import {
  crossSiteRefusal,
  errorHandler,
  formBodiesOnly,
  loggablePath,
  rateLimiting,
  requestIdFrom,
  requestLogging,
  securityHeadersMiddleware,
} from "~/platform/security/middleware.server";
import { MemoryRateLimitStore, parseRateLimitConfig, rulesFrom } from "~/platform/security/rate-limit";

const lines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  },
});

let base = "";
let close: () => Promise<void>;

beforeAll(async () => {
  process.env.LOG_LEVEL = "info";
  const log = createLogger(sink);
  const app = express();
  app.set("trust proxy", true);
  app.use(requestLogging(log));
  app.use(securityHeadersMiddleware({ tileUrl: "https://tiles.example.org/{z}/{x}/{y}.png" }));
  app.use(crossSiteRefusal({ appUrl: "https://herbestemming.example" }));
  app.use(rateLimiting({ rules: rulesFrom(parseRateLimitConfig({ RATE_LIMIT_LOGIN: "2", RATE_LIMIT_API: "3" })), store: new MemoryRateLimitStore() }));
  app.use(formBodiesOnly());
  app.get("/boom", () => {
    throw new Error("database exploded: secret detail");
  });
  app.get("/download", (_req, res) => {
    // As Remix's adapter passes on a route's own headers.
    res.append("X-Content-Type-Options", "nosniff");
    res.append("Set-Cookie", "a=1");
    res.append("Set-Cookie", "b=2");
    res.send("file");
  });
  app.all("*", (req, res) => {
    log.info({ where: "handler" }, "inside the handler");
    res.json({ ok: true, nonce: res.locals.cspNonce, path: req.path });
  });
  app.use(errorHandler(log));
  const server = app.listen(0);
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
  process.env.LOG_LEVEL = "silent";
});

afterAll(async () => close());

describe("security middleware", () => {
  it("sets the security headers on every answer, with a fresh nonce that the app receives", async () => {
    const a = await fetch(`${base}/some/page`);
    const b = await fetch(`${base}/some/page`);
    const csp = a.headers.get("Content-Security-Policy") ?? "";
    const { nonce } = (await a.json()) as { nonce: string };
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}'`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("img-src 'self' data: blob: https://tiles.example.org");
    expect(b.headers.get("Content-Security-Policy")).not.toBe(csp);
    expect(a.headers.get("X-Frame-Options")).toBe("DENY");
    expect(a.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(a.headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
    expect(a.headers.get("Permissions-Policy")).toContain("camera=()");
    expect(a.headers.get("Strict-Transport-Security")).toBeNull();
  });

  it("lets a route's own copy of a security header replace ours instead of doubling it", async () => {
    const res = await fetch(`${base}/download`);
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(res.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
  });

  it("lets /embed/* be framed and sends HSTS only when the (trusted) proxy says HTTPS", async () => {
    const embed = await fetch(`${base}/embed/kaart`, { headers: { "X-Forwarded-Proto": "https" } });
    expect(embed.headers.get("Content-Security-Policy")).toContain("frame-ancestors *");
    expect(embed.headers.get("X-Frame-Options")).toBeNull();
    expect(embed.headers.get("Strict-Transport-Security")).toBe("max-age=31536000; includeSubDomains");
  });

  it("refuses a cross-site POST with 403 and accepts same-site ones and ones without an origin", async () => {
    const form = { "Content-Type": "application/x-www-form-urlencoded" };
    const evil = await fetch(`${base}/dossiers/x`, { method: "POST", headers: { ...form, Origin: "https://evil.example", Accept: "text/html" }, body: "a=1" });
    expect(evil.status).toBe(403);
    expect(evil.headers.get("Content-Type")).toMatch(/text\/html/);
    expect(await evil.text()).toContain("Geen toegang");
    const byReferer = await fetch(`${base}/dossiers/x`, { method: "POST", headers: { ...form, Referer: "https://evil.example/x" }, body: "a=1" });
    expect(byReferer.status).toBe(403);
    const host = new URL(base).host;
    const same = await fetch(`${base}/dossiers/x`, { method: "POST", headers: { ...form, Origin: `http://${host}` }, body: "a=1" });
    expect(same.status).toBe(200);
    const viaAppUrl = await fetch(`${base}/dossiers/x`, { method: "POST", headers: { ...form, Origin: "https://herbestemming.example" }, body: "a=1" });
    expect(viaAppUrl.status).toBe(200);
    const bare = await fetch(`${base}/dossiers/x`, { method: "POST", headers: form, body: "a=1" });
    expect(bare.status).toBe(200);
  });

  it("answers 429 with Retry-After per client address: HTML for browsers, JSON for the API", async () => {
    const login = (ip: string) =>
      fetch(`${base}/login`, {
        method: "POST",
        headers: { "X-Forwarded-For": ip, Accept: "text/html", "Accept-Language": "en", "Content-Type": "application/x-www-form-urlencoded" },
        body: "",
      });
    expect((await login("10.0.0.1")).status).toBe(200);
    expect((await login("10.0.0.1")).status).toBe(200);
    const refused = await login("10.0.0.1");
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await refused.text()).toContain("Too many attempts");
    expect((await login("10.0.0.2")).status).toBe(200);

    // A form posted with JavaScript (Remix single fetch) gets a refusal Remix can decode.
    const data = await fetch(`${base}/login.data`, { method: "POST", headers: { "X-Forwarded-For": "10.0.0.1" }, body: "" });
    expect(data.status).toBe(429);
    expect(data.headers.get("Content-Type")).toMatch(/^text\/x-script/);
    expect(JSON.parse(await data.text())).toEqual([{ _1: 2 }, "error", ["ErrorResponse", 3, 4, 5], expect.any(String), 429, "Too Many Requests"]);

    const api = () => fetch(`${base}/api/cases.geojson`, { headers: { "X-Forwarded-For": "10.0.0.3" } });
    for (let i = 0; i < 3; i++) expect((await api()).status).toBe(200);
    const apiRefused = await api();
    expect(apiRefused.status).toBe(429);
    expect(apiRefused.headers.get("Retry-After")).toMatch(/^\d+$/);
    expect(await apiRefused.json()).toMatchObject({ error: "rate_limited" });
  });

  it("answers 415 to a page POST that is not a form (which the action could not read), but leaves the API alone", async () => {
    const json = await fetch(`${base}/dossiers/x`, { method: "POST", headers: { "Content-Type": "application/json", Accept: "text/html" }, body: "{}" });
    expect(json.status).toBe(415);
    expect(await json.text()).toContain("Formulier niet herkend");
    const none = await fetch(`${base}/logout`, { method: "POST" });
    expect(none.status).toBe(415);
    const data = await fetch(`${base}/login.data`, { method: "POST", headers: { "Content-Type": "text/plain" }, body: "x" });
    expect(data.status).toBe(415);
    expect(JSON.parse(await data.text())[4]).toBe(415);
    const multipart = new FormData();
    multipart.set("file", new Blob(["x"]), "a.txt");
    expect((await fetch(`${base}/dossiers/x/documenten`, { method: "POST", body: multipart })).status).toBe(200);
    expect((await fetch(`${base}/api/things`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" })).status).toBe(200);
  });

  it("gives each request an id (a sane one from the caller is kept) and puts it on every log line of that request", async () => {
    lines.length = 0;
    const res = await fetch(`${base}/wachtwoord/secret-token-value?x=1`, { headers: { "X-Request-Id": "trace-123" } });
    expect(res.headers.get("X-Request-Id")).toBe("trace-123");
    await new Promise((r) => setTimeout(r, 20));
    const mine = lines.filter((l) => l.reqId === "trace-123");
    expect(mine.map((l) => l.msg)).toEqual(["inside the handler", "request"]);
    const access = mine.find((l) => l.msg === "request")!;
    expect(access).toMatchObject({ method: "GET", path: "/wachtwoord/[redacted]", status: 200 });
    expect(typeof access.durationMs).toBe("number");
    expect(JSON.stringify(lines)).not.toContain("secret-token-value");
    const bad = await fetch(`${base}/x`, { headers: { "X-Request-Id": "<script>alert(1)</script>" } });
    expect(bad.headers.get("X-Request-Id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("logs an unexpected error in full but shows only a friendly page", async () => {
    lines.length = 0;
    const res = await fetch(`${base}/boom`, { headers: { Accept: "text/html" } });
    expect(res.status).toBe(500);
    const body = await res.text();
    expect(body).toContain("Er ging iets mis");
    expect(body).not.toContain("exploded");
    await new Promise((r) => setTimeout(r, 20));
    const logged = lines.find((l) => l.msg === "unhandled server error") as { err?: { message?: string; stack?: string } };
    expect(logged.err?.message).toContain("database exploded");
    expect(logged.err?.stack).toBeTruthy();
  });

  it("never logs passwords, tokens, cookies or session ids, even when someone passes them", () => {
    lines.length = 0;
    const log = createLogger(sink);
    log.level = "info";
    log.info({ password: "hunter2", user: { password: "hunter3", token: "tok-1" }, sessionId: "sess-1", headers: { cookie: "hb_session=abc" } }, "careless");
    const text = JSON.stringify(lines);
    for (const secret of ["hunter2", "hunter3", "tok-1", "sess-1", "hb_session=abc"]) expect(text).not.toContain(secret);
  });

  it("only keeps request ids made of safe characters", () => {
    expect(requestIdFrom("abc-123_x.y:z")).toBe("abc-123_x.y:z");
    expect(requestIdFrom("a b")).not.toBe("a b");
    expect(requestIdFrom("x".repeat(200))).toHaveLength(36);
    expect(loggablePath("/wachtwoord/abc.data")).toBe("/wachtwoord/[redacted].data");
    expect(loggablePath("/dossiers/abc")).toBe("/dossiers/abc");
  });
});
