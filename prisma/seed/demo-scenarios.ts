// Demo scenarios and simulation versions for the demo dossiers that reached SIMULATION or
// later: two or three believable scenarios each (variations on the worked example of
// docs/simulation.md), with versions in the statuses their phase implies:
//   SIMULATION: drafts only; REVIEW: one submitted version; REPORTING/COMPLETED: an approved
//   version (after a superseded first one) of the preferred scenario.
// Called by demo.ts inside its transaction, after the dossiers exist.
import { canonicalInputs, contentHash } from "~/features/simulation/canonical";
import { parseSimulationInput, type SimulationInput, type SimulationInputRaw } from "~/features/simulation/schema";
import type { Prisma } from "~/generated/prisma-sqlite/client";

type Tx = Prisma.TransactionClient;
type FunctionCategory = "LIBRARY" | "CULTURE" | "HOUSING" | "COMMUNITY_CENTRE" | "SHARED_WORSHIP" | "HOSPITALITY";

const DAY = 24 * 60 * 60 * 1000;
const PHASES = ["SIMULATION", "REVIEW", "REPORTING", "COMPLETED"] as const;

interface Template {
  name: string;
  description: string;
  functionCategory: FunctionCategory;
  programme: { function: string; areaM2: number }[];
  /** Inputs for a church of this size (m²), protected or not, starting in `startYear`. */
  inputs: (p: { startYear: number; area: number; heritage: boolean; k: number }) => SimulationInputRaw;
}

/** The works subsidy the church qualifies for: Erfgoedpremie when protected, else Binnenlands Bestuur. */
function subsidyFor(heritage: boolean) {
  return heritage
    ? { label: "Erfgoedpremie", ratePct: 40, baseUpliftPct: 0, delayYears: 1, cap: null }
    : { label: "Subsidie Binnenlands Bestuur", ratePct: 30, baseUpliftPct: 7, delayYears: 2, cap: 750000 };
}

const round = (v: number) => Math.round(v / 1000) * 1000;

