import { describe, expect, it } from "vitest";
import { irr, npv, simulate, type SimulationResult } from "~/features/simulation/engine";
import type { SimulationInput } from "~/features/simulation/schema";
import { cents, example, input, sum } from "./helpers";

const warningKeys = (result: SimulationResult) => result.warnings.map((w) => w.key);
const column = (result: SimulationResult, name: keyof SimulationResult["years"][number]) =>
  result.years.map((row) => row[name]);

describe("worked example (docs/simulation.md)", () => {
  const result = simulate(example());

  it("reproduces every published figure to the cent", () => {
    expect(cents(result.totals.investmentExclVat)).toBe(2_030_000);
    expect(cents(result.totals.vat)).toBe(426_300);
    expect(cents(result.totals.investmentCost)).toBe(2_456_300);
    expect(cents(result.totals.subsidy)).toBe(480_000);
    expect(cents(result.totals.grants)).toBe(250_000);
    expect(cents(result.totals.netInvestment)).toBe(1_726_300);
    expect(cents(result.totals.fundingGap)).toBe(526_300);
    expect(cents(result.metrics.npv)).toBe(-647_497.37);
    expect(result.metrics.irrPct!.toFixed(4)).toBe("0.7423");
    expect(result.metrics.paybackYear).toBe(2053);
    expect(cents(result.metrics.breakEvenExtraRevenue!)).toBe(38_124.6);
    expect(result.metrics.minDscr!.toFixed(4)).toBe("-0.0993");
  });

  it("has one row per year with the calendar year", () => {
    expect(result.years).toHaveLength(30);
    expect(result.years[0]).toMatchObject({ t: 0, year: 2026 });
    expect(result.years[29]).toMatchObject({ t: 29, year: 2055 });
  });

  it("has year rows that add up to the totals (and rounded rows within a cent per row)", () => {
    const pairs: [keyof SimulationResult["years"][number], number][] = [
      ["investment", result.totals.investmentExclVat],
      ["vat", result.totals.vat],
      ["subsidy", result.totals.subsidy],
      ["grants", result.totals.grants],
    ];
    for (const [name, total] of pairs) {
      const values = column(result, name);
      expect(sum(values)).toBeCloseTo(total, 6);
      expect(Math.abs(sum(values.map(cents)) - cents(total))).toBeLessThanOrEqual(0.01 * values.length);
    }
    expect(result.totals.investmentCost).toBeCloseTo(result.totals.investmentExclVat + result.totals.vat, 6);
    expect(result.totals.netInvestment).toBeCloseTo(
      result.totals.investmentCost - result.totals.subsidy - result.totals.grants,
      6
    );
    expect(result.totals.fundingGap).toBeCloseTo(
      result.totals.netInvestment - 300_000 - sum(column(result, "loanDrawdown")),
      6
    );
  });

  it("builds each row from its parts", () => {
    let cumulative = 0;
    for (const row of result.years) {
      const cf =
        -(row.investment + row.vat) +
        row.subsidy +
        row.grants +
        row.revenues -
        row.operatingCosts +
        row.residualValue;
      expect(row.projectCashFlow).toBeCloseTo(cf, 6);
      const net = row.projectCashFlow + row.loanDrawdown - row.interest - row.principalRepayment;
      expect(row.netCashFlow).toBeCloseTo(net, 6);
      cumulative += net;
      expect(row.cumulativeNetCashFlow).toBeCloseTo(cumulative, 6);
    }
  });

  it("puts amounts in the right years", () => {
    expect(result.years[0].investment).toBe(1_380_000);
    expect(result.years[1].investment).toBe(650_000);
    expect(result.years[1].subsidy).toBe(480_000); // 40 % of 1.2 M, one year after the works
    expect(result.years[1].grants).toBe(250_000);
    expect(result.years[1].revenues).toBe(0); // the library opens in year 2
    expect(result.years[1].operatingCosts).toBeCloseTo(6000 * 1.02, 9); // insurance from year 1
    expect(result.years[2].revenues).toBeCloseTo((95_000 + 30_000 * 0.6) * 1.02 ** 2, 9);
    expect(result.years[0].loanDrawdown).toBe(900_000);
    expect(sum(column(result, "principalRepayment"))).toBeCloseTo(900_000, 6);
  });

  it("computes the annuity loan: constant payment over 20 years, then nothing", () => {
    const r = 0.032;
    const payment = (900_000 * r) / (1 - (1 + r) ** -20);
    for (let t = 1; t <= 20; t++) {
      const row = result.years[t];
      expect(row.interest + row.principalRepayment).toBeCloseTo(payment, 6);
    }
    expect(result.years[1].interest).toBeCloseTo(900_000 * r, 6);
    for (let t = 21; t < 30; t++)
      expect(result.years[t].interest + result.years[t].principalRepayment).toBe(0);
  });

  it("warns about the funding gap, the negative NPV and the DSCR below 1", () => {
    expect(warningKeys(result)).toEqual([
      "simulation.warning.fundingGap",
      "simulation.warning.npvNegative",
      "simulation.warning.dscrBelowOne",
    ]);
    expect(result.warnings[0].params).toEqual({ amount: 526_300 });
    expect(result.warnings[2].params).toEqual({ year: 2027, minDscr: -0.0993 });
  });

  it("agrees with the exported npv and irr helpers", () => {
    const cf = column(result, "projectCashFlow");
    expect(npv(cf, 4)).toBeCloseTo(result.metrics.npv, 6);
    expect(irr(cf)).toBeCloseTo(result.metrics.irrPct!, 10);
    expect(npv(cf, result.metrics.irrPct!)).toBeCloseTo(0, 4);
  });
});

