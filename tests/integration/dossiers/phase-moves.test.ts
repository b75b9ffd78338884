import { beforeAll, describe, expect, it } from "vitest";
import type { Phase } from "~/features/dossiers/phases";
import { db } from "~/platform/db.server";
import * as overview from "~/routes/dossiers.$id._index";
import { createUser, GENT, sessionCookieFor } from "../../helpers/auth";
import { act, createDossierRow, load } from "./fixtures";

let cookie: string;
let staffId: string;

beforeAll(async () => {
  const staff = await createUser("STAFF", { name: "Tom Team" });
  staffId = staff.id;
  cookie = await sessionCookieFor(staff.id);
});

async function move(dossierId: string, to: Phase, reason?: string) {
  const { version } = await db.dossier.findUniqueOrThrow({ where: { id: dossierId }, select: { version: true } });
  return act(overview, `/dossiers/${dossierId}`, cookie, { intent: "move", to, version: String(version), ...(reason !== undefined ? { reason } : {}) }, { id: dossierId });
}

function refusal(res: { data: unknown }) {
  return (res.data as { move: { to: string; error: string } }).move;
}

async function expectMoved(dossierId: string, res: { status: number }, from: Phase, to: Phase, reason: string | null = null) {
  expect(res.status).toBe(302);
  const d = await db.dossier.findUniqueOrThrow({ where: { id: dossierId } });
  expect(d.phase).toBe(to);
  const t = await db.phaseTransition.findFirstOrThrow({ where: { dossierId, toPhase: to }, orderBy: { at: "desc" } });
  expect(t).toMatchObject({ fromPhase: from, toPhase: to, reason, byId: staffId });
  const audit = await db.auditEvent.findFirstOrThrow({ where: { dossierId, action: "PHASE_MOVE" }, orderBy: { at: "desc" } });
  expect(JSON.parse(audit.summary!)).toEqual({ from, to, reason, version: d.version });
  expect(audit.userId).toBe(staffId);
}

async function expectRefused(dossierId: string, res: { status: number; data: unknown }, to: Phase, key: string) {
  const before = await db.dossier.findUniqueOrThrow({ where: { id: dossierId } });
  expect(res.status).toBe(400);
  expect(refusal(res)).toEqual({ to, error: key });
  expect((await db.dossier.findUniqueOrThrow({ where: { id: dossierId } })).phase).toBe(before.phase);
}

