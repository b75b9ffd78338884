// Demo data, clearly marked (isDemo): fictional churches, dossiers and people, so a newcomer
// sees a living app. Never run against production (the seed refuses NODE_ENV=production).
import { hashPassword } from "~/features/auth/password.server";
import type { PrismaClient } from "~/generated/prisma-sqlite/client";
import { seedDemoCases } from "./demo-cases";
import { seedDemoScenarios } from "./demo-scenarios";

export const DEMO_PASSWORD = "kerk-demo-2026";

export const DEMO_ACCOUNTS = [
  { email: "admin@herbestemming.test", name: "An Admin", role: "ADMIN", municipalities: [] },
  { email: "team@herbestemming.test", name: "Tom Team", role: "STAFF", municipalities: [] },
  { email: "gent@herbestemming.test", name: "Griet Gent", role: "MUNICIPALITY", municipalities: ["44021"] },
  { email: "leuven@herbestemming.test", name: "Lode Leuven", role: "MUNICIPALITY", municipalities: ["24062"] },
] as const;

/** A small deterministic PRNG, so every demo database looks the same. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// [church name, parish, municipality]: eight per province, fictional but typical names.
const CHURCHES: [string, string, string][] = [
  ["Sint-Jozefkerk", "Sint-Jozef", "Antwerpen"],
  ["Sint-Willibrorduskerk", "Sint-Willibrordus", "Antwerpen"],
  ["Sint-Bavokerk", "Sint-Bavo", "Mechelen"],
  ["Onze-Lieve-Vrouw-Hemelvaartkerk", "OLV-Hemelvaart", "Turnhout"],
  ["Sint-Pieterskerk", "Sint-Pieter", "Geel"],
  ["Sint-Martinuskerk", "Sint-Martinus", "Lier"],
  ["Sint-Antonius Abtkerk", "Sint-Antonius Abt", "Herentals"],
  ["Heilig-Hartkerk", "Heilig Hart", "Mol"],
  ["Sint-Kwintenskerk", "Sint-Kwinten", "Leuven"],
  ["Sint-Jan-de-Doperkerk", "Sint-Jan-de-Doper", "Leuven"],
  ["Sint-Antoniuskerk", "Sint-Antonius", "Leuven"],
  ["Sint-Martinuskerk", "Sint-Martinus", "Halle"],
  ["Sint-Niklaaskerk", "Sint-Niklaas", "Vilvoorde"],
  ["Onze-Lieve-Vrouwekerk", "OLV", "Tienen"],
  ["Sint-Catharinakerk", "Sint-Catharina", "Diest"],
  ["Sint-Gertrudiskerk", "Sint-Gertrudis", "Aarschot"],
  ["Sint-Jacobskerk", "Sint-Jacob", "Brugge"],
  ["Sint-Michielskerk", "Sint-Michiel", "Kortrijk"],
  ["Sint-Maartenskerk", "Sint-Maarten", "Ieper"],
  ["Sint-Bertinuskerk", "Sint-Bertinus", "Poperinge"],
  ["Sint-Amanduskerk", "Sint-Amandus", "Roeselare"],
  ["Sint-Pieterskerk", "Sint-Pieter", "Oostende"],
  ["Sint-Niklaaskerk", "Sint-Niklaas", "Veurne"],
  ["Sint-Medarduskerk", "Sint-Medardus", "Wervik"],
  ["Sint-Jozef-Arbeiderkerk", "Sint-Jozef-Arbeider", "Gent"],
  ["Sint-Annakerk", "Sint-Anna", "Gent"],
  ["Sint-Macharius-kerk", "Sint-Macharius", "Gent"],
  ["Heilig-Kerstkerk", "Heilig Kerst", "Gent"],
  ["Sint-Martinuskerk", "Sint-Martinus", "Aalst"],
  ["Sint-Hermeskerk", "Sint-Hermes", "Ronse"],
  ["Sint-Niklaaskerk", "Sint-Niklaas", "Sint-Niklaas"],
  ["Onze-Lieve-Vrouwekerk", "OLV", "Dendermonde"],
  ["Sint-Quintinuskerk", "Sint-Quintinus", "Hasselt"],
  ["Sint-Martinuskerk", "Sint-Martinus", "Genk"],
  ["Onze-Lieve-Vrouw-Geboortekerk", "OLV-Geboorte", "Tongeren-Borgloon"],
  ["Sint-Trudokerk", "Sint-Trudo", "Sint-Truiden"],
  ["Sint-Sulpitiuskerk", "Sint-Sulpitius", "Beringen"],
  ["Sint-Lambertuskerk", "Sint-Lambertus", "Bilzen-Hoeselt"],
  ["Sint-Pieterskerk", "Sint-Pieter", "Lommel"],
  ["Sint-Jan-Baptistkerk", "Sint-Jan-Baptist", "Maasmechelen"],
];

const PERIODS = ["Romaans, 12e eeuw", "Gotisch, 15e eeuw", "Neogotisch, 1875", "Neoromaans, 1902", "Interbellum, 1932", "Wederopbouw, 1958", "Modernistisch, 1968"];
const PROTECTION = ["NONE", "INVENTORIED", "ESTABLISHED", "PROTECTED"] as const;
const CONDITIONS = ["GOOD", "FAIR", "POOR", "BAD"] as const;
const USES = ["WORSHIP", "SHARED_USE", "PARTLY_UNUSED", "VACANT"] as const;
const DESTINATIONS = ["SHARED_USE", "REPURPOSE", "REPURPOSE", "UNDECIDED", "WORSHIP"] as const;

// The phase each of the 25 demo dossiers has reached, spread over the whole trajectory.
const DOSSIER_PHASES = [
  "INTAKE", "INTAKE", "ACCEPTED", "REJECTED", "KICKOFF", "KICKOFF", "RESEARCH", "RESEARCH", "RESEARCH",
  "SCENARIOS", "SCENARIOS", "SIMULATION", "SIMULATION", "REVIEW", "REVIEW", "REPORTING", "REPORTING",
  "COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED", "ON_HOLD", "STOPPED", "SCENARIOS", "RESEARCH",
] as const;

const FORWARD = ["INTAKE", "ACCEPTED", "KICKOFF", "RESEARCH", "SCENARIOS", "SIMULATION", "REVIEW", "REPORTING", "COMPLETED"] as const;

/** The phases a dossier passed through to reach `target`, for a believable timeline. */
function pathTo(target: (typeof DOSSIER_PHASES)[number]): string[] {
  if (target === "REJECTED") return ["INTAKE", "REJECTED"];
  if (target === "ON_HOLD") return ["INTAKE", "ACCEPTED", "KICKOFF", "RESEARCH", "ON_HOLD"];
  if (target === "STOPPED") return ["INTAKE", "ACCEPTED", "KICKOFF", "STOPPED"];
  return FORWARD.slice(0, FORWARD.indexOf(target) + 1) as unknown as string[];
}