const TEMPLATES: Template[] = [
  {
    name: "Bibliotheek in het schip, kapel in het koor",
    description: "De bibliotheek verhuist naar het schip; het koor blijft als stiltekapel voor de parochie.",
    functionCategory: "LIBRARY",
    programme: [
      { function: "Bibliotheek", areaM2: 640 },
      { function: "Leeszaal en studieplekken", areaM2: 180 },
      { function: "Stiltekapel", areaM2: 95 },
    ],
    inputs: ({ startYear, area, heritage, k }) => ({
      startYear,
      horizonYears: 30,
      discountRatePct: 4,
      equity: round(300000 * k),
      investments: [
        { label: "Restauratie dak en gevels", category: "RESTORATION", amount: round(1200000 * k), vatPct: 21, yearOffset: 0, subsidyEligible: true },
        { label: "Inbouw bibliotheek", category: "FIT_OUT", amount: round(650 * area), vatPct: 21, yearOffset: 1 },
        { label: "Erelonen", category: "FEES", amount: round(180000 * k), vatPct: 21, yearOffset: 0 },
      ],
      subsidy: subsidyFor(heritage),
      grants: [{ label: "Subsidie stadsvernieuwing", amount: 250000, yearOffset: 1 }],
      loans: [{ label: "Investeringslening", principal: round(900000 * k), ratePct: 3.2, termYears: 20, type: "ANNUITY", yearOffset: 0 }],
      revenues: [
        { label: "Huur bibliotheek", category: "RENT", amount: round(95000 * k), indexationPct: 2, fromYear: 2 },
        { label: "Verhuur zaal", category: "EVENTS", amount: 30000, indexationPct: 2, occupancyPct: 60, fromYear: 2 },
      ],
      operatingCosts: [
        { label: "Onderhoud", category: "MAINTENANCE", amount: round(28000 * k), indexationPct: 2.5, fromYear: 2 },
        { label: "Energie", category: "ENERGY", amount: round(22000 * k), indexationPct: 3, fromYear: 2 },
        { label: "Verzekering", category: "INSURANCE", amount: 6000, indexationPct: 2, fromYear: 1 },
      ],
    }),
  },
  {
    name: "Cultuurzaal met café",
    description: "Een polyvalente zaal voor concerten en voorstellingen in het schip, met een café in de zijbeuk.",
    functionCategory: "CULTURE",
    programme: [
      { function: "Polyvalente zaal", areaM2: 520 },
      { function: "Café", areaM2: 120 },
      { function: "Backstage en sanitair", areaM2: 90 },
    ],
    inputs: ({ startYear, area, heritage, k }) => ({
      startYear,
      horizonYears: 25,
      discountRatePct: 4,
      equity: round(200000 * k),
      investments: [
        { label: "Restauratie buitenschil", category: "RESTORATION", amount: round(950000 * k), vatPct: 21, yearOffset: 0, subsidyEligible: true },
        { label: "Technische installaties zaal", category: "INSTALLATIONS", amount: round(320 * area), vatPct: 21, yearOffset: 1 },
        { label: "Inrichting café", category: "FIT_OUT", amount: 140000, vatPct: 21, yearOffset: 1 },
        { label: "Onvoorzien", category: "CONTINGENCY", amount: round(90000 * k), vatPct: 21, yearOffset: 1 },
      ],
      subsidy: subsidyFor(heritage),
      grants: [{ label: "Projectsubsidie cultuur", amount: 120000, yearOffset: 1 }],
      loans: [{ label: "Lening bij de gemeente", principal: round(700000 * k), ratePct: 2.4, termYears: 25, type: "LINEAR", yearOffset: 0 }],
      revenues: [
        { label: "Zaalverhuur", category: "EVENTS", amount: round(70000 * k), indexationPct: 2, occupancyPct: 55, fromYear: 2 },
        { label: "Concessie café", category: "CONCESSION", amount: 36000, indexationPct: 2, fromYear: 2 },
      ],
      operatingCosts: [
        { label: "Onderhoud", category: "MAINTENANCE", amount: round(24000 * k), indexationPct: 2.5, fromYear: 2 },
        { label: "Energie", category: "ENERGY", amount: round(26000 * k), indexationPct: 3, fromYear: 2 },
        { label: "Zaalbeheer", category: "MANAGEMENT", amount: 18000, indexationPct: 2, fromYear: 2 },
      ],
    }),
  },
  {
    name: "Woningen in de zijbeuken, gemeenschapsruimte in het schip",
    description: "Twaalf woongelegenheden in de zijbeuken en een ruimte voor de buurt in het schip.",
    functionCategory: "HOUSING",
    programme: [
      { function: "Woningen (12)", areaM2: 960 },
      { function: "Gemeenschapsruimte", areaM2: 260 },
    ],
    inputs: ({ startYear, area, heritage, k }) => ({
      startYear,
      horizonYears: 30,
      discountRatePct: 3.5,
      equity: round(400000 * k),
      investments: [
        { label: "Restauratie en stabiliteit", category: "RESTORATION", amount: round(1100000 * k), vatPct: 21, yearOffset: 0, subsidyEligible: true },
        { label: "Inbouw woningen", category: "NEW_BUILD", amount: round(1450 * area), vatPct: 6, yearOffset: 1 },
        { label: "Erelonen", category: "FEES", amount: round(260000 * k), vatPct: 21, yearOffset: 0 },
      ],
      subsidy: subsidyFor(heritage),
      grants: [],
      loans: [
        { label: "Hypothecaire lening", principal: round(1600000 * k), ratePct: 3.6, termYears: 25, type: "ANNUITY", yearOffset: 1 },
        { label: "Renteloze lening Vlaams Woningfonds", principal: 250000, ratePct: 0, termYears: 15, type: "LINEAR", yearOffset: 1 },
      ],
      revenues: [
        { label: "Huur woningen", category: "RENT", amount: round(118000 * k), indexationPct: 2, occupancyPct: 95, fromYear: 2 },
        { label: "Verhuur gemeenschapsruimte", category: "EVENTS", amount: 9000, indexationPct: 1.5, occupancyPct: 70, fromYear: 2 },
      ],
      operatingCosts: [
        { label: "Onderhoud", category: "MAINTENANCE", amount: round(30000 * k), indexationPct: 2.5, fromYear: 2 },
        { label: "Beheer en syndicus", category: "MANAGEMENT", amount: 14000, indexationPct: 2, fromYear: 2 },
        { label: "Onroerende voorheffing", category: "TAXES", amount: 9500, indexationPct: 2, fromYear: 2 },
      ],
      residualValue: round(900000 * k),
    }),
  },
];

function parsed(raw: SimulationInputRaw): SimulationInput {
  const result = parseSimulationInput(raw);
  if (!result.success) throw new Error(`Demo scenario input invalid: ${JSON.stringify(result.issues)}`);
  return result.data;
}

