import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, isFrameable, securityHeaders, tileSource } from "~/platform/security/headers";

const directives = (csp: string) =>
  Object.fromEntries(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));

describe("security headers", () => {
  it("makes a fresh 128-bit base64 nonce for every request", () => {
    const a = createNonce();
    const b = createNonce();
    expect(a).not.toBe(b);
    expect(Buffer.from(a, "base64")).toHaveLength(16);
  });

  it("lets scripts run only from self or with the nonce, never unsafe-inline", () => {
    const csp = directives(contentSecurityPolicy({ nonce: "abc123==", frameable: false }));
    expect(csp["script-src"]).toEqual(["'self'", "'nonce-abc123=='"]);
    expect(csp["default-src"]).toEqual(["'self'"]);
    expect(csp["object-src"]).toEqual(["'none'"]);
    expect(csp["base-uri"]).toEqual(["'self'"]);
    expect(csp["form-action"]).toEqual(["'self'"]);
    expect(csp["frame-ancestors"]).toEqual(["'none'"]);
    expect(JSON.stringify(csp["script-src"])).not.toContain("unsafe");
  });

  it("allows the map tile host for images only", () => {
    const csp = directives(contentSecurityPolicy({ nonce: "n", frameable: false, tileUrl: "https://tile.openstreetmap.org/{z}/{x}/{y}.png" }));
    expect(csp["img-src"]).toEqual(["'self'", "data:", "blob:", "https://tile.openstreetmap.org"]);
    expect(csp["connect-src"]).toEqual(["'self'"]);
    expect(tileSource("https://{s}.tile.example.org/{z}/{x}/{y}.png")).toBe("https://*.tile.example.org");
    expect(tileSource("javascript:alert(1)")).toBeNull();
    expect(tileSource("/tiles/{z}/{x}/{y}.png")).toBeNull();
  });

  it("lets only /embed/* be framed, by anyone", () => {
    expect(isFrameable("/embed/kaart")).toBe(true);
    expect(isFrameable("/embed")).toBe(true);
    expect(isFrameable("/embedded")).toBe(false);
    expect(isFrameable("/kaart")).toBe(false);
    const embed = securityHeaders({ nonce: "n", frameable: true, secure: false });
    expect(directives(embed["Content-Security-Policy"])["frame-ancestors"]).toEqual(["*"]);
    expect(embed["X-Frame-Options"]).toBeUndefined();
    const page = securityHeaders({ nonce: "n", frameable: false, secure: false });
    expect(page["X-Frame-Options"]).toBe("DENY");
  });

  it("sends nosniff, the referrer policy and a restrictive permissions policy; HSTS only over HTTPS", () => {
    const plain = securityHeaders({ nonce: "n", frameable: false, secure: false });
    expect(plain["X-Content-Type-Options"]).toBe("nosniff");
    expect(plain["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb", "interest-cohort"]) {
      expect(plain["Permissions-Policy"]).toContain(`${feature}=()`);
    }
    expect(plain["Strict-Transport-Security"]).toBeUndefined();
    const secure = securityHeaders({ nonce: "n", frameable: false, secure: true });
    expect(secure["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
  });
});
