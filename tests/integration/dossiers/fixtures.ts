// Fixtures for the dossier tests: churches, dossiers and calls straight in the test database,
// and shortcuts to call the dossier routes as a given user.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type { Phase } from "~/features/dossiers/phases";
import { db } from "~/platform/db.server";
import { callRoute, makeRequest } from "../../helpers/auth";

let counter = 0;

export async function createChurch(nisCode: string, name = `Testkerk ${++counter}`) {
  return db.church.create({ data: { name, nisCode } });
}

export async function createDossierRow(options: {
  nisCode: string;
  phase?: Phase;
  year?: number;
  churchName?: string;
  leadId?: string | null;
  callId?: string | null;
  startDate?: Date;
  targetDate?: Date | null;
  internalNotes?: string | null;
}) {
  const church = await createChurch(options.nisCode, options.churchName);
  const year = options.year ?? 2026;
  const last = await db.dossier.findFirst({ where: { year }, orderBy: { seq: "desc" }, select: { seq: true } });
  const seq = (last?.seq ?? 0) + 1;
  return db.dossier.create({
    data: {
      reference: `HK-${year}-${String(seq).padStart(3, "0")}`,
      year,
      seq,
      churchId: church.id,
      applicantType: "CHURCH_COUNCIL",
      applicantName: `Kerkfabriek ${church.name}`,
      leadId: options.leadId ?? null,
      callId: options.callId ?? null,
      startDate: options.startDate ?? new Date(Date.UTC(year, 2, 1)),
      targetDate: options.targetDate ?? null,
      internalNotes: options.internalNotes ?? null,
      phase: options.phase ?? "INTAKE",
    },
    include: { church: true },
  });
}

type RouteModule = {
  loader?: (args: LoaderFunctionArgs) => Promise<unknown>;
  action?: (args: ActionFunctionArgs) => Promise<unknown>;
};

export function load(mod: RouteModule, path: string, cookie: string | null, params: Record<string, string> = {}, headers?: Record<string, string>) {
  return callRoute(() => mod.loader!({ request: makeRequest(path, { cookie, headers }), params, context: {} }));
}

export function act(mod: RouteModule, path: string, cookie: string | null, form: Record<string, string | string[]>, params: Record<string, string> = {}) {
  return callRoute(() => mod.action!({ request: makeRequest(path, { cookie, form }), params, context: {} }));
}
