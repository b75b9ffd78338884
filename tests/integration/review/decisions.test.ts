// Decisions: pinned to the version's hash, written once, concurrency-safe; changes send the
// dossier back to SIMULATION with a recorded move; an approval opens the way to REPORTING.
import { describe, expect, it } from "vitest";
import { moveDossier } from "~/features/dossiers/phase-moves.server";
import { decide } from "~/features/review/decisions.server";
import { ReviewRefusal } from "~/features/review/errors";
import { pendingReviewCount } from "~/features/review/review.server";
import { db } from "~/platform/db.server";
import { GENT, LEUVEN, sessionCookieFor } from "../../helpers/auth";
import { createScenario, createVersion, exampleInput, reviewWorld } from "./fixtures";
import { errorsOf, openHome, openReview, postReview } from "./routes";

describe("decisions", () => {
  it("an approval records who, when, the municipality and the hash, and sets the version APPROVED", async () => {
    const w = await reviewWorld();
    const cookie = await sessionCookieFor(w.gent.id);
    const res = await postReview(w.version.id, cookie, { intent: "decide", decision: "APPROVED", reason: "" });
    expect(res.status).toBe(302);
    const review = await db.review.findUniqueOrThrow({ where: { versionId: w.version.id } });
    expect(review).toMatchObject({ decision: "APPROVED", reason: null, userId: w.gent.id, nisCode: GENT, versionHash: w.version.contentHash });
    expect((await db.simulationVersion.findUniqueOrThrow({ where: { id: w.version.id } })).status).toBe("APPROVED");
    // The dossier stays in REVIEW; staff move it on to REPORTING.
    expect((await db.dossier.findUniqueOrThrow({ where: { id: w.dossier.id } })).phase).toBe("REVIEW");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "DECIDE", entityId: w.version.id } });
    expect(JSON.parse(audit.summary!)).toMatchObject({ decision: "APPROVED", nisCode: GENT, sha256: w.version.contentHash });
    expect((await db.notification.findMany({ where: { userId: w.staff.id } })).map((n) => n.kind)).toEqual(["VERSION_APPROVED"]);
    expect(await db.notification.count({ where: { userId: w.gent.id } })).toBe(0);
    // Shown on the home as a past decision, and nothing waits any more.
    const home = await openHome(cookie);
    expect(home.data!.decisions.map((d) => [d.versionId, d.decision, d.hash])).toContainEqual([w.version.id, "APPROVED", w.version.contentHash]);
    expect(home.data!.waiting.map((v) => v.id)).not.toContain(w.version.id);
  });

  it("an approval lets staff move the dossier on to REPORTING; without one the move is refused", async () => {
    const w = await reviewWorld();
    const staff = { ...w.staff, municipalities: [] };
    const early = await moveDossier({ user: staff, id: w.dossier.id, to: "REPORTING", version: 1 });
    expect(early).toMatchObject({ ok: false, reason: { key: "dossiers.phase.refused.needsApprovedVersion" } });
    await decide({ user: { ...w.gent, municipalities: [GENT] }, versionId: w.version.id, decision: "APPROVED" });
    expect(await moveDossier({ user: staff, id: w.dossier.id, to: "REPORTING", version: 1 })).toMatchObject({ ok: true, to: "REPORTING" });
  });

  it("cannot be changed afterwards: a second decision is refused with a clear message", async () => {
    const w = await reviewWorld();
    const cookie = await sessionCookieFor(w.gent.id);
    expect((await postReview(w.version.id, cookie, { intent: "decide", decision: "APPROVED" })).status).toBe(302);
    const again = await postReview(w.version.id, cookie, { intent: "decide", decision: "CHANGES_REQUESTED", reason: "Toch niet" });
    expect(again.status).toBe(409);
    expect(errorsOf(again.data)[""]).toEqual(["review.refused.alreadyDecided"]);
    const review = await db.review.findUniqueOrThrow({ where: { versionId: w.version.id } });
    expect(review.decision).toBe("APPROVED");
    expect((await db.simulationVersion.findUniqueOrThrow({ where: { id: w.version.id } })).status).toBe("APPROVED");
    const page = await openReview(w.version.id, cookie);
    expect(page.data!.can.decide).toBe(false);
    expect(page.data!.review).toMatchObject({ decision: "APPROVED", by: w.gent.name });
  });

  it("two decisions at once give exactly one review", async () => {
    const w = await reviewWorld();
    const user = { ...w.gent, municipalities: [GENT] };
    const results = await Promise.allSettled([
      decide({ user, versionId: w.version.id, decision: "APPROVED" }),
      decide({ user, versionId: w.version.id, decision: "CHANGES_REQUESTED", reason: "Huur lager" }),
      decide({ user, versionId: w.version.id, decision: "APPROVED" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) {
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(ReviewRefusal);
      expect(((r as PromiseRejectedResult).reason as ReviewRefusal).key).toBe("review.refused.alreadyDecided");
    }
    expect(await db.review.count({ where: { versionId: w.version.id } })).toBe(1);
    const review = await db.review.findUniqueOrThrow({ where: { versionId: w.version.id } });
    expect((await db.simulationVersion.findUniqueOrThrow({ where: { id: w.version.id } })).status).toBe(review.decision);
    expect(await db.auditEvent.count({ where: { action: "DECIDE", entityId: w.version.id } })).toBe(1);
  });

  it("asking for changes needs a reason, then sends the dossier back to SIMULATION with a recorded move", async () => {
    const w = await reviewWorld();
    const cookie = await sessionCookieFor(w.gent.id);
    const missing = await postReview(w.version.id, cookie, { intent: "decide", decision: "CHANGES_REQUESTED", reason: "   " });
    expect(missing.status).toBe(400);
    expect(errorsOf(missing.data).reason).toEqual(["review.error.reasonRequired"]);
    expect(await db.review.count({ where: { versionId: w.version.id } })).toBe(0);

    const res = await postReview(w.version.id, cookie, { intent: "decide", decision: "CHANGES_REQUESTED", reason: "Huur van de zaal is te optimistisch" });
    expect(res.status).toBe(302);
    expect((await db.simulationVersion.findUniqueOrThrow({ where: { id: w.version.id } })).status).toBe("CHANGES_REQUESTED");
    const dossier = await db.dossier.findUniqueOrThrow({ where: { id: w.dossier.id } });
    expect(dossier.phase).toBe("SIMULATION");
    expect(dossier.version).toBe(2);
    const move = await db.phaseTransition.findFirstOrThrow({ where: { dossierId: w.dossier.id } });
    expect(move).toMatchObject({ fromPhase: "REVIEW", toPhase: "SIMULATION", byId: w.gent.id, reason: "Huur van de zaal is te optimistisch" });
    expect(await db.auditEvent.count({ where: { action: "PHASE_MOVE", dossierId: w.dossier.id } })).toBe(1);
    expect((await db.notification.findMany({ where: { userId: w.staff.id } })).map((n) => n.kind)).toEqual(["CHANGES_REQUESTED"]);
  });

  it("asking for changes in another phase records the decision but moves nothing", async () => {
    const w = await reviewWorld();
    await db.dossier.update({ where: { id: w.dossier.id }, data: { phase: "SIMULATION" } });
    await decide({ user: { ...w.gent, municipalities: [GENT] }, versionId: w.version.id, decision: "CHANGES_REQUESTED", reason: "Andere huur" });
    expect(await db.phaseTransition.count({ where: { dossierId: w.dossier.id } })).toBe(0);
    expect((await db.dossier.findUniqueOrThrow({ where: { id: w.dossier.id } })).phase).toBe("SIMULATION");
  });

  it("a superseded version cannot be decided on", async () => {
    const w = await reviewWorld();
    await db.simulationVersion.update({ where: { id: w.version.id }, data: { status: "SUPERSEDED" } });
    const res = await postReview(w.version.id, await sessionCookieFor(w.gent.id), { intent: "decide", decision: "APPROVED" });
    expect(res.status).toBe(409);
    expect(errorsOf(res.data)[""]).toEqual(["review.refused.superseded"]);
    expect(await db.review.count({ where: { versionId: w.version.id } })).toBe(0);
  });

  it("a version whose stored inputs no longer match its hash is flagged and cannot be decided on", async () => {
    const w = await reviewWorld();
    const cookie = await sessionCookieFor(w.gent.id);
    const tampered = JSON.parse(w.version.inputs);
    tampered.equity = 1;
    await db.simulationVersion.update({ where: { id: w.version.id }, data: { inputs: JSON.stringify(tampered) } });
    const page = await openReview(w.version.id, cookie);
    expect(page.data!.hash.matches).toBe(false);
    expect(page.data!.hash.stored).toBe(w.version.contentHash);
    const res = await postReview(w.version.id, cookie, { intent: "decide", decision: "APPROVED" });
    expect(res.status).toBe(409);
    expect(errorsOf(res.data)[""]).toEqual(["review.refused.hashMismatch"]);
  });
});

describe("the review page", () => {
  it("shows what changed since the version this municipality last decided on", async () => {
    const w = await reviewWorld();
    const cookie = await sessionCookieFor(w.gent.id);
    await postReview(w.version.id, cookie, { intent: "decide", decision: "CHANGES_REQUESTED", reason: "Huur lager" });
    // Version 2 of the scenario: the rent lowered, a parking row added.
    const input2 = exampleInput({
      revenues: [
        { label: "Huur zaal", category: "RENT", amount: 24000 },
        { label: "Evenementen", category: "EVENTS", amount: 10000 },
        { label: "Parking", category: "PARKING", amount: 2000 },
      ],
    });
    await db.simulationVersion.update({ where: { id: w.version.id }, data: { status: "SUPERSEDED" } });
    const v2 = await createVersion(w.scenario.id, 2, { input: input2, by: w.staff.id, basedOnId: w.version.id });
    const page = await openReview(v2.id, cookie);
    expect(page.status).toBe(200);
    const changes = page.data!.changes!;
    expect(changes.number).toBe(1);
    expect(changes.decision).toBe("CHANGES_REQUESTED");
    expect(changes.inputs.map((c) => [c.kind, c.path])).toEqual([
      ["changed", "revenues[0].amount"],
      ["added", "revenues[2]"],
    ]);
    const npv = changes.metrics.find((m) => m.key === "npv")!;
    expect(npv.delta).not.toBeNull();
    expect(npv.delta!).toBeLessThan(0);
    expect(page.data!.hash).toMatchObject({ stored: v2.contentHash, matches: true });
    expect(page.data!.can.decide).toBe(true);
    // Version 1 itself has nothing earlier to compare with.
    expect((await openReview(w.version.id, cookie)).data!.changes).toBeNull();
  });

  it("puts the other scenarios' submitted versions beside it, never their drafts", async () => {
    const w = await reviewWorld();
    const housing = await createScenario(w.dossier.id, "Wonen");
    const housingV1 = await createVersion(housing.id, 1, { input: exampleInput({ equity: 100000 }), by: w.staff.id });
    await createVersion(housing.id, 2, { status: "DRAFT", by: w.staff.id });
    const page = await openReview(w.version.id, await sessionCookieFor(w.gent.id));
    expect(page.data!.others.map((o) => [o.scenario, o.number, o.versionId])).toEqual([["Wonen", 1, housingV1.id]]);
    expect(page.data!.others[0].figures.npv).toEqual(expect.any(Number));
  });

  it("counts the versions waiting for a municipality for the navigation", async () => {
    const w = await reviewWorld();
    const gent = { ...w.gent, municipalities: [GENT] };
    const before = await pendingReviewCount(gent);
    await createVersion((await createScenario(w.dossier.id, "Cultuur")).id, 1, { by: w.staff.id });
    expect(await pendingReviewCount(gent)).toBe(before + 1);
    await decide({ user: gent, versionId: w.version.id, decision: "APPROVED" });
    expect(await pendingReviewCount(gent)).toBe(before);
    const leuvenBefore = await pendingReviewCount({ role: "MUNICIPALITY", municipalities: [LEUVEN] });
    expect(leuvenBefore).toBeGreaterThan(0);
    expect(await pendingReviewCount({ role: "MUNICIPALITY", municipalities: [] })).toBe(0);
  });
});