describe("sensitivity", () => {
  /** Brute force: scale the input and rerun the plain simulation. */
  function bruteForce(base: SimulationInput, variable: string, delta: number): number {
    const s = 1 + delta / 100;
    const scaled: SimulationInput = structuredClone(base);
    if (variable === "investment")
      scaled.investments = scaled.investments.map((l) => ({ ...l, amount: l.amount * s }));
    if (variable === "revenues")
      scaled.revenues = scaled.revenues.map((l) => ({ ...l, amount: l.amount * s }));
    if (variable === "operatingCosts") {
      scaled.operatingCosts = scaled.operatingCosts.map((l) => ({ ...l, amount: l.amount * s }));
    }
    if (variable === "discountRate") scaled.discountRatePct += delta;
    return simulate(scaled).metrics.npv;
  }

  function expectMatchesBruteForce(base: SimulationInput): void {
    const result = simulate(base);
    expect(result.sensitivity.map((p) => `${p.variable}${p.delta}`)).toEqual([
      "investment-20",
      "investment-10",
      "investment10",
      "investment20",
      "revenues-20",
      "revenues-10",
      "revenues10",
      "revenues20",
      "operatingCosts-20",
      "operatingCosts-10",
      "operatingCosts10",
      "operatingCosts20",
      "discountRate-1",
      "discountRate1",
    ]);
    for (const point of result.sensitivity) {
      expect(point.npv).toBeCloseTo(bruteForce(base, point.variable, point.delta), 5);
    }
  }

  it("matches a brute-force recomputation for the worked example", () => {
    expectMatchesBruteForce(example());
  });

  it("handles a subsidy cap exactly (the cap binds at some deltas and not at others)", () => {
    // One eligible line, 480,000 at 100 %: a cap of 500,000 binds at +10 % and +20 % only.
    const one = example();
    one.subsidy = { ...one.subsidy!, cap: 500_000 };
    expectMatchesBruteForce(one);
    expect(simulate(one).totals.subsidy).toBe(480_000);

    // All lines eligible, received in two years, 812,000 at 100 %: a cap of 700,000 binds
    // from -10 % on, cutting the line of the later year.
    const all = example();
    all.subsidy = { ...all.subsidy!, cap: 700_000 };
    all.investments = all.investments.map((l) => ({ ...l, subsidyEligible: true }));
    expectMatchesBruteForce(all);
    const capped = simulate(all);
    expect(capped.totals.subsidy).toBe(700_000);
    expect(capped.years[1].subsidy).toBeCloseTo(0.4 * 1_380_000, 6);
    expect(capped.years[2].subsidy).toBeCloseTo(700_000 - 0.4 * 1_380_000, 6);
  });

  it("keeps the residual value and grants fixed, and follows VAT recoverability", () => {
    const base = example();
    base.residualValue = 750_000;
    base.vatRecoverable = true;
    expectMatchesBruteForce(base);
  });
});

