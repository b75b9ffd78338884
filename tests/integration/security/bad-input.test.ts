// Property-based bad input against EVERY action of the app (fast-check): wrong types, huge
// strings, unknown fields, "../" file names, script tags, as a user the action admits. No
// action may answer 500, and every refusal must leave the database as it was.
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { callRoute, makeRequest } from "../../helpers/auth";
import { fillPattern, listRouteFiles } from "../../helpers/routes";
import { buildWorld, freshCookieOf, paramsFor, rowCounts, type Who, type World } from "../../helpers/world";

const RUNS_PER_ACTION = Number(process.env.BAD_INPUT_RUNS ?? 12);

/** Field names an action might read: the common ones plus the names its source mentions. */
function fieldNamesOf(source: string): string[] {
  const found = new Set<string>(["intent", "id", "version", "name", "title", "email", "reason", "body", "to", "redirectTo", "locale"]);
  for (const m of source.matchAll(/name[=:]\s*["'`]([\w.[\]-]{1,40})["'`]/g)) found.add(m[1]);
  for (const m of source.matchAll(/formData\.get\(\s*["']([\w.[\]-]{1,40})["']\s*\)/g)) found.add(m[1]);
  return [...found];
}

/** Intents an action switches on, so the generator reaches past the first check. */
function intentsOf(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/(?:case|===)\s*["']([a-z][\w-]{0,30})["']/g)) found.add(m[1]);
  for (const m of source.matchAll(/value="([a-z][\w-]{0,30})"/g)) found.add(m[1]);
  return [...found];
}

const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    "",
    " ",
    "../../../etc/passwd",
    "..\\..\\windows\\win.ini",
    "<script>alert('x')</script>",
    '"><img src=x onerror=alert(1)>',
    "'; DROP TABLE \"Dossier\"; --",
    "-1",
    "0",
    "1e309",
    "NaN",
    "999999999999999999999999",
    "2026-02-30",
    "true",
    "null",
    "{}",
    "[]",
    "\u0000",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🚀",
  ),
  fc.integer().map(String),
  fc.double().map(String),
  fc.constant("x".repeat(100_000)),
);

const routes = listRouteFiles().filter((r) => r.hasAction);
let world: World;

beforeAll(async () => {
  world = await buildWorld();
}, 120_000);

/** Who may use the action at all: staff for most, the municipality for its own pages. */
function actorFor(file: string): Who {
  if (file.startsWith("gemeente") || file.startsWith("beoordelingen")) return "OWN";
  return "ADMIN";
}

describe.each(routes)("bad input: $file", (route) => {
  it("never answers 500, and a refusal writes nothing", async () => {
    const source = readFileSync(new URL(`../../../app/routes/${route.file}`, import.meta.url), "utf8");
    const fields = fieldNamesOf(source);
    const intents = intentsOf(source);
    const mod = (await import(`../../../app/routes/${route.file}`)) as { action: (args: unknown) => Promise<unknown> };
    const params = paramsFor(route.id.replace(/^routes\//, ""), route.params, world);
    const url = fillPattern(route.pattern, params);
    const who = actorFor(route.file);

    const formArb = fc.record({
      intent: intents.length ? fc.oneof(fc.constantFrom(...intents), nasty) : nasty,
      extra: fc.dictionary(fc.oneof(fc.constantFrom(...fields), fc.string({ minLength: 1, maxLength: 12 })), nasty, { maxKeys: 8 }),
    });

    await fc.assert(
      fc.asyncProperty(formArb, async ({ intent, extra }) => {
        const cookie = await freshCookieOf(world, who);
        const before = await rowCounts();
        const form = { ...extra, intent };
        const res = await callRoute(() => mod.action({ request: makeRequest(url, { cookie, form }), params, context: {} }));
        expect(res.status, `POST ${url} ${JSON.stringify(form).slice(0, 300)}`).toBeLessThan(500);
        if (res.status >= 400) {
          const after = await rowCounts();
          // A new session row is ours (freshCookieOf); nothing else may change.
          expect({ ...after, Session: 0, LoginAttempt: 0 }).toEqual({ ...before, Session: 0, LoginAttempt: 0 });
        }
      }),
      { numRuns: RUNS_PER_ACTION, seed: 20261128 },
    );
  }, 120_000);
});
