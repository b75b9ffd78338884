// Cross-site request refusal: on top of SameSite=Lax cookies, a state-changing request that
// says it comes from another site (Origin, or Referer when a browser leaves Origin out) is
// refused. Requests naming no origin at all (curl, scripts, old clients) carry no ambient
// browser credentials worth forging, so they pass.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type OriginCheckInput = {
  method: string;
  origin: string | undefined;
  referer: string | undefined;
  /** Hosts (with port) the app answers on: the Host header, X-Forwarded-Host when trusted, APP_URL's host. */
  allowedHosts: readonly string[];
};

export type OriginVerdict = { ok: true } | { ok: false; reason: string };

function hostOf(value: string): string | null {
  try {
    const url = new URL(value);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    return url.host.toLowerCase();
  } catch {
    return null;
  }
}

export function checkOrigin({ method, origin, referer, allowedHosts }: OriginCheckInput): OriginVerdict {
  if (SAFE_METHODS.has(method.toUpperCase())) return { ok: true };
  const allowed = new Set(allowedHosts.filter(Boolean).map((h) => h.toLowerCase()));
  // "null" is what sandboxed frames and some redirects send: never our own site.
  const claimed = origin !== undefined && origin !== "" ? origin : referer;
  if (claimed === undefined || claimed === "") return { ok: true };
  const host = hostOf(claimed);
  if (host === null) return { ok: false, reason: origin ? "unreadable origin" : "unreadable referer" };
  if (allowed.has(host)) return { ok: true };
  return { ok: false, reason: `cross-site ${origin ? "origin" : "referer"} ${host}` };
}

/** The hosts a request may legitimately come from, as the server sees them. */
export function allowedHostsFor({
  host,
  forwardedHost,
  trustProxy,
  appUrl,
}: {
  host: string | undefined;
  forwardedHost: string | undefined;
  trustProxy: boolean;
  appUrl: string | undefined;
}): string[] {
  const hosts: string[] = [];
  if (host) hosts.push(host);
  // X-Forwarded-Host is only believed behind a proxy we trust; it may list several hops.
  if (trustProxy && forwardedHost) hosts.push(forwardedHost.split(",")[0].trim());
  if (appUrl) {
    const appHost = hostOf(appUrl);
    if (appHost) hosts.push(appHost);
  }
  return hosts;
}