describe("break-even extra revenue", () => {
  it("brings the NPV to 0 when added as a constant revenue from the first operating year", () => {
    const base = example();
    const result = simulate(base);
    const extra = result.metrics.breakEvenExtraRevenue!;
    // First operating year is 1 (insurance), so the extra revenue runs from year 1.
    const withExtra: SimulationInput = {
      ...base,
      revenues: [
        ...base.revenues,
        {
          label: "Extra",
          category: "OTHER",
          amount: extra,
          indexationPct: 0,
          occupancyPct: 100,
          fromYear: 1,
          untilYear: null,
        },
      ],
    };
    expect(simulate(withExtra).metrics.npv).toBeCloseTo(0, 6);
  });

  it("is negative (headroom) when the NPV is positive, and none when no year is left", () => {
    const positive = simulate(
      input({ horizonYears: 5, revenues: [{ label: "Huur", category: "RENT", amount: 1000 }] })
    );
    expect(positive.metrics.npv).toBeGreaterThan(0);
    expect(positive.metrics.breakEvenExtraRevenue).toBeLessThan(0);
    const noYear = simulate(
      input({
        horizonYears: 3,
        revenues: [{ label: "Huur", category: "RENT", amount: 1, fromYear: 2 }],
        operatingCosts: [],
      })
    );
    expect(noYear.metrics.breakEvenExtraRevenue).not.toBeNull();
    const oneYear = simulate(input({ horizonYears: 1 }));
    expect(oneYear.metrics.breakEvenExtraRevenue).toBeNull(); // f = 1 > last year 0
  });
});

