import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { chartGeometry, niceStep, valueAxis } from "~/features/reports/chart-geometry";
import { completionChecklist, isComplete } from "~/features/reports/completion";
import { latestApproved, pickReportVersion, scenarioFigures, type StoredVersion } from "~/features/reports/key-figures";
import { simulate } from "~/features/simulation/engine";
import { parseSimulationInput } from "~/features/simulation/schema";

const inputs = readFileSync(path.resolve("tests/unit/simulation/fixtures/example-scenario.json"), "utf8");
const v = (number: number, status: StoredVersion["status"], text = inputs): StoredVersion => ({ id: `v${number}`, number, status, inputs: text, contentHash: null });

describe("which version the report computes with", () => {
  it("prefers the latest approved or submitted version, then the latest draft, then anything", () => {
    expect(pickReportVersion([v(1, "APPROVED"), v(2, "SUBMITTED"), v(3, "DRAFT")])?.number).toBe(2);
    expect(pickReportVersion([v(3, "APPROVED"), v(2, "SUBMITTED"), v(4, "DRAFT")])?.number).toBe(3);
    expect(pickReportVersion([v(1, "SUPERSEDED"), v(2, "DRAFT")])?.number).toBe(2);
    expect(pickReportVersion([v(1, "SUPERSEDED"), v(2, "CHANGES_REQUESTED")])?.number).toBe(2);
    expect(pickReportVersion([])).toBeNull();
    expect(latestApproved([v(1, "APPROVED"), v(2, "SUBMITTED"), v(3, "APPROVED")])?.number).toBe(3);
    expect(latestApproved([v(2, "SUBMITTED")])).toBeNull();
  });

  it("computes the key figures with the simulation engine, and gives up on unreadable inputs", () => {
    const parsed = parseSimulationInput(JSON.parse(inputs));
    if (!parsed.success) throw new Error("fixture");
    const expected = simulate(parsed.data);
    const result = scenarioFigures([v(1, "SUBMITTED")]);
    expect(result?.figures.npv).toBe(expected.metrics.npv);
    expect(result?.figures.fundingGap).toBe(expected.totals.fundingGap);
    expect(result?.cashFlow).toHaveLength(expected.years.length);
    expect(result?.version.status).toBe("SUBMITTED");
    expect(scenarioFigures([v(1, "DRAFT", "{not json")])).toBeNull();
    expect(scenarioFigures([v(1, "DRAFT", JSON.stringify({ startYear: "x" }))])).toBeNull();
  });
});

describe("cash-flow chart geometry", () => {
  it("picks round steps and always includes zero", () => {
    expect(niceStep(1000, 5)).toBe(200);
    expect(niceStep(730, 5)).toBe(200);
    expect(niceStep(0)).toBe(1);
    expect(valueAxis([120, 480])).toMatchObject({ min: 0, max: 500, step: 100 });
    expect(valueAxis([-730, 260]).ticks).toEqual([-800, -600, -400, -200, 0, 200, 400]);
  });

  it("draws negative bars below the zero line and positive ones above, inside the box", () => {
    const box = { x: 10, y: 20, width: 300, height: 100 };
    const g = chartGeometry(
      [
        { year: 2026, net: -500, cumulative: -500 },
        { year: 2027, net: 200, cumulative: -300 },
        { year: 2028, net: 400, cumulative: 100 },
      ],
      box,
    );
    expect(g.bars[0]).toMatchObject({ negative: true, y: g.zeroY });
    expect(g.bars[1].y + g.bars[1].height).toBeCloseTo(g.zeroY);
    for (const p of [...g.line, ...g.ticks.map((t) => ({ x: box.x, y: t.y }))]) {
      expect(p.y).toBeGreaterThanOrEqual(box.y - 1e-9);
      expect(p.y).toBeLessThanOrEqual(box.y + box.height + 1e-9);
    }
    expect(g.line.map((p) => p.x)).toEqual([60, 160, 260]);
  });
});

describe("completion checklist", () => {
  const facts = { dossierId: "d1", hasFinalReportDocument: false, hasPreferredScenario: false, preferredHasApprovedVersion: false, hasFinalReportDocumentToChoose: false };
  it("says what is missing and where to fix it", () => {
    const items = completionChecklist(facts);
    expect(items.map((i) => i.done)).toEqual([false, false, false]);
    expect(items[0].fixHref).toBe("/dossiers/d1/documenten");
    expect(completionChecklist({ ...facts, hasFinalReportDocumentToChoose: true })[0].fixHref).toBe("/dossiers/d1/eindrapport#documentId");
    expect(isComplete(items)).toBe(false);
  });
  it("an approved version only counts for a chosen preferred scenario", () => {
    expect(completionChecklist({ ...facts, preferredHasApprovedVersion: true })[2].done).toBe(false);
    expect(isComplete(completionChecklist({ ...facts, hasFinalReportDocument: true, hasPreferredScenario: true, preferredHasApprovedVersion: true }))).toBe(true);
  });
});
