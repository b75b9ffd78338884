// The final report of a dossier and the decisions taken on it: reading (staff and the
// dossier's municipality), writing (staff), with optimistic locking and an audit event in
// the same transaction. Every function takes the acting user and checks access itself.
import { diffFields, recordAudit } from "~/features/audit/audit.server";
import { forbidden, notFound } from "~/features/auth/guards.server";
import { canUseAction, isStaff } from "~/features/auth/permissions";
import type { SessionUser } from "~/features/auth/session.server";
import { requireDossierAccess } from "~/features/dossiers/access.server";
import { db } from "~/platform/db.server";
import { completionChecklist } from "./completion";
import { latestApproved } from "./key-figures";
import type { DecisionInput, ReportInput } from "./schemas";

type Actor = Pick<SessionUser, "id" | "role" | "municipalities">;
export type FieldErrors = Record<string, string[]>;
export type WriteResult = { ok: true } | { ok: false; fieldErrors?: FieldErrors; formErrors?: string[] };

/** 404 for a dossier the user may not see, then 403 for a role that may not write reports. */
export async function requireWriteAccess(user: Actor, dossierId: string) {
  const dossier = await requireDossierAccess(user, dossierId);
  if (!canUseAction(user, "writeReport")) forbidden();
  return dossier;
}

/** Documents a user may see: municipality users never see INTERNAL ones. */
function visibleDocuments(user: Actor) {
  return isStaff(user) ? {} : { visibility: { in: ["SHARED" as const, "PUBLIC" as const] } };
}

export async function getReportPage({ user, dossierId }: { user: Actor; dossierId: string }) {
  const access = await requireDossierAccess(user, dossierId);
  const docFilter = { dossierId, deletedAt: null, ...visibleDocuments(user) };
  const [dossier, report, scenarios, reportDocuments, allDocuments, decisions] = await Promise.all([
    db.dossier.findUniqueOrThrow({ where: { id: dossierId }, select: { id: true, reference: true, phase: true, preferredScenarioId: true } }),
    db.finalReport.findUnique({
      where: { dossierId },
      select: {
        id: true,
        conclusions: true,
        recommendation: true,
        documentId: true,
        document: { select: { deletedAt: true } },
        version: true,
        updatedAt: true,
        updatedBy: { select: { name: true } },
        approvedVersion: { select: { id: true, number: true, contentHash: true, scenario: { select: { name: true } } } },
      },
    }),
    db.scenario.findMany({
      where: { dossierId, archivedAt: null },
      orderBy: { createdAt: "asc" },
      select: { id: true, name: true, functionCategory: true, versions: { select: { id: true, number: true, status: true, contentHash: true } } },
    }),
    db.document.findMany({ where: { ...docFilter, kind: "FINAL_REPORT" }, orderBy: { createdAt: "desc" }, select: { id: true, title: true } }),
    db.document.findMany({ where: docFilter, orderBy: { title: "asc" }, select: { id: true, title: true, kind: true } }),
    db.decision.findMany({
      where: { dossierId },
      orderBy: [{ date: "desc" }, { createdAt: "desc" }],
      select: { id: true, body: true, date: true, outcome: true, note: true, documentId: true, createdBy: { select: { name: true } } },
    }),
  ]);
  const preferred = scenarios.find((s) => s.id === dossier.preferredScenarioId) ?? null;
  const preferredApproved = preferred ? latestApproved(preferred.versions) : null;
  const visibleDocIds = new Map(allDocuments.map((d) => [d.id, d.title]));
  const checklist = completionChecklist({
    dossierId,
    // A report document deleted since it was chosen no longer counts.
    hasFinalReportDocument: Boolean(report?.documentId && !report.document?.deletedAt),
    hasPreferredScenario: preferred !== null,
    preferredHasApprovedVersion: preferredApproved !== null,
    hasFinalReportDocumentToChoose: reportDocuments.length > 0,
  });
  return {
    dossier: { ...dossier, nisCode: access.nisCode },
    report: report
      ? { ...report, documentTitle: report.documentId ? (visibleDocIds.get(report.documentId) ?? null) : null }
      : null,
    scenarios: scenarios.map((s) => ({
      id: s.id,
      name: s.name,
      functionCategory: s.functionCategory,
      approved: latestApproved(s.versions),
    })),
    preferred: preferred ? { id: preferred.id, name: preferred.name, approved: preferredApproved } : null,
    reportDocuments,
    documents: allDocuments,
    decisions: decisions.map((d) => ({ ...d, documentTitle: d.documentId ? (visibleDocIds.get(d.documentId) ?? null) : null })),
    checklist,
    canEdit: canUseAction(user, "writeReport"),
    // A completed dossier's report is what the completion rested on: it no longer changes.
    locked: dossier.phase === "COMPLETED",
    canDownload: canUseAction(user, "downloadReport"),
  };
}

