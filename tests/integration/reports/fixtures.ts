// A dossier with everything a final report shows, built through the data layer: church,
// phase history, three scenarios (approved / submitted / draft only), a FINAL_REPORT
// document and the report itself. Figures are varied per scenario so their NPVs differ.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { db } from "~/platform/db.server";
import { GENT } from "../../helpers/auth";

const example = JSON.parse(readFileSync(path.resolve("tests/unit/simulation/fixtures/example-scenario.json"), "utf8")) as Record<string, unknown>;

export function inputsWith(equity: number, residualValue = 0) {
  return JSON.stringify({ ...example, equity, residualValue });
}

export function hashOf(text: string) {
  return createHash("sha256").update(text).digest("hex");
}

let seq = 100;

export async function buildReportDossier(options: { nisCode?: string; staffId: string; phase?: "REPORTING" | "REVIEW" | "COMPLETED" }) {
  seq += 1;
  const church = await db.church.create({
    data: {
      name: "Sint-Stefanuskerk Ëlsegem",
      parish: "Parochie Sint-Stefanus",
      street: "Kerkplein 1",
      place: "Gent",
      nisCode: options.nisCode ?? GENT,
      lat: 51.054342,
      lng: 3.717424,
      protectionStatus: "PROTECTED",
      buildingPeriod: "Neogotisch, 1875",
      floorAreaM2: 820,
      condition: "FAIR",
      owner: "Kerkfabriek Sint-Stefanus",
    },
  });
  const start = new Date(Date.UTC(2025, 1, 3));
  const dossier = await db.dossier.create({
    data: {
      reference: `HK-2025-${String(seq).padStart(3, "0")}`,
      year: 2025,
      seq,
      churchId: church.id,
      applicantType: "CHURCH_COUNCIL",
      applicantName: "Kerkfabriek Sint-Stefanus",
      startDate: start,
      phase: options.phase ?? "REPORTING",
      leadId: options.staffId,
    },
  });
  const path = ["INTAKE", "ACCEPTED", "KICKOFF", "RESEARCH", "SCENARIOS", "SIMULATION", "REVIEW", "REPORTING"] as const;
  for (const [i, to] of path.entries()) {
    await db.phaseTransition.create({
      data: { dossierId: dossier.id, fromPhase: i ? path[i - 1] : null, toPhase: to, byId: options.staffId, at: new Date(start.getTime() + i * 14 * 86_400_000) },
    });
  }
  const approvedInputs = inputsWith(300_000, 150_000);
  const library = await db.scenario.create({
    data: {
      dossierId: dossier.id,
      name: "Bibliotheek en ontmoeting",
      functionCategory: "LIBRARY",
      versions: {
        create: [
          { number: 1, status: "SUPERSEDED", inputs: inputsWith(100_000), contentHash: hashOf(inputsWith(100_000)) },
          { number: 2, status: "APPROVED", inputs: approvedInputs, contentHash: hashOf(approvedInputs) },
        ],
      },
    },
    include: { versions: true },
  });
  const housingInputs = inputsWith(450_000, 900_000);
  const housing = await db.scenario.create({
    data: {
      dossierId: dossier.id,
      name: "Wonen met gedeelde kapel",
      functionCategory: "HOUSING",
      versions: { create: [{ number: 1, status: "SUBMITTED", inputs: housingInputs, contentHash: hashOf(housingInputs) }] },
    },
  });
  const culture = await db.scenario.create({
    data: {
      dossierId: dossier.id,
      name: "Cultuurzaal",
      functionCategory: "CULTURE",
      versions: { create: [{ number: 1, status: "DRAFT", inputs: inputsWith(50_000, 20_000) }] },
    },
  });
  const archived = await db.scenario.create({
    data: { dossierId: dossier.id, name: "Gearchiveerd idee", functionCategory: "SPORT", archivedAt: new Date() },
  });
  const document = await db.document.create({
    data: { dossierId: dossier.id, title: "Eindrapport Sint-Stefanus (getekend)", kind: "FINAL_REPORT", visibility: "SHARED" },
  });
  const internalDocument = await db.document.create({
    data: { dossierId: dossier.id, title: "Interne nota", kind: "OTHER", visibility: "INTERNAL" },
  });
  const approved = library.versions.find((v) => v.status === "APPROVED")!;
  return { church, dossier, library, housing, culture, archived, document, internalDocument, approved };
}
