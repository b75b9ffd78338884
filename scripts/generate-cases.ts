/**
 * `npm run generate:cases -- 2000`: adds N synthetic published cases (church, COMPLETED
 * dossier with its phase transition, published CasePublication) to DATABASE_URL, for tests
 * and benchmarks. Rows are marked isDemo; references are HK-<year>-<seq> above every
 * existing seq of that year. Refuses NODE_ENV=production.
 */
import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import { baseSlug, uniqueSlug } from "../app/features/publication/slug";
import type { Prisma, PrismaClient } from "../app/generated/prisma-sqlite/client";

const FUNCTIONS = ["CULTURE", "LIBRARY", "HOUSING", "CARE", "EDUCATION", "SPORT", "HOSPITALITY", "OFFICES", "COMMUNITY_CENTRE", "SHARED_WORSHIP", "OTHER"] as const;
const PROTECTION = ["NONE", "INVENTORIED", "ESTABLISHED", "PROTECTED"] as const;
const SAINTS = ["Sint-Pieters", "Sint-Martinus", "Sint-Jozef", "Onze-Lieve-Vrouw", "Sint-Niklaas", "Sint-Antonius", "Heilig-Hart", "Sint-Jan-Baptist", "Sint-Lambertus", "Sint-Amandus", "Sint-Catharina", "Sint-Gertrudis", "Sint-Michiels", "Sint-Bavo", "Sint-Quintinus", "Sint-Denijs"];
const WHAT: Record<(typeof FUNCTIONS)[number], string[]> = {
  CULTURE: ["wordt cultuurhuis", "als concertzaal", "wordt theater"],
  LIBRARY: ["wordt bibliotheek", "als leeszaal"],
  HOUSING: ["met woningen", "wordt woonproject"],
  CARE: ["wordt zorgcentrum", "als dagcentrum"],
  EDUCATION: ["als schoolaula", "wordt academie"],
  SPORT: ["wordt sporthal", "als klimzaal"],
  HOSPITALITY: ["wordt brasserie", "als markthal"],
  OFFICES: ["met kantoren", "als coworking"],
  COMMUNITY_CENTRE: ["wordt buurthuis", "als ontmoetingsplek"],
  SHARED_WORSHIP: ["in gedeeld gebruik", "voor eredienst en cultuur"],
  OTHER: ["krijgt een nieuwe bestemming", "wordt bezoekerscentrum"],
};
const OFFICES = ["Atelier Noord", "Bureau Kerkplein", "Studio Gewelf", "Ontwerpcollectief Schip", "Architecten Transept", "Atelier Toren", null];
const SENTENCES = [
  "De studie vergeleek drie scenario's met elk een eigen financiële simulatie.",
  "De lokale projectgroep koos het scenario met de beste bezetting.",
  "Een lichte inbouw houdt de kerk omkeerbaar.",
  "De gemeente en de kerkfabriek sloten een erfpachtovereenkomst.",
  "Participatie met de buurt stuurde het programma bij.",
  "Het dak en de torenspits worden eerst gerestaureerd.",
  "De exploitatie sluit na tien jaar met een positief saldo.",
];

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

const CHUNK = 500;

/** Adds `count` published synthetic cases; returns how many were made. */
export async function generateCases(client: PrismaClient, count: number, seed = 1): Promise<number> {
  const random = rng(seed);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const municipalities = await client.municipality.findMany();
  if (!municipalities.length) throw new Error("No municipalities: run the seed (reference data) first.");
  const taken = new Set((await client.casePublication.findMany({ select: { slug: true } })).map((p) => p.slug));
  const nextSeq = new Map<number, number>();
  for (const row of await client.dossier.groupBy({ by: ["year"], _max: { seq: true } })) nextSeq.set(row.year, (row._max.seq ?? 0) + 1);

  const churches: Prisma.ChurchCreateManyInput[] = [];
  const dossiers: Prisma.DossierCreateManyInput[] = [];
  const transitions: Prisma.PhaseTransitionCreateManyInput[] = [];
  const publications: Prisma.CasePublicationCreateManyInput[] = [];
  for (let i = 0; i < count; i++) {
    const m = pick(municipalities);
    const fn = pick(FUNCTIONS);
    const churchName = `${pick(SAINTS)}kerk`;
    const year = 2016 + Math.floor(random() * 10);
    const seq = nextSeq.get(year - 1) ?? 1;
    nextSeq.set(year - 1, seq + 1);
    const churchId = randomUUID();
    const dossierId = randomUUID();
    const completedAt = new Date(Date.UTC(year, Math.floor(random() * 12), 1 + Math.floor(random() * 28)));
    const title = `${churchName} ${pick(WHAT[fn])}`;
    const slug = uniqueSlug(baseSlug(title, m.name), (s) => taken.has(s));
    taken.add(slug);
    churches.push({
      id: churchId,
      name: churchName,
      nisCode: m.nisCode,
      place: m.name,
      lat: Math.round((m.lat + (random() - 0.5) * 0.06) * 1e6) / 1e6,
      lng: Math.round((m.lng + (random() - 0.5) * 0.09) * 1e6) / 1e6,
      protectionStatus: pick(PROTECTION),
      currentUse: "REPURPOSED",
      policyDestination: "REPURPOSE",
      isDemo: true,
    });
    dossiers.push({
      id: dossierId,
      reference: `HK-${year - 1}-${String(seq).padStart(3, "0")}`,
      year: year - 1,
      seq,
      churchId,
      applicantType: "CHURCH_COUNCIL",
      applicantName: `Kerkfabriek ${churchName}`,
      startDate: new Date(completedAt.getTime() - 200 * 86_400_000),
      phase: "COMPLETED",
      phaseChangedAt: completedAt,
      completedAt,
      isDemo: true,
    });
    transitions.push({ dossierId, fromPhase: "REPORTING", toPhase: "COMPLETED", at: completedAt, reason: "Synthetische case" });
    publications.push({
      dossierId,
      slug,
      status: "PUBLISHED",
      title,
      summary: `${pick(SENTENCES)} ${pick(SENTENCES)}`,
      functionCategory: fn,
      completionYear: year,
      designOffice: pick(OFFICES),
      publishedAt: new Date(completedAt.getTime() + 30 * 86_400_000),
    });
  }
  await client.$transaction(async (tx) => {
    for (let i = 0; i < count; i += CHUNK) {
      await tx.church.createMany({ data: churches.slice(i, i + CHUNK) });
      await tx.dossier.createMany({ data: dossiers.slice(i, i + CHUNK) });
      await tx.phaseTransition.createMany({ data: transitions.slice(i, i + CHUNK) });
      await tx.casePublication.createMany({ data: publications.slice(i, i + CHUNK) });
    }
  }, { timeout: 120_000 });
  return count;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const count = Number(process.argv[2] ?? "2000");
  if (!Number.isInteger(count) || count < 1 || count > 100_000) {
    console.error("Usage: npm run generate:cases -- <count 1..100000>");
    process.exit(1);
  }
  if (process.env.NODE_ENV === "production") {
    console.error("NODE_ENV=production: synthetic cases are never added to a production database.");
    process.exit(1);
  }
  // No top-level await: the benchmark imports this module.
  void import("../app/platform/db.server").then(({ db }) =>
    generateCases(db, count)
      .then((n) => console.log(`Added ${n} synthetic published cases.`))
      .catch((error: unknown) => {
        console.error(`Generating cases failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exitCode = 1;
      })
      .finally(() => db.$disconnect()),
  );
}