/** A second version: a reviewer's remark taken into account (a larger contingency, a lower rent). */
function revised(input: SimulationInput): SimulationInput {
  return parsed({
    ...input,
    investments: [...input.investments, { label: "Onvoorzien (na opmerking gemeente)", category: "CONTINGENCY", amount: 60000, vatPct: 21, yearOffset: 1, subsidyEligible: false }],
    revenues: input.revenues.map((r, i) => (i === 0 ? { ...r, amount: Math.round(r.amount * 0.95) } : r)),
  });
}

export async function seedDemoScenarios(tx: Tx) {
  const dossiers = await tx.dossier.findMany({
    where: { isDemo: true, phase: { in: [...PHASES] } },
    orderBy: { reference: "asc" },
    include: { church: { select: { floorAreaM2: true, protectionStatus: true, nisCode: true } } },
  });
  const staff = await tx.user.findFirst({ where: { email: "team@herbestemming.test" }, select: { id: true } });
  let scenarios = 0;
  let versions = 0;
  for (const [n, dossier] of dossiers.entries()) {
    const reviewer = await tx.user.findFirst({
      where: { role: "MUNICIPALITY", municipalities: { some: { nisCode: dossier.church.nisCode } } },
      select: { id: true },
    });
    const author = dossier.leadId ?? staff?.id ?? null;
    const area = dossier.church.floorAreaM2 ?? 900;
    const k = Math.min(1.6, Math.max(0.6, area / 1000));
    const heritage = dossier.church.protectionStatus === "PROTECTED" || dossier.church.protectionStatus === "ESTABLISHED";
    const startYear = dossier.startDate.getUTCFullYear() + 1;
    const at = (days: number) => new Date(dossier.phaseChangedAt.getTime() - days * DAY);
    const count = 2 + (n % 2);
    const created: string[] = [];
    for (let i = 0; i < count; i++) {
      const template = TEMPLATES[(n + i) % TEMPLATES.length];
      const scenario = await tx.scenario.create({
        data: {
          dossierId: dossier.id,
          name: template.name,
          description: template.description,
          functionCategory: template.functionCategory,
          programme: JSON.stringify(template.programme),
          createdAt: at(60 - i),
        },
      });
      scenarios++;
      created.push(scenario.id);
      const input = parsed(template.inputs({ startYear, area, heritage, k: k * (1 + i * 0.08) }));
      const lead = i === 0 && dossier.phase !== "SIMULATION";
      if (!lead) {
        await tx.simulationVersion.create({
          data: { scenarioId: scenario.id, number: 1, inputs: canonicalInputs(input), createdById: author, createdAt: at(40 - i) },
        });
        versions++;
        continue;
      }
      if (dossier.phase === "REVIEW") {
        await tx.simulationVersion.create({
          data: {
            scenarioId: scenario.id,
            number: 1,
            status: "SUBMITTED",
            inputs: canonicalInputs(input),
            contentHash: await contentHash(input),
            createdById: author,
            submittedById: author,
            createdAt: at(30),
            submittedAt: at(2),
          },
        });
        versions++;
        continue;
      }
      // REPORTING / COMPLETED: v1 superseded after a request for changes, v2 approved.
      const v1 = await tx.simulationVersion.create({
        data: {
          scenarioId: scenario.id,
          number: 1,
          status: "SUPERSEDED",
          inputs: canonicalInputs(input),
          contentHash: await contentHash(input),
          createdById: author,
          submittedById: author,
          createdAt: at(80),
          submittedAt: at(70),
        },
      });
      const second = revised(input);
      const hash = await contentHash(second);
      const v2 = await tx.simulationVersion.create({
        data: {
          scenarioId: scenario.id,
          number: 2,
          status: "APPROVED",
          inputs: canonicalInputs(second),
          contentHash: hash,
          basedOnId: v1.id,
          createdById: author,
          submittedById: author,
          createdAt: at(50),
          submittedAt: at(40),
        },
      });
      versions += 2;
      if (reviewer) {
        await tx.review.create({
          data: {
            versionId: v1.id,
            decision: "CHANGES_REQUESTED",
            reason: "Graag een post onvoorzien toevoegen en de huurinkomsten voorzichtiger ramen.",
            userId: reviewer.id,
            nisCode: dossier.church.nisCode,
            versionHash: v1.contentHash!,
            createdAt: at(60),
          },
        });
        await tx.review.create({
          data: { versionId: v2.id, decision: "APPROVED", userId: reviewer.id, nisCode: dossier.church.nisCode, versionHash: hash, createdAt: at(20) },
        });
      }
      await tx.dossier.update({ where: { id: dossier.id }, data: { preferredScenarioId: scenario.id } });
    }
  }
  return { scenarios, versions };
}
