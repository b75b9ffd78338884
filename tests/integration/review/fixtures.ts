// Review test data: a dossier of a municipality with a scenario and frozen versions, made
// straight in the database (the simulation feature's own tests cover how versions are made).
import { contentHash, canonicalInputs } from "~/features/simulation/canonical";
import { parseSimulationInput, type SimulationInput } from "~/features/simulation/schema";
import { db } from "~/platform/db.server";
import { createUser, GENT, LEUVEN } from "../../helpers/auth";

let seq = 0;

export function exampleInput(overrides: Partial<Record<string, unknown>> = {}): SimulationInput {
  const parsed = parseSimulationInput({
    startYear: 2026,
    horizonYears: 10,
    investments: [{ label: "Restauratie dak", category: "RESTORATION", amount: 500000, subsidyEligible: true }],
    subsidy: { label: "Erfgoedpremie", ratePct: 40 },
    revenues: [
      { label: "Huur zaal", category: "RENT", amount: 30000 },
      { label: "Evenementen", category: "EVENTS", amount: 10000 },
    ],
    operatingCosts: [{ label: "Onderhoud", category: "MAINTENANCE", amount: 8000 }],
    ...overrides,
  });
  if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
  return parsed.data;
}

export async function createDossier(nisCode: string, options: { leadId?: string | null; phase?: "SIMULATION" | "REVIEW" | "REPORTING" } = {}) {
  seq += 1;
  const church = await db.church.create({ data: { name: `Testkerk ${seq}`, nisCode } });
  return db.dossier.create({
    data: {
      reference: `HK-2031-${String(seq).padStart(3, "0")}`,
      year: 2031,
      seq,
      churchId: church.id,
      applicantType: "CHURCH_COUNCIL",
      applicantName: "Kerkfabriek",
      startDate: new Date(),
      leadId: options.leadId ?? null,
      phase: options.phase ?? "REVIEW",
    },
  });
}

export async function createScenario(dossierId: string, name = "Bibliotheek") {
  return db.scenario.create({ data: { dossierId, name, functionCategory: "LIBRARY" } });
}

/** A frozen version as submitVersion leaves it: canonical inputs, hash, who and when. */
export async function createVersion(
  scenarioId: string,
  number: number,
  options: { input?: SimulationInput; status?: "DRAFT" | "SUBMITTED" | "SUPERSEDED"; by?: string | null; basedOnId?: string } = {},
) {
  const input = options.input ?? exampleInput();
  const status = options.status ?? "SUBMITTED";
  const frozen = status !== "DRAFT";
  return db.simulationVersion.create({
    data: {
      scenarioId,
      number,
      status,
      inputs: canonicalInputs(input),
      contentHash: frozen ? await contentHash(input) : null,
      submittedAt: frozen ? new Date(Date.now() - (10 - number) * 60_000) : null,
      submittedById: frozen ? (options.by ?? null) : null,
      createdById: options.by ?? null,
      basedOnId: options.basedOnId ?? null,
    },
  });
}

/** Gent's dossier in REVIEW with one submitted version; a Leuven dossier likewise; their users. */
export async function reviewWorld() {
  const staff = await createUser("STAFF", { name: "Stefaan Staf" });
  const gent = await createUser("MUNICIPALITY", { municipalities: [GENT], name: "Griet Gent" });
  const leuven = await createUser("MUNICIPALITY", { municipalities: [LEUVEN], name: "Lode Leuven" });
  const dossier = await createDossier(GENT, { leadId: staff.id });
  const scenario = await createScenario(dossier.id);
  const version = await createVersion(scenario.id, 1, { by: staff.id });
  const leuvenDossier = await createDossier(LEUVEN, { leadId: staff.id });
  const leuvenScenario = await createScenario(leuvenDossier.id, "Wonen");
  const leuvenVersion = await createVersion(leuvenScenario.id, 1, { by: staff.id });
  return { staff, gent, leuven, dossier, scenario, version, leuvenDossier, leuvenScenario, leuvenVersion };
}
