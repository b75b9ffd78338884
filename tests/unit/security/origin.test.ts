import { describe, expect, it } from "vitest";
import { allowedHostsFor, checkOrigin } from "~/platform/security/origin";

const own = ["herbestemming.example", "localhost:3000"];

describe("cross-site request check", () => {
  it("lets safe methods through whatever they claim", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) {
      expect(checkOrigin({ method, origin: "https://evil.example", referer: undefined, allowedHosts: own }).ok).toBe(true);
    }
  });

  it("accepts a POST from our own origin, and refuses one from another site", () => {
    expect(checkOrigin({ method: "POST", origin: "https://herbestemming.example", referer: undefined, allowedHosts: own }).ok).toBe(true);
    expect(checkOrigin({ method: "POST", origin: "http://localhost:3000", referer: undefined, allowedHosts: own }).ok).toBe(true);
    expect(checkOrigin({ method: "POST", origin: "https://evil.example", referer: undefined, allowedHosts: own })).toEqual({
      ok: false,
      reason: "cross-site origin evil.example",
    });
    // Same name, other port: another origin.
    expect(checkOrigin({ method: "DELETE", origin: "http://localhost:4000", referer: undefined, allowedHosts: own }).ok).toBe(false);
    // A look-alike suffix is not our host.
    expect(checkOrigin({ method: "PUT", origin: "https://herbestemming.example.evil.example", referer: undefined, allowedHosts: own }).ok).toBe(false);
  });

  it("falls back on the Referer when there is no Origin", () => {
    expect(checkOrigin({ method: "POST", origin: undefined, referer: "https://herbestemming.example/login", allowedHosts: own }).ok).toBe(true);
    expect(checkOrigin({ method: "POST", origin: undefined, referer: "https://evil.example/page", allowedHosts: own }).ok).toBe(false);
  });

  it("refuses 'null' and unreadable origins", () => {
    expect(checkOrigin({ method: "POST", origin: "null", referer: undefined, allowedHosts: own }).ok).toBe(false);
    expect(checkOrigin({ method: "POST", origin: "file:///etc/passwd", referer: undefined, allowedHosts: own }).ok).toBe(false);
  });

  it("lets a request naming no origin at all through (curl, old clients)", () => {
    expect(checkOrigin({ method: "POST", origin: undefined, referer: undefined, allowedHosts: own }).ok).toBe(true);
  });

  it("believes X-Forwarded-Host only behind a trusted proxy, and always knows APP_URL", () => {
    expect(allowedHostsFor({ host: "app:3000", forwardedHost: "evil.example", trustProxy: false, appUrl: undefined })).toEqual(["app:3000"]);
    expect(
      allowedHostsFor({ host: "app:3000", forwardedHost: "herbestemming.example, proxy", trustProxy: true, appUrl: "https://kerken.example/" }),
    ).toEqual(["app:3000", "herbestemming.example", "kerken.example"]);
  });
});
