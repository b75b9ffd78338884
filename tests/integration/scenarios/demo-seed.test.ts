// The demo scenarios: believable, valid, and in the statuses their dossier's phase implies.
import { describe, expect, it } from "vitest";
import { canonicalInputs, contentHash, readStoredInputs } from "~/features/simulation/canonical";
import { simulate } from "~/features/simulation/engine";
import { db } from "~/platform/db.server";
import { seedDemo } from "../../../prisma/seed/demo";

describe("demo scenarios", () => {
  it("gives every dossier from SIMULATION on 2-3 scenarios with versions fitting its phase", async () => {
    // seedDemo calls seedDemoScenarios once the dossiers exist.
    const counts = await seedDemo(db);
    expect(counts.scenarios.scenarios).toBeGreaterThan(0);
    const dossiers = await db.dossier.findMany({
      where: { phase: { in: ["SIMULATION", "REVIEW", "REPORTING", "COMPLETED"] } },
      include: { scenarios: { include: { versions: true } } },
    });
    expect(dossiers.length).toBeGreaterThanOrEqual(4);
    for (const d of dossiers) {
      expect(d.scenarios.length).toBeGreaterThanOrEqual(2);
      expect(d.scenarios.length).toBeLessThanOrEqual(3);
      const statuses = d.scenarios.flatMap((s) => s.versions.map((v) => v.status));
      if (d.phase === "SIMULATION") expect(new Set(statuses)).toEqual(new Set(["DRAFT"]));
      if (d.phase === "REVIEW") expect(statuses.filter((s) => s === "SUBMITTED")).toHaveLength(1);
      if (d.phase === "REPORTING" || d.phase === "COMPLETED") {
        expect(statuses.filter((s) => s === "APPROVED")).toHaveLength(1);
        const preferred = d.scenarios.find((s) => s.id === d.preferredScenarioId)!;
        expect(preferred.versions.some((v) => v.status === "APPROVED")).toBe(true);
      } else {
        expect(d.preferredScenarioId).toBeNull();
      }
      for (const v of d.scenarios.flatMap((s) => s.versions)) {
        const input = readStoredInputs(v.inputs);
        expect(v.inputs).toBe(canonicalInputs(input));
        if (v.status !== "DRAFT") expect(v.contentHash).toBe(await contentHash(input));
        expect(Number.isFinite(simulate(input).metrics.npv)).toBe(true);
      }
    }
    // Gent's approved versions carry the municipality's decision.
    const reviews = await db.review.findMany({ include: { version: true } });
    for (const r of reviews) expect(r.versionHash).toBe(r.version.contentHash);
  });
});