export async function saveReport({ user, dossierId, input }: { user: Actor; dossierId: string; input: ReportInput }): Promise<WriteResult> {
  const dossier = await requireWriteAccess(user, dossierId);
  if (dossier.phase === "COMPLETED") return { ok: false, formErrors: ["reports.error.locked"] };
  const fieldErrors: FieldErrors = {};
  const [scenario, document] = await Promise.all([
    input.preferredScenarioId
      ? db.scenario.findFirst({
          where: { id: input.preferredScenarioId, dossierId, archivedAt: null },
          select: { id: true, versions: { select: { id: true, number: true, status: true } } },
        })
      : null,
    input.documentId
      ? db.document.findFirst({ where: { id: input.documentId, dossierId, kind: "FINAL_REPORT", deletedAt: null }, select: { id: true } })
      : null,
  ]);
  if (input.preferredScenarioId && !scenario) fieldErrors.preferredScenarioId = ["error.invalidChoice"];
  if (input.documentId && !document) fieldErrors.documentId = ["error.invalidChoice"];
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors };
  const approvedVersionId = scenario ? (latestApproved(scenario.versions)?.id ?? null) : null;
  const values = {
    conclusions: input.conclusions,
    recommendation: input.recommendation,
    documentId: input.documentId,
    approvedVersionId,
  };

  return db.$transaction(async (tx): Promise<WriteResult> => {
    const before = await tx.finalReport.findUnique({ where: { dossierId } });
    const beforeDossier = await tx.dossier.findUniqueOrThrow({ where: { id: dossierId }, select: { preferredScenarioId: true } });
    let reportId: string;
    if (!before) {
      // Someone else created the report since this form was loaded: that is a conflict too.
      if (input.version !== 0) return { ok: false, formErrors: ["reports.error.conflict"] };
      const created = await tx.finalReport.create({ data: { dossierId, ...values, updatedById: user.id } });
      reportId = created.id;
    } else {
      const { count } = await tx.finalReport.updateMany({
        where: { id: before.id, version: input.version },
        data: { ...values, updatedById: user.id, version: { increment: 1 } },
      });
      if (count === 0) return { ok: false, formErrors: ["reports.error.conflict"] };
      reportId = before.id;
    }
    if (beforeDossier.preferredScenarioId !== input.preferredScenarioId) {
      await tx.dossier.update({ where: { id: dossierId }, data: { preferredScenarioId: input.preferredScenarioId } });
    }
    const changes: Record<string, unknown[]> = {
      ...diffFields((before ?? {}) as Record<string, unknown>, values),
      ...(beforeDossier.preferredScenarioId !== input.preferredScenarioId
        ? { preferredScenarioId: [beforeDossier.preferredScenarioId, input.preferredScenarioId] }
        : {}),
    };
    // Long texts are summarised by their length: the audit trail says what changed, not a copy.
    for (const key of ["conclusions", "recommendation"] as const) {
      if (changes[key]) changes[key] = [(before?.[key] ?? "").length, values[key].length];
    }
    await recordAudit(
      { userId: user.id, action: before ? "UPDATE" : "CREATE", entityType: "FinalReport", entityId: reportId, dossierId, summary: changes },
      tx,
    );
    return { ok: true };
  });
}

export async function createDecision({ user, dossierId, input }: { user: Actor; dossierId: string; input: DecisionInput }): Promise<WriteResult> {
  await requireWriteAccess(user, dossierId);
  if (input.documentId) {
    const document = await db.document.findFirst({ where: { id: input.documentId, dossierId, deletedAt: null }, select: { id: true } });
    if (!document) return { ok: false, fieldErrors: { documentId: ["error.invalidChoice"] } };
  }
  await db.$transaction(async (tx) => {
    const decision = await tx.decision.create({
      data: {
        dossierId,
        body: input.body,
        date: new Date(`${input.date}T00:00:00Z`),
        outcome: input.outcome,
        note: input.note,
        documentId: input.documentId,
        createdById: user.id,
      },
    });
    await recordAudit(
      {
        userId: user.id,
        action: "CREATE",
        entityType: "Decision",
        entityId: decision.id,
        dossierId,
        summary: { body: input.body, date: input.date, outcome: input.outcome, documentId: input.documentId },
      },
      tx,
    );
  });
  return { ok: true };
}

export async function deleteDecision({ user, dossierId, decisionId }: { user: Actor; dossierId: string; decisionId: string }) {
  await requireWriteAccess(user, dossierId);
  await db.$transaction(async (tx) => {
    const decision = await tx.decision.findFirst({ where: { id: decisionId, dossierId } });
    if (!decision) notFound();
    await tx.decision.delete({ where: { id: decision.id } });
    await recordAudit(
      {
        userId: user.id,
        action: "DELETE",
        entityType: "Decision",
        entityId: decision.id,
        dossierId,
        summary: { body: decision.body, date: decision.date.toISOString().slice(0, 10), outcome: decision.outcome },
      },
      tx,
    );
  });
}
