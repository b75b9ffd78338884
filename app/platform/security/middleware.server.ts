// The Express middleware that guards every response, documents and resource routes and
// static files alike: request id and access log, security headers (with the CSP nonce the
// Remix document then uses), cross-site refusal and rate limits. server.ts installs them
// in that order, before static files and Remix.
import { randomUUID } from "node:crypto";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import { translate } from "../i18n/catalogue";
import { isLocale, type Locale, localeFromAcceptLanguage } from "../i18n/locales";
import { logger, requestContext } from "../logger.server";
import { createNonce, isFrameable, securityHeaders } from "./headers";
import { messages as securityMessages } from "./messages";
import { allowedHostsFor, checkOrigin } from "./origin";
import { checkRateLimits, MemoryRateLimitStore, type RateLimitRule, type RateLimitStore } from "./rate-limit";

declare module "express-serve-static-core" {
  interface Locals {
    cspNonce?: string;
    requestId?: string;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** A caller's X-Request-Id when it is harmless to echo and log, else a fresh one. */
export function requestIdFrom(header: string | undefined): string {
  return header && SANE_REQUEST_ID.test(header) ? header : randomUUID();
}

/** The path as it may be logged: one-time password tokens in the path are hidden. */
export function loggablePath(path: string): string {
  return path.replace(/^\/wachtwoord\/[^/]+?(\.data)?$/, "/wachtwoord/[redacted]$1");
}

/** Request id, its AsyncLocalStorage context for every log line, and one access-log line. */
export function requestLogging(log = logger): RequestHandler {
  return (req, res, next) => {
    const requestId = requestIdFrom(req.get("X-Request-Id"));
    res.locals.requestId = requestId;
    res.setHeader("X-Request-Id", requestId);
    const started = process.hrtime.bigint();
    let logged = false;
    const done = () => {
      if (logged) return;
      logged = true;
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      // Never the query string (search terms, tokens) and never headers (cookies).
      requestContext.run({ requestId }, () => {
        const status = res.writableFinished ? res.statusCode : 499;
        const line = { method: req.method, path: loggablePath(req.path), status, durationMs: Math.round(durationMs * 10) / 10 };
        if (status >= 500) log.error(line, "request");
        else log.info(line, "request");
      });
    };
    res.on("finish", done);
    res.on("close", done);
    requestContext.run({ requestId }, () => next());
  };
}

/** Security headers on every response; the nonce goes on to Remix through the load context. */
export function securityHeadersMiddleware({ tileUrl }: { tileUrl?: string }): RequestHandler {
  return (req, res, next) => {
    const nonce = createNonce();
    res.locals.cspNonce = nonce;
    const headers = securityHeaders({ nonce, frameable: isFrameable(req.path), tileUrl, secure: req.secure });
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    // Remix's adapter appends the route's headers. A route that sets one of these itself
    // (a download's nosniff) replaces ours rather than doubling it ("nosniff, nosniff").
    const managed = new Set(Object.keys(headers).map((name) => name.toLowerCase()));
    const append = res.append.bind(res);
    res.append = (field: string, value?: string | string[]) => {
      if (managed.has(field.toLowerCase()) && value !== undefined) {
        res.setHeader(field, value);
        return res;
      }
      return append(field, value);
    };
    next();
  };
}

function localeOf(req: Request): Locale {
  const chosen = /(?:^|;\s*)hb_lang=([^;]+)/.exec(req.get("Cookie") ?? "")?.[1];
  if (chosen) {
    try {
      // The locale cookie is an unsigned Remix cookie: base64 of a JSON string.
      const value: unknown = JSON.parse(Buffer.from(decodeURIComponent(chosen), "base64").toString("utf8"));
      if (isLocale(value)) return value;
    } catch {
      // An unreadable cookie falls back to the browser's languages.
    }
  }
  return localeFromAcceptLanguage(req.get("Accept-Language"));
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

type RefusalStatus = 403 | 415 | 429;

function refusalText(locale: Locale, status: RefusalStatus, part: "title" | "body"): string {
  if (status === 415) return securityMessages[locale][`security.415.${part}`];
  return translate(locale, `error.${status}.${part}`);
}

/** A small friendly page for refusals made before Remix runs (no layout, no scripts). */
export function refusalPage(locale: Locale, status: RefusalStatus): string {
  const title = refusalText(locale, status, "title");
  const body = refusalText(locale, status, "body");
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} · ${escapeHtml(translate(locale, "app.name"))}</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.5"><main><p style="font-size:3rem;margin:0;color:#4b5563">${status}</p><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p><p><a href="/">${escapeHtml(translate(locale, "error.backHome"))}</a></p></main></body></html>`;
}

function wantsJson(req: Request) {
  return req.path.startsWith("/api/") || !(req.get("Accept") ?? "").includes("text/html");
}

const STATUS_TEXT = { 403: "Forbidden", 415: "Unsupported Media Type", 429: "Too Many Requests" } as const;

/**
 * The refusal as Remix's single fetch (a form posted with JavaScript, to "<path>.data")
 * expects it: a turbo-stream of `{ error: ErrorResponse }`, so the client shows the
 * friendly 403/429 page instead of failing to decode the answer. Format of Remix 2.17.
 */
export function singleFetchRefusal(status: RefusalStatus, message: string): string {
  return `${JSON.stringify([{ _1: 2 }, "error", ["ErrorResponse", 3, 4, 5], message, status, STATUS_TEXT[status]])}\n`;
}

function refuse(req: Request, res: Response, status: RefusalStatus, code: string) {
  res.status(status).setHeader("Cache-Control", "no-store");
  if (req.path.endsWith(".data")) {
    res.setHeader("X-Remix-Response", "yes");
    res.type("text/x-script").send(singleFetchRefusal(status, refusalText(localeOf(req), status, "body")));
    return;
  }
  if (wantsJson(req)) {
    res.json({ error: code, message: refusalText(localeOf(req), status, "body") });
  } else {
    res.type("html").send(refusalPage(localeOf(req), status));
  }
}

/** 403 for a state-changing request that names another site as its origin. */
export function crossSiteRefusal({ appUrl }: { appUrl?: string }): RequestHandler {
  return (req, res, next) => {
    const verdict = checkOrigin({
      method: req.method,
      origin: req.get("Origin"),
      referer: req.get("Referer"),
      allowedHosts: allowedHostsFor({
        host: req.get("Host"),
        forwardedHost: req.get("X-Forwarded-Host"),
        trustProxy: Boolean(req.app.get("trust proxy")),
        appUrl,
      }),
    });
    if (verdict.ok) return next();
    logger.warn({ method: req.method, path: loggablePath(req.path), reason: verdict.reason }, "cross-site request refused");
    refuse(req, res, 403, "cross_site_request");
  };
}

const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

/**
 * 415 for a state-changing request to a page that is not a form post (JSON, text/plain, no
 * Content-Type): every action reads request.formData(), which would otherwise throw and
 * answer 500. The API (/api/*) decides for itself.
 */
export function formBodiesOnly(): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method) || req.path === "/api" || req.path.startsWith("/api/")) return next();
    const type = (req.get("Content-Type") ?? "").split(";")[0].trim().toLowerCase();
    if (FORM_TYPES.has(type)) return next();
    refuse(req, res, 415, "unsupported_media_type");
  };
}

