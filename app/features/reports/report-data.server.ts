// Everything the generated PDF shows, read in one go for a user who may download it
// (staff, or the dossier's municipality; another municipality gets 404). Municipality
// users never see draft simulation versions, so their PDF never computes with one.
import { isStaff } from "~/features/auth/permissions";
import type { SessionUser } from "~/features/auth/session.server";
import { requireDossierAccess } from "~/features/dossiers/access.server";
import type { Phase } from "~/features/dossiers/phases";
import { db } from "~/platform/db.server";
import { latestApproved, type ScenarioFigures, scenarioFigures } from "./key-figures";

type Actor = Pick<SessionUser, "id" | "role" | "municipalities">;

export type ReportData = {
  dossier: { id: string; reference: string; phase: Phase; applicantName: string; startDate: Date; completedAt: Date | null };
  church: {
    name: string;
    parish: string | null;
    street: string | null;
    postalCode: string | null;
    place: string | null;
    lat: number | null;
    lng: number | null;
    municipality: string;
    province: string;
    protectionStatus: string;
    inventoryUri: string | null;
    buildingPeriod: string | null;
    floorAreaM2: number | null;
    condition: string | null;
    owner: string | null;
    currentUse: string;
  };
  timeline: { at: Date; fromPhase: Phase | null; toPhase: Phase; reason: string | null }[];
  scenarios: { id: string; name: string; functionCategory: string; preferred: boolean; result: ScenarioFigures }[];
  approved: { scenario: string; number: number; contentHash: string | null } | null;
  conclusions: string;
  recommendation: string;
  documentTitle: string | null;
  decisions: { date: Date; body: string; outcome: string; note: string | null }[];
};

export async function loadReportData({ user, dossierId }: { user: Actor; dossierId: string }): Promise<ReportData> {
  await requireDossierAccess(user, dossierId, "downloadReport");
  const staff = isStaff(user);
  const d = await db.dossier.findUniqueOrThrow({
    where: { id: dossierId },
    select: {
      id: true,
      reference: true,
      phase: true,
      applicantName: true,
      startDate: true,
      completedAt: true,
      preferredScenarioId: true,
      church: { include: { municipality: { select: { name: true, province: true } } } },
      transitions: { orderBy: { at: "asc" }, select: { at: true, fromPhase: true, toPhase: true, reason: true } },
      scenarios: {
        where: { archivedAt: null },
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          name: true,
          functionCategory: true,
          versions: {
            where: staff ? {} : { status: { not: "DRAFT" } },
            select: { id: true, number: true, status: true, inputs: true, contentHash: true },
          },
        },
      },
      finalReport: {
        select: {
          conclusions: true,
          recommendation: true,
          approvedVersion: { select: { number: true, contentHash: true, scenario: { select: { name: true } } } },
          document: { select: { title: true, visibility: true, deletedAt: true } },
        },
      },
      decisions: { orderBy: { date: "asc" }, select: { date: true, body: true, outcome: true, note: true } },
    },
  });
  const report = d.finalReport;
  // The report's approved version when one is recorded; else the preferred scenario's latest approved one.
  let approved: ReportData["approved"] = report?.approvedVersion
    ? { scenario: report.approvedVersion.scenario.name, number: report.approvedVersion.number, contentHash: report.approvedVersion.contentHash }
    : null;
  const preferred = d.scenarios.find((s) => s.id === d.preferredScenarioId);
  if (!approved && preferred) {
    const v = latestApproved(preferred.versions);
    if (v) approved = { scenario: preferred.name, number: v.number, contentHash: v.contentHash };
  }
  const document = report?.document;
  const documentVisible = document && !document.deletedAt && (staff || document.visibility !== "INTERNAL");
  return {
    dossier: { id: d.id, reference: d.reference, phase: d.phase, applicantName: d.applicantName, startDate: d.startDate, completedAt: d.completedAt },
    church: {
      name: d.church.name,
      parish: d.church.parish,
      street: d.church.street,
      postalCode: d.church.postalCode,
      place: d.church.place,
      lat: d.church.lat,
      lng: d.church.lng,
      municipality: d.church.municipality.name,
      province: d.church.municipality.province,
      protectionStatus: d.church.protectionStatus,
      inventoryUri: d.church.inventoryUri,
      buildingPeriod: d.church.buildingPeriod,
      floorAreaM2: d.church.floorAreaM2,
      condition: d.church.condition,
      owner: d.church.owner,
      currentUse: d.church.currentUse,
    },
    timeline: d.transitions,
    scenarios: d.scenarios.map((s) => ({
      id: s.id,
      name: s.name,
      functionCategory: s.functionCategory,
      preferred: s.id === d.preferredScenarioId,
      result: scenarioFigures(s.versions),
    })),
    approved,
    conclusions: report?.conclusions ?? "",
    recommendation: report?.recommendation ?? "",
    documentTitle: documentVisible ? document.title : null,
    decisions: d.decisions,
  };
}