describe("loans", () => {
  const investments = [{ label: "Werken", category: "RENOVATION", amount: 100_000, vatPct: 0 }];

  it("at 0 %: equal principal parts, no interest (annuity and linear alike)", () => {
    for (const type of ["ANNUITY", "LINEAR"]) {
      const result = simulate(
        input({
          horizonYears: 10,
          investments,
          loans: [{ label: "L", principal: 50_000, ratePct: 0, termYears: 5, type }],
        })
      );
      for (let t = 1; t <= 5; t++) {
        expect(result.years[t].principalRepayment).toBeCloseTo(10_000, 9);
        expect(result.years[t].interest).toBe(0);
      }
      expect(result.years[6].principalRepayment).toBe(0);
      expect(result.warnings.map((w) => w.key)).not.toContain("simulation.warning.loanTermBeyondHorizon");
    }
  });

  it("LINEAR: constant principal, interest on the opening balance", () => {
    const result = simulate(
      input({
        horizonYears: 10,
        investments,
        loans: [{ label: "L", principal: 100_000, ratePct: 5, termYears: 4, type: "LINEAR", yearOffset: 2 }],
      })
    );
    expect(result.years[2].loanDrawdown).toBe(100_000);
    const expected = [
      [3, 25_000, 5_000],
      [4, 25_000, 3_750],
      [5, 25_000, 2_500],
      [6, 25_000, 1_250],
    ];
    for (const [t, principal, interest] of expected) {
      expect(result.years[t].principalRepayment).toBeCloseTo(principal, 9);
      expect(result.years[t].interest).toBeCloseTo(interest, 9);
    }
    expect(result.years[7].principalRepayment + result.years[2].principalRepayment).toBe(0);
  });

  it("repays the balance in the last year when the term runs past the horizon (with a warning)", () => {
    const result = simulate(
      input({
        horizonYears: 6,
        investments,
        loans: [{ label: "Lening", principal: 100_000, ratePct: 4, termYears: 20, type: "LINEAR" }],
      })
    );
    // Years 1..4 repay 5,000 each; year 5 (the last) repays the remaining 80,000.
    for (let t = 1; t <= 4; t++) expect(result.years[t].principalRepayment).toBeCloseTo(5_000, 9);
    expect(result.years[5].principalRepayment).toBeCloseTo(80_000, 9);
    expect(result.years[5].interest).toBeCloseTo(80_000 * 0.04, 9);
    expect(sum(column(result, "principalRepayment"))).toBeCloseTo(100_000, 9);
    const warning = result.warnings.find((w) => w.key === "simulation.warning.loanTermBeyondHorizon");
    expect(warning?.params).toEqual({ label: "Lening", year: 2031, amount: 80_000 });
  });

  it("a loan drawn in the last year is repaid in that same year", () => {
    const result = simulate(
      input({
        horizonYears: 3,
        loans: [{ label: "L", principal: 1_000, ratePct: 3, termYears: 10, yearOffset: 2 }],
      })
    );
    expect(result.years[2]).toMatchObject({ loanDrawdown: 1_000, principalRepayment: 1_000, interest: 0 });
    expect(warningKeys(result)).toContain("simulation.warning.loanTermBeyondHorizon");
  });

  it("counts loans in the funding gap and has no DSCR without debt", () => {
    const withLoan = simulate(
      input({
        equity: 20_000,
        investments,
        loans: [{ label: "L", principal: 30_000, ratePct: 2, termYears: 10 }],
      })
    );
    expect(withLoan.totals.fundingGap).toBeCloseTo(100_000 - 20_000 - 30_000, 9);
    expect(withLoan.metrics.minDscr).not.toBeNull();
    const noLoan = simulate(input({ investments }));
    expect(noLoan.metrics.minDscr).toBeNull();
    expect(warningKeys(noLoan)).not.toContain("simulation.warning.dscrBelowOne");
  });
});

describe("subsidy", () => {
  it("applies the base uplift on the amount excluding VAT", () => {
    const result = simulate(
      input({
        investments: [
          { label: "Werken", category: "RENOVATION", amount: 100_000, vatPct: 21, subsidyEligible: true },
        ],
        subsidy: { label: "Binnenlands Bestuur", ratePct: 30, baseUpliftPct: 7 },
      })
    );
    expect(result.years[0].subsidy).toBeCloseTo(32_100, 9);
  });

  it("cuts the running total at the cap, in order of the year received, then input order", () => {
    const result = simulate(
      input({
        horizonYears: 10,
        investments: [
          { label: "Later", category: "RESTORATION", amount: 100_000, yearOffset: 3, subsidyEligible: true },
          { label: "Eerst", category: "RESTORATION", amount: 100_000, yearOffset: 1, subsidyEligible: true },
          {
            label: "Ook eerst",
            category: "RESTORATION",
            amount: 100_000,
            yearOffset: 1,
            subsidyEligible: true,
          },
          { label: "Niet", category: "FEES", amount: 100_000, yearOffset: 0, subsidyEligible: false },
        ],
        subsidy: { label: "Premie", ratePct: 40, delayYears: 1, cap: 100_000 },
      })
    );
    // Year 2: 40,000 + 40,000; year 4: only 20,000 left under the cap.
    expect(result.years[2].subsidy).toBeCloseTo(80_000, 9);
    expect(result.years[4].subsidy).toBeCloseTo(20_000, 9);
    expect(result.totals.subsidy).toBeCloseTo(100_000, 9);
    const warning = result.warnings.find((w) => w.key === "simulation.warning.subsidyCapReached");
    expect(warning?.params).toEqual({ cap: 100_000, amount: 20_000 });
  });

  it("does not receive a subsidy that falls past the horizon, and warns", () => {
    const result = simulate(
      input({
        horizonYears: 5,
        investments: [
          { label: "Vroeg", category: "RESTORATION", amount: 10_000, yearOffset: 0, subsidyEligible: true },
          { label: "Laat", category: "RESTORATION", amount: 50_000, yearOffset: 3, subsidyEligible: true },
        ],
        subsidy: { label: "Premie", ratePct: 40, delayYears: 2 },
      })
    );
    expect(result.years[2].subsidy).toBeCloseTo(4_000, 9);
    expect(result.totals.subsidy).toBeCloseTo(4_000, 9);
    const warning = result.warnings.find((w) => w.key === "simulation.warning.subsidyBeyondHorizon");
    expect(warning?.params).toEqual({ label: "Laat", year: 2031, amount: 20_000 });
  });
});

