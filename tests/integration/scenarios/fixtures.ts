// Shared set-up for the scenario and simulation integration tests: a dossier in Gent, users
// of every kind, route calls with their session, and editor form fields from an input.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { inputToForm } from "~/features/simulation/editor-schema";
import type { SimulationInput } from "~/features/simulation/schema";
import { db } from "~/platform/db.server";
import { callRoute, createUser, GENT, LEUVEN, makeRequest, sessionCookieFor } from "../../helpers/auth";

let seq = 0;

export async function gentDossier() {
  seq += 1;
  const church = await db.church.create({ data: { name: `Sint-Testkerk ${seq}`, nisCode: GENT } });
  return db.dossier.create({
    data: {
      reference: `HK-2030-${String(seq).padStart(3, "0")}`,
      year: 2030,
      seq,
      churchId: church.id,
      applicantType: "CHURCH_COUNCIL",
      applicantName: "Kerkfabriek",
      startDate: new Date("2030-01-01"),
      phase: "SIMULATION",
    },
  });
}

export async function actors() {
  const staff = await createUser("STAFF");
  const gent = await createUser("MUNICIPALITY", { municipalities: [GENT] });
  const leuven = await createUser("MUNICIPALITY", { municipalities: [LEUVEN] });
  return {
    staff: { user: staff, cookie: await sessionCookieFor(staff.id) },
    gent: { user: gent, cookie: await sessionCookieFor(gent.id) },
    leuven: { user: leuven, cookie: await sessionCookieFor(leuven.id) },
    anonymous: { user: null, cookie: null },
  };
}

export type Who = { cookie: string | null };

type RouteFn<T> = (args: LoaderFunctionArgs) => Promise<T>;

export function get<T>(fn: RouteFn<T>, path: string, params: Record<string, string>, who: Who, headers?: Record<string, string>) {
  return callRoute(() => fn({ request: makeRequest(path, { cookie: who.cookie, headers }), params, context: {} }));
}

export function post<T>(fn: RouteFn<T>, path: string, params: Record<string, string>, who: Who, form: Record<string, string | string[]>) {
  return callRoute(() => fn({ request: makeRequest(path, { cookie: who.cookie, form }), params, context: {} }));
}

/** Conform field names and values of the editor form for an input. */
export function editorFields(input: SimulationInput, extra: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (value: unknown, name: string) => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${name}[${i}]`));
    else if (typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, name ? `${name}.${k}` : k);
    else out[name] = String(value);
  };
  walk(inputToForm(input), "");
  return { ...out, ...extra };
}

/** The reply's per-field errors, as conform sends them back. */
export function fieldErrors(data: unknown): Record<string, string[]> {
  return ((data as { result?: { error?: Record<string, string[]> } } | null)?.result?.error ?? {}) as Record<string, string[]>;
}