/** 429 with Retry-After once a client address exceeds a limit. */
export function rateLimiting({
  rules,
  store = new MemoryRateLimitStore(),
}: {
  rules: readonly RateLimitRule[];
  store?: RateLimitStore;
}): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (rules.length === 0) return next();
    checkRateLimits(store, rules, {
      method: req.method,
      path: req.path,
      contentType: req.get("Content-Type") ?? "",
      // req.ip follows the "trust proxy" setting: the socket's address unless a proxy is trusted.
      clientId: req.ip ?? req.socket.remoteAddress ?? "unknown",
    })
      .then((verdict) => {
        if (verdict.ok) return next();
        logger.warn({ method: req.method, path: loggablePath(req.path), rule: verdict.rule }, "rate limit exceeded");
        res.setHeader("Retry-After", String(verdict.retryAfterSeconds));
        refuse(req, res, 429, "rate_limited");
      })
      .catch(next);
  };
}

/** Last resort for errors outside Remix's own handling: logged in full, a friendly page shown. */
export function errorHandler(log = logger): (error: unknown, req: Request, res: Response, next: NextFunction) => void {
  return (error, req, res, next) => {
    log.error({ err: error, method: req.method, path: loggablePath(req.path) }, "unhandled server error");
    if (res.headersSent) return next(error);
    const locale = localeOf(req);
    res.status(500).setHeader("Cache-Control", "no-store");
    const title = escapeHtml(translate(locale, "error.500.title"));
    res
      .type("html")
      .send(
        `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${title}</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem"><main><h1>${title}</h1><p>${escapeHtml(translate(locale, "error.500.body"))}</p></main></body></html>`,
      );
  };
}