describe("revenues and operating costs", () => {
  it("applies occupancy to revenues, indexation from t = 0, and the fromYear/untilYear window", () => {
    const result = simulate(
      input({
        horizonYears: 8,
        revenues: [
          {
            label: "Zaal",
            category: "EVENTS",
            amount: 10_000,
            indexationPct: 2,
            occupancyPct: 50,
            fromYear: 3,
            untilYear: 5,
          },
        ],
        operatingCosts: [
          {
            label: "Energie",
            category: "ENERGY",
            amount: 1_000,
            indexationPct: 3,
            fromYear: 0,
            untilYear: 1,
          },
        ],
      })
    );
    const revenues = column(result, "revenues");
    expect(revenues.slice(0, 3)).toEqual([0, 0, 0]);
    for (const t of [3, 4, 5]) expect(revenues[t]).toBeCloseTo(5_000 * 1.02 ** t, 9);
    expect(revenues.slice(6)).toEqual([0, 0]);
    const costs = column(result, "operatingCosts");
    expect(costs[0]).toBe(1_000);
    expect(costs[1]).toBeCloseTo(1_030, 9);
    expect(costs.slice(2).every((c) => c === 0)).toBe(true);
  });

  it("without revenues: costs only, first operating year from the costs", () => {
    const result = simulate(
      input({
        horizonYears: 4,
        investments: [{ label: "Werken", category: "RENOVATION", amount: 1_000, vatPct: 0 }],
        operatingCosts: [{ label: "Onderhoud", category: "MAINTENANCE", amount: 100, fromYear: 2 }],
      })
    );
    expect(sum(column(result, "revenues"))).toBe(0);
    expect(result.metrics.npv).toBeCloseTo(-1_000 - 100 / 1.04 ** 2 - 100 / 1.04 ** 3, 9);
    expect(result.metrics.breakEvenExtraRevenue).toBeCloseTo(
      -result.metrics.npv / (1.04 ** -2 + 1.04 ** -3),
      9
    );
    expect(result.metrics.irrPct).toBeNull();
    expect(result.metrics.paybackYear).toBeNull();
    expect(warningKeys(result)).toContain("simulation.warning.irrNone");
  });
});

describe("VAT", () => {
  const investments = [
    { label: "Werken", category: "RENOVATION", amount: 100_000, vatPct: 21 },
    { label: "Herbestemming woning", category: "RENOVATION", amount: 50_000, vatPct: 6 },
  ];

  it("is a cash cost when not recoverable", () => {
    const result = simulate(input({ investments }));
    expect(result.totals.vat).toBeCloseTo(24_000, 9);
    expect(result.totals.investmentCost).toBeCloseTo(174_000, 9);
    expect(result.years[0].projectCashFlow).toBeCloseTo(-174_000, 9);
  });

  it("is shown but not paid when recoverable", () => {
    const result = simulate(input({ investments, vatRecoverable: true }));
    expect(result.totals.vat).toBeCloseTo(24_000, 9);
    expect(result.totals.investmentCost).toBeCloseTo(150_000, 9);
    expect(result.years[0].projectCashFlow).toBeCloseTo(-150_000, 9);
    expect(result.totals.netInvestment).toBeCloseTo(150_000, 9);
  });
});

