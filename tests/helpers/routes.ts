// Every route of the app, read from the files in app/routes (Remix flat routes), with the
// URL it answers and whether it has a loader, an action and a page. The authorisation
// matrix and the bad-input tests iterate over this list, so a new route file can't be
// forgotten: it shows up here and then needs an entry in their expectations.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export type RouteFile = {
  /** File name under app/routes, e.g. "dossiers.$id.bewerken.tsx". */
  file: string;
  /** The route module id Remix uses, e.g. "routes/dossiers.$id.bewerken". */
  id: string;
  /** The URL pattern, e.g. "/dossiers/:id/bewerken"; "/" for the home page. */
  pattern: string;
  /** Names of the dynamic segments, in order ("id", "scenarioId"). */
  params: string[];
  hasLoader: boolean;
  hasAction: boolean;
  /** A default export: a page (or layout) rather than a resource route. */
  hasComponent: boolean;
  /** A layout other routes nest under (dossiers.$id.tsx for dossiers.$id.*). */
  isLayout: boolean;
};

const ROUTES_DIR = fileURLToPath(new URL("../../app/routes", import.meta.url));

function exportsName(source: string, name: string): boolean {
  return (
    new RegExp(`export\\s+(async\\s+)?function\\s+${name}\\b`).test(source) ||
    new RegExp(`export\\s+(const|let|var)\\s+${name}\\b`).test(source) ||
    new RegExp(`export\\s*\\{[^}]*\\b${name}\\b[^}]*\\}`).test(source)
  );
}

/** Splits a flat-route name on dots, keeping "[.]" escapes inside a segment. */
function segmentsOf(name: string): string[] {
  const segments: string[] = [];
  let current = "";
  for (let i = 0; i < name.length; i++) {
    if (name[i] === "[") {
      const end = name.indexOf("]", i);
      current += name.slice(i + 1, end);
      i = end;
    } else if (name[i] === ".") {
      segments.push(current);
      current = "";
    } else {
      current += name[i];
    }
  }
  segments.push(current);
  return segments;
}

export function patternOf(routeName: string): { pattern: string; params: string[] } {
  const params: string[] = [];
  const parts: string[] = [];
  for (const raw of segmentsOf(routeName)) {
    if (raw === "_index" || raw === "route") continue;
    // "_layout" segments add no URL part; a trailing "_" only opts out of nesting.
    if (raw.startsWith("_")) continue;
    const segment = raw.endsWith("_") ? raw.slice(0, -1) : raw;
    if (segment === "$") {
      params.push("*");
      parts.push("*");
    } else if (segment.startsWith("$")) {
      params.push(segment.slice(1));
      parts.push(`:${segment.slice(1)}`);
    } else {
      parts.push(segment);
    }
  }
  return { pattern: `/${parts.join("/")}`, params };
}

export function listRouteFiles(dir = ROUTES_DIR): RouteFile[] {
  const entries = readdirSync(dir).filter((f) => /\.(tsx?|jsx?)$/.test(f) || statSync(path.join(dir, f)).isDirectory());
  const routes = entries.map((entry) => {
    const isDir = statSync(path.join(dir, entry)).isDirectory();
    const file = isDir ? `${entry}/route.tsx` : entry;
    const name = isDir ? entry : entry.replace(/\.(tsx?|jsx?)$/, "");
    const source = readFileSync(path.join(dir, file), "utf8");
    const { pattern, params } = patternOf(name);
    return {
      file,
      id: `routes/${name}`,
      pattern,
      params,
      hasLoader: exportsName(source, "loader"),
      hasAction: exportsName(source, "action"),
      hasComponent: /export\s+default\b/.test(source),
      isLayout: false,
      name,
    };
  });
  const names = routes.map((r) => r.name);
  return routes
    .map(({ name, ...route }) => ({ ...route, isLayout: names.some((other) => other.startsWith(`${name}.`)) && !name.endsWith("_index") }))
    .sort((a, b) => a.pattern.localeCompare(b.pattern) || a.file.localeCompare(b.file));
}

/** A concrete URL for a pattern: `fill("/dossiers/:id", { id: "abc" })` -> "/dossiers/abc". */
export function fillPattern(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/:(\w+)|\*/g, (whole, name: string | undefined) => {
    const key = name ?? "*";
    const value = values[key];
    if (value === undefined) throw new Error(`No value for ${whole} in ${pattern}`);
    return encodeURIComponent(value);
  });
}