describe("phase moves through the overview's action", () => {
  it("walks the whole forward line, refusing each step until its data exists", async () => {
    const d = await createDossierRow({ nisCode: GENT });
    const count = () => db.phaseTransition.count({ where: { dossierId: d.id } });
    await expectMoved(d.id, await move(d.id, "ACCEPTED"), "INTAKE", "ACCEPTED");
    await expectRefused(d.id, await move(d.id, "RESEARCH"), "RESEARCH", "dossiers.phase.refused.notAllowed");
    await expectMoved(d.id, await move(d.id, "KICKOFF"), "ACCEPTED", "KICKOFF");
    await expectMoved(d.id, await move(d.id, "RESEARCH"), "KICKOFF", "RESEARCH");
    await expectMoved(d.id, await move(d.id, "SCENARIOS"), "RESEARCH", "SCENARIOS");

    await expectRefused(d.id, await move(d.id, "SIMULATION"), "SIMULATION", "dossiers.phase.refused.needsScenario");
    const scenario = await db.scenario.create({ data: { dossierId: d.id, name: "Bibliotheek", functionCategory: "LIBRARY" } });
    await expectMoved(d.id, await move(d.id, "SIMULATION"), "SCENARIOS", "SIMULATION");

    await expectRefused(d.id, await move(d.id, "REVIEW"), "REVIEW", "dossiers.phase.refused.needsSubmittedVersion");
    const version = await db.simulationVersion.create({ data: { scenarioId: scenario.id, number: 1, status: "DRAFT", inputs: "{}" } });
    await expectRefused(d.id, await move(d.id, "REVIEW"), "REVIEW", "dossiers.phase.refused.needsSubmittedVersion");
    await db.simulationVersion.update({ where: { id: version.id }, data: { status: "SUBMITTED" } });
    await expectMoved(d.id, await move(d.id, "REVIEW"), "SIMULATION", "REVIEW");

    await expectRefused(d.id, await move(d.id, "REPORTING"), "REPORTING", "dossiers.phase.refused.needsApprovedVersion");
    await db.simulationVersion.update({ where: { id: version.id }, data: { status: "APPROVED" } });
    await expectMoved(d.id, await move(d.id, "REPORTING"), "REVIEW", "REPORTING");

    await expectRefused(d.id, await move(d.id, "COMPLETED"), "COMPLETED", "dossiers.phase.refused.needsFinalReportDocumentAndPreferredScenario");
    const document = await db.document.create({ data: { dossierId: d.id, title: "Eindrapport", kind: "FINAL_REPORT" } });
    await db.finalReport.create({ data: { dossierId: d.id, documentId: document.id } });
    await expectRefused(d.id, await move(d.id, "COMPLETED"), "COMPLETED", "dossiers.phase.refused.needsPreferredScenarioWithApprovedVersion");
    await db.dossier.update({ where: { id: d.id }, data: { preferredScenarioId: scenario.id } });
    await expectMoved(d.id, await move(d.id, "COMPLETED"), "REPORTING", "COMPLETED");
    expect((await db.dossier.findUniqueOrThrow({ where: { id: d.id } })).completedAt).not.toBeNull();

    await expectRefused(d.id, await move(d.id, "STOPPED", "te laat"), "STOPPED", "dossiers.phase.refused.finalPhase");
    expect(await count()).toBe(8);
  });

  it("refuses COMPLETED when only the document is missing", async () => {
    const d = await createDossierRow({ nisCode: GENT, phase: "REPORTING" });
    const scenario = await db.scenario.create({ data: { dossierId: d.id, name: "Wonen", functionCategory: "HOUSING" } });
    await db.simulationVersion.create({ data: { scenarioId: scenario.id, number: 1, status: "APPROVED", inputs: "{}" } });
    await db.dossier.update({ where: { id: d.id }, data: { preferredScenarioId: scenario.id } });
    await expectRefused(d.id, await move(d.id, "COMPLETED"), "COMPLETED", "dossiers.phase.refused.needsFinalReportDocument");
  });

  it("requires a reason to reject, hold, stop and move back; records the reason", async () => {
    const d = await createDossierRow({ nisCode: GENT });
    await expectRefused(d.id, await move(d.id, "REJECTED"), "REJECTED", "dossiers.phase.refused.reasonRequiredForReject");
    await expectRefused(d.id, await move(d.id, "REJECTED", "   "), "REJECTED", "dossiers.phase.refused.reasonRequiredForReject");
    await expectMoved(d.id, await move(d.id, "REJECTED", "Geen beleidsplan"), "INTAKE", "REJECTED", "Geen beleidsplan");

    const r = await createDossierRow({ nisCode: GENT, phase: "RESEARCH" });
    await expectRefused(r.id, await move(r.id, "KICKOFF"), "KICKOFF", "dossiers.phase.refused.reasonRequiredForBack");
    await expectMoved(r.id, await move(r.id, "KICKOFF", "Nieuw team"), "RESEARCH", "KICKOFF", "Nieuw team");

    const s = await createDossierRow({ nisCode: GENT, phase: "SIMULATION" });
    await expectRefused(s.id, await move(s.id, "STOPPED"), "STOPPED", "dossiers.phase.refused.reasonRequiredForStop");
    await expectMoved(s.id, await move(s.id, "STOPPED", "Aanvraag ingetrokken"), "SIMULATION", "STOPPED", "Aanvraag ingetrokken");
  });

  it("puts on hold with the phase to resume, resumes only there and clears it", async () => {
    const d = await createDossierRow({ nisCode: GENT, phase: "SCENARIOS" });
    await expectRefused(d.id, await move(d.id, "ON_HOLD"), "ON_HOLD", "dossiers.phase.refused.reasonRequiredForHold");
    await expectMoved(d.id, await move(d.id, "ON_HOLD", "Wachten op het college"), "SCENARIOS", "ON_HOLD", "Wachten op het college");
    expect((await db.dossier.findUniqueOrThrow({ where: { id: d.id } })).phaseBeforeHold).toBe("SCENARIOS");
    await expectRefused(d.id, await move(d.id, "RESEARCH"), "RESEARCH", "dossiers.phase.refused.resumeOnlyToPhaseBeforeHold");
    await expectMoved(d.id, await move(d.id, "SCENARIOS"), "ON_HOLD", "SCENARIOS");
    expect((await db.dossier.findUniqueOrThrow({ where: { id: d.id } })).phaseBeforeHold).toBeNull();
  });

  it("refuses a move made from an outdated version (409) and writes nothing", async () => {
    const d = await createDossierRow({ nisCode: GENT });
    const res = await act(overview, `/dossiers/${d.id}`, cookie, { intent: "move", to: "ACCEPTED", version: "7" }, { id: d.id });
    expect(res.status).toBe(409);
    expect(refusal(res)).toEqual({ to: "ACCEPTED", error: "dossiers.error.moveConflict" });
    expect(await db.phaseTransition.count({ where: { dossierId: d.id } })).toBe(0);
  });

  it("offers the moves with their verdicts and shows the timeline newest first", async () => {
    const d = await createDossierRow({ nisCode: GENT, phase: "SCENARIOS" });
    await move(d.id, "ON_HOLD", "Pauze");
    await move(d.id, "SCENARIOS");
    const res = await load(overview, `/dossiers/${d.id}`, cookie, { id: d.id });
    const data = res.data as unknown as {
      moves: { to: string; requiresReason: boolean; verdict: { allowed: boolean; reason?: { key: string } } }[];
      timeline: { fromPhase: string; toPhase: string; reason: string | null; by: { name: string } }[];
    };
    expect(data.moves.map((m) => m.to)).toEqual(["SIMULATION", "RESEARCH", "ON_HOLD", "STOPPED"]);
    expect(data.moves[0].verdict).toEqual({ allowed: false, reason: { key: "dossiers.phase.refused.needsScenario" } });
    expect(data.moves[1]).toMatchObject({ requiresReason: true, verdict: { allowed: true } });
    expect(data.timeline.map((t) => `${t.fromPhase}>${t.toPhase}`)).toEqual(["ON_HOLD>SCENARIOS", "SCENARIOS>ON_HOLD"]);
    expect(data.timeline[1]).toMatchObject({ reason: "Pauze", by: { name: "Tom Team" } });
  });

  it("rejects an unknown target phase as a bad request", async () => {
    const d = await createDossierRow({ nisCode: GENT });
    const res = await act(overview, `/dossiers/${d.id}`, cookie, { intent: "move", to: "NOWHERE", version: "1" }, { id: d.id });
    expect(res.status).toBe(400);
    expect((await db.dossier.findUniqueOrThrow({ where: { id: d.id } })).phase).toBe("INTAKE");
  });
});