describe("one-year horizon", () => {
  it("simulates year 0 only, with the residual value in it", () => {
    const result = simulate(
      input({
        horizonYears: 1,
        investments: [{ label: "Werken", category: "OTHER", amount: 1_000, vatPct: 0 }],
        revenues: [{ label: "Huur", category: "RENT", amount: 500 }], // from year 1: none
        residualValue: 400,
      })
    );
    expect(result.years).toHaveLength(1);
    expect(result.years[0]).toMatchObject({
      year: 2026,
      revenues: 0,
      residualValue: 400,
      projectCashFlow: -600,
    });
    expect(result.metrics).toEqual({
      npv: -600,
      irrPct: null,
      paybackYear: null,
      breakEvenExtraRevenue: null,
      minDscr: null,
    });
    // The revenue's window (from year 1) lies past the horizon: flagged, not refused.
    expect(result.warnings.find((w) => w.key === "simulation.warning.lineOutsideHorizon")?.params).toEqual({
      label: "Huur",
      year: 2027,
    });
  });
});

describe("payback year", () => {
  const flows = (amounts: number[]) =>
    input({
      horizonYears: amounts.length,
      discountRatePct: 0,
      grants: amounts.flatMap((a, t) => (a > 0 ? [{ label: "g", amount: a, yearOffset: t }] : [])),
      investments: amounts.flatMap((a, t) =>
        a < 0 ? [{ label: "i", category: "OTHER", amount: -a, vatPct: 0, yearOffset: t }] : []
      ),
    });

  it("is the first year from which the running total stays >= 0", () => {
    expect(simulate(flows([-100, 150, -60, 20])).metrics.paybackYear).toBe(2029);
    expect(simulate(flows([-100, 100, 0])).metrics.paybackYear).toBe(2027);
    expect(simulate(flows([50, 10])).metrics.paybackYear).toBe(2026);
  });

  it("is none when the running total ends below 0", () => {
    expect(simulate(flows([-100, 150, -100, 10])).metrics.paybackYear).toBeNull();
  });
});

describe("irr", () => {
  it("finds a simple IRR", () => {
    expect(irr([-100, 110])).toBeCloseTo(10, 10);
    expect(irr([-1000, 0, 0, 1331])).toBeCloseTo(10, 10);
    expect(irr([100, -50])).toBeCloseTo(-50, 10);
  });

  it("takes the lowest rate when there are several", () => {
    // -100 + 230/(1+r) - 132/(1+r)^2 = 0 at 10 % and 20 %.
    expect(irr([-100, 230, -132])).toBeCloseTo(10, 8);
    expect(irr([100, -230, 132])).toBeCloseTo(10, 8);
  });

  it("includes 1000 % and excludes rates above it", () => {
    expect(irr([-1, 11])).toBeCloseTo(1000, 8);
    expect(irr([-1, 12])).toBeNull();
  });

  it("is none when the NPV never changes sign", () => {
    expect(irr([-100, -10])).toBeNull();
    expect(irr([100, 10])).toBeNull();
    expect(irr([0, 0, 0])).toBeNull();
    expect(irr([-100, 50, -10])).toBeNull(); // two sign changes, no real root above -99 %
  });

  it("reports at least 4 exact decimals", () => {
    const cf = [
      -1_000_000, 80_000, 80_000, 80_000, 80_000, 80_000, 80_000, 80_000, 80_000, 80_000, 1_080_000,
    ];
    expect(irr(cf)).toBeCloseTo(8, 10);
    const root = irr([-100, 20, 30, 40, 50])!;
    expect(Math.abs(npv([-100, 20, 30, 40, 50], root))).toBeLessThan(1e-9);
  });

  it("marks a missing IRR in the warnings", () => {
    const result = simulate(input({ investments: [{ label: "Werken", category: "OTHER", amount: 1_000 }] }));
    expect(result.metrics.irrPct).toBeNull();
    expect(warningKeys(result)).toContain("simulation.warning.irrNone");
  });
});
