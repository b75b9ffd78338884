// The security headers of every response, as pure functions of the request's path, its
// scheme and the per-request nonce. The Express middleware (middleware.server.ts) sets them
// on everything it serves; entry.server.tsx only sets them itself when no middleware ran
// (the Vite dev server), so a response never carries two policies.
import { randomBytes } from "node:crypto";

/** 128 random bits, base64: what CSP3 asks of a nonce. New for every request. */
export function createNonce(): string {
  return randomBytes(16).toString("base64");
}

/** The only routes another site may put in an <iframe>. */
export function isFrameable(pathname: string): boolean {
  return pathname === "/embed" || pathname.startsWith("/embed/");
}

/** "https://tile.openstreetmap.org" from "https://tile.openstreetmap.org/{z}/{x}/{y}.png"; subdomain templates widen to a wildcard. */
export function tileSource(tileUrl: string | undefined): string | null {
  if (!tileUrl) return null;
  // {s}.tile.example.org -> *.tile.example.org (Leaflet fills in a, b, c).
  const normalised = tileUrl.replace(/\{s\}\./, "xsubdomainx.").replace(/\{[a-z]\}/gi, "0");
  try {
    const url = new URL(normalised);
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    return `${url.protocol}//${url.host.toLowerCase().replace("xsubdomainx.", "*.")}`;
  } catch {
    return null;
  }
}

export type CspOptions = { nonce: string; frameable: boolean; tileUrl?: string };

/**
 * Scripts only from our origin or carrying this request's nonce (never 'unsafe-inline').
 * Styles allow inline: React renders style attributes and Leaflet positions tiles with them.
 */
export function contentSecurityPolicy({ nonce, frameable, tileUrl }: CspOptions): string {
  const tiles = tileSource(tileUrl);
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${tiles ? ` ${tiles}` : ""}`,
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameable ? "*" : "'none'"}`,
  ].join("; ");
}

export const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "camera=()",
  "display-capture=()",
  "encrypted-media=()",
  "fullscreen=(self)",
  "geolocation=()",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "publickey-credentials-get=()",
  "screen-wake-lock=()",
  "usb=()",
  "xr-spatial-tracking=()",
  "interest-cohort=()",
].join(", ");

export const HSTS = "max-age=31536000; includeSubDomains";

export type HeaderOptions = CspOptions & { secure: boolean };

/** Every security header of one response, by name. */
export function securityHeaders(options: HeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  // Old browsers ignore frame-ancestors; DENY says the same to them. Embeds get neither.
  if (!options.frameable) headers["X-Frame-Options"] = "DENY";
  // HSTS over plain HTTP is ignored by browsers and would only mislead; send it over HTTPS.
  if (options.secure) headers["Strict-Transport-Security"] = HSTS;
  return headers;
}