const DAY = 24 * 60 * 60 * 1000;

export async function seedDemo(client: PrismaClient) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  // All or nothing: a failed seed leaves an empty database that the next start seeds again.
  return client.$transaction((tx) => seedDemoRows(tx as unknown as PrismaClient, passwordHash), { timeout: 120_000 });
}

async function seedDemoRows(db: PrismaClient, passwordHash: string) {
  const random = rng(2026);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)];

  const users: Record<string, string> = {};
  for (const account of DEMO_ACCOUNTS) {
    const user = await db.user.create({
      data: {
        email: account.email,
        name: account.name,
        role: account.role,
        passwordHash,
        isDemo: true,
        municipalities: { create: account.municipalities.map((nisCode) => ({ nisCode })) },
      },
    });
    users[account.email] = user.id;
  }
  const extraStaff = await db.user.create({
    data: { email: "els.peeters@herbestemming.test", name: "Els Peeters", role: "STAFF", passwordHash, isDemo: true },
  });
  const staff = [users["team@herbestemming.test"], extraStaff.id];

  const municipalities = await db.municipality.findMany();
  const byName = new Map(municipalities.map((m) => [m.name, m]));

  const churchIds: string[] = [];
  for (const [i, [name, parish, municipalityName]] of CHURCHES.entries()) {
    const m = byName.get(municipalityName);
    if (!m) throw new Error(`Demo church ${name}: unknown municipality ${municipalityName}`);
    const protection = pick(PROTECTION);
    const church = await db.church.create({
      data: {
        name,
        parish: `Parochie ${parish}`,
        street: `Kerkplein ${1 + (i % 9)}`,
        postalCode: null,
        place: municipalityName,
        nisCode: m.nisCode,
        lat: Math.round((m.lat + (random() - 0.5) * 0.03) * 1e6) / 1e6,
        lng: Math.round((m.lng + (random() - 0.5) * 0.04) * 1e6) / 1e6,
        protectionStatus: protection,
        inventoryUri: protection === "NONE" ? null : `https://id.erfgoed.net/erfgoedobjecten/${900000 + i * 37}`,
        buildingPeriod: pick(PERIODS),
        floorAreaM2: Math.round(350 + random() * 1400),
        condition: pick(CONDITIONS),
        owner: random() < 0.8 ? `Kerkfabriek ${parish}` : `Gemeente ${municipalityName}`,
        currentUse: pick(USES),
        policyDestination: pick(DESTINATIONS),
        isDemo: true,
      },
    });
    churchIds.push(church.id);
  }

  const calls = [];
  for (const [i, year] of [2023, 2024, 2025, 2026].entries()) {
    calls.push(
      await db.call.create({
        data: {
          number: i + 1,
          title: `Oproep ${i + 1}: haalbaarheidsstudies ${year}`,
          opensOn: new Date(Date.UTC(year, 0, 15)),
          closesOn: new Date(Date.UTC(year, 3, 30)),
          description: "Demo-oproep voor kerkfabrieken en gemeenten met een goedgekeurd kerkenbeleidsplan.",
        },
      }),
    );
  }

  // Gent's and Leuven's churches get dossiers all along the trajectory, including one
  // waiting for each municipality's review, so both demo accounts have something to do.
  const LOCAL_SLOTS = [13, 4, 0, 14, 11, 15, 6]; // REVIEW, KICKOFF, INTAKE | REVIEW, SIMULATION, REPORTING, RESEARCH
  const local = [...churchIds.keys()].filter((i) => ["Leuven", "Gent"].includes(CHURCHES[i][2]));
  const others = [...churchIds.keys()].filter((i) => !local.includes(i));
  const order: number[] = [];
  local.forEach((churchIndex, k) => (order[LOCAL_SLOTS[k]] = churchIndex));
  for (let n = 0; n < DOSSIER_PHASES.length; n++) if (order[n] === undefined) order[n] = others.shift()!;
  const seqPerYear = new Map<number, number>();
  for (const [n, phase] of DOSSIER_PHASES.entries()) {
    const churchIndex = order[n];
    const call = calls[n % calls.length];
    const year = call.opensOn.getUTCFullYear();
    const seq = (seqPerYear.get(year) ?? 0) + 1;
    seqPerYear.set(year, seq);
    const start = new Date(call.closesOn.getTime() + (10 + n * 3) * DAY);
    const path = pathTo(phase);
    const lead = staff[n % staff.length];
    const applicantIsCouncil = n % 3 !== 0;
    const [churchName, parish, municipalityName] = CHURCHES[churchIndex];
    const dossier = await db.dossier.create({
      data: {
        reference: `HK-${year}-${String(seq).padStart(3, "0")}`,
        year,
        seq,
        churchId: churchIds[churchIndex],
        callId: call.id,
        applicantType: applicantIsCouncil ? "CHURCH_COUNCIL" : "MUNICIPALITY",
        applicantName: applicantIsCouncil ? `Kerkfabriek ${parish}` : `Gemeente ${municipalityName}`,
        leadId: lead,
        startDate: start,
        targetDate: new Date(start.getTime() + 180 * DAY),
        description: `Haalbaarheidsstudie naar een nieuwe of gedeelde bestemming voor de ${churchName} in ${municipalityName}.`,
        internalNotes: "Interne demo-notitie: contactpersoon kerkfabriek is vlot bereikbaar.",
        phase,
        phaseBeforeHold: phase === "ON_HOLD" ? "RESEARCH" : null,
        phaseChangedAt: new Date(start.getTime() + (path.length - 1) * 20 * DAY),
        completedAt: phase === "COMPLETED" ? new Date(start.getTime() + (path.length - 1) * 20 * DAY) : null,
        isDemo: true,
        members: { create: [{ userId: lead }] },
      },
    });
    for (const [k, to] of path.entries()) {
      await db.phaseTransition.create({
        data: {
          dossierId: dossier.id,
          fromPhase: k === 0 ? null : (path[k - 1] as never),
          toPhase: to as never,
          reason:
            to === "ON_HOLD"
              ? "Wachten op de goedkeuring van het kerkenbeleidsplan."
              : to === "STOPPED"
                ? "De kerkfabriek trekt de aanvraag in."
                : to === "REJECTED"
                  ? "Geen kerkenbeleidsplan met een bestemming voor deze kerk."
                  : null,
          byId: lead,
          at: new Date(start.getTime() + k * 20 * DAY),
        },
      });
    }
    if (path.includes("KICKOFF")) {
      await db.meeting.create({
        data: {
          dossierId: dossier.id,
          kind: "KICKOFF",
          date: new Date(start.getTime() + 45 * DAY),
          attendees: "Projectbureau, kerkfabriek, schepen van erediensten, ontwerpteam",
          notes: "Afspraken over planning, lokale projectgroep en participatie.",
          createdById: lead,
        },
      });
      await db.task.createMany({
        data: [
          { dossierId: dossier.id, phase: "KICKOFF", title: "Startvergadering plannen", ownerId: lead, dueDate: new Date(start.getTime() + 40 * DAY), doneAt: new Date(start.getTime() + 38 * DAY) },
          { dossierId: dossier.id, phase: "RESEARCH", title: "Plaatsbezoek en bouwfysische analyse", ownerId: lead, dueDate: new Date(start.getTime() + 70 * DAY), doneAt: FORWARD.indexOf(phase as never) > 3 ? new Date(start.getTime() + 66 * DAY) : null },
          { dossierId: dossier.id, phase: "RESEARCH", title: "Participatiemoment met buurtbewoners", ownerId: lead, dueDate: new Date(Date.now() + ((n % 5) - 2) * 7 * DAY), isMilestone: true, doneAt: null },
        ],
      });
    }
  }
  // Published cases first, so the scenario seed gives their dossiers approved versions too.
  const cases = await seedDemoCases(db);
  const scenarios = await seedDemoScenarios(db);
  return {
    users: Object.keys(users).length + 1,
    churches: churchIds.length + cases,
    dossiers: DOSSIER_PHASES.length + cases,
    cases,
    scenarios,
  };
}
