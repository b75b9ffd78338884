// Demo cases for the public map: a dozen completed, published studies spread over the five
// provinces, on their own demo churches and dossiers (references HK-20xx-9nn so they never
// clash with the other demo dossiers). Fictional, marked isDemo. Called from demo.ts inside
// its transaction: `await seedDemoCases(db)`.
import type { Prisma } from "~/generated/prisma-sqlite/client";

type Client = Prisma.TransactionClient;

type DemoCase = {
  church: string;
  municipality: string;
  protection: "NONE" | "INVENTORIED" | "ESTABLISHED" | "PROTECTED";
  year: number;
  fn: "CULTURE" | "LIBRARY" | "HOUSING" | "CARE" | "EDUCATION" | "SPORT" | "HOSPITALITY" | "OFFICES" | "COMMUNITY_CENTRE" | "SHARED_WORSHIP" | "OTHER";
  title: string;
  office: string | null;
  summary: string;
  /** Offset from the municipality's centre, so the church is not on the town hall. */
  dLat: number;
  dLng: number;
};

const CASES: DemoCase[] = [
  { church: "Sint-Augustinuskerk", municipality: "Antwerpen", protection: "INVENTORIED", year: 2019, fn: "CULTURE", title: "Sint-Augustinuskerk wordt muziekcentrum", office: "Atelier Scheldezicht", dLat: -0.012, dLng: 0.006, summary: "De neoclassicistische kerk kreeg een tweede leven als repetitie- en concertzaal voor ensembles uit de buurt.\n\nDe studie toonde dat de akoestiek van het schip zich uitstekend leent voor koormuziek; een lichte inbouw in de zijbeuken biedt plaats aan kleedruimtes en sanitair." },
  { church: "Sint-Gummaruskerk", municipality: "Lier", protection: "ESTABLISHED", year: 2020, fn: "LIBRARY", title: "Bibliotheek in de Sint-Gummaruskerk", office: "Bureau Nete & Co", dLat: 0.004, dLng: -0.008, summary: "De stedelijke bibliotheek verhuist naar het koor en de transepten; het schip blijft vrij voor lezingen en tentoonstellingen.\n\nDe haalbaarheidsstudie vergeleek drie scenario's; de bibliotheek scoorde het best op bezetting en exploitatie." },
  { church: "Heilig-Hartkerk", municipality: "Turnhout", protection: "NONE", year: 2021, fn: "HOUSING", title: "Heilig-Hartkerk: wonen rond een open schip", office: "Kempens Ontwerpcollectief", dLat: 0.009, dLng: 0.011, summary: "In de zijbeuken komen twaalf betaalbare woningen, het schip wordt een overdekte gemeenschappelijke tuin.\n\nDe sociale huisvestingsmaatschappij treedt op als bouwheer; de kerkfabriek behoudt een kleine kapel." },
  { church: "Sint-Michielskerk", municipality: "Leuven", protection: "PROTECTED", year: 2018, fn: "EDUCATION", title: "Sint-Michielskerk als aula voor de hogeschool", office: "Studio Dijle", dLat: -0.006, dLng: -0.004, summary: "Het beschermde barokke interieur blijft intact; verplaatsbaar meubilair maakt van de kerk een aula voor 300 studenten.\n\nDe hogeschool huurt de kerk op lange termijn en neemt het onderhoud voor haar rekening." },
  { church: "Sint-Jozefkerk", municipality: "Vilvoorde", protection: "NONE", year: 2020, fn: "SPORT", title: "Klimzaal in de Sint-Jozefkerk", office: "Zennevallei Architecten", dLat: 0.007, dLng: 0.005, summary: "De hoge betonnen gewelven van deze wederopbouwkerk bleken ideaal voor een klimzaal met boulderzone.\n\nEen sportclub en de gemeente delen de exploitatie; het onthaal komt in de voormalige sacristie." },
  { church: "Onze-Lieve-Vrouw-ter-Duinenkerk", municipality: "Oostende", protection: "INVENTORIED", year: 2017, fn: "HOSPITALITY", title: "Markthal met brasserie in de Duinenkerk", office: "Kustatelier", dLat: 0.005, dLng: -0.01, summary: "Een overdekte markt met streekproducten en een brasserie in het koor brengen opnieuw leven op het plein.\n\nDe studie rekende een realistische huurprijs uit die de restauratie van het dak mee financiert." },
  { church: "Sint-Elooiskerk", municipality: "Kortrijk", protection: "ESTABLISHED", year: 2019, fn: "COMMUNITY_CENTRE", title: "Buurthuis in de Sint-Elooiskerk", office: "Leie Ontwerpers", dLat: -0.008, dLng: 0.007, summary: "De kerk wordt een buurthuis met een polyvalente zaal, een repair café en een kinderhoek.\n\nDe eredienst blijft mogelijk op zondagvoormiddag in de afgescheiden dagkapel." },
  { church: "Sint-Niklaaskerk", municipality: "Brugge", protection: "PROTECTED", year: 2021, fn: "SHARED_WORSHIP", title: "Sint-Niklaaskerk: eredienst en cultuur onder één dak", office: "Atelier Reie", dLat: 0.01, dLng: 0.012, summary: "De parochie deelt de kerk met een cultuurvereniging: vieringen op zondag, concerten en tentoonstellingen in de week.\n\nEen beheersovereenkomst regelt de planning, de kosten en het gebruik van het orgel." },
  { church: "Sint-Pauluskerk", municipality: "Gent", protection: "INVENTORIED", year: 2018, fn: "CARE", title: "Dagcentrum voor ouderen in de Sint-Pauluskerk", office: "Bureau Lieve", dLat: 0.015, dLng: -0.012, summary: "Een woonzorgorganisatie richt de kerk in als dagcentrum met een grote leefruimte onder het gewelf.\n\nDe buurt kan de zaal 's avonds huren voor activiteiten." },
  { church: "Sint-Martinuskerk", municipality: "Aalst", protection: "ESTABLISHED", year: 2020, fn: "OFFICES", title: "Coworking in de Sint-Martinuskerk", office: "Dender Design", dLat: -0.005, dLng: 0.009, summary: "Een houten inbouw op twee niveaus biedt plaats aan veertig werkplekken en vergaderzalen, zonder de kerk aan te raken.\n\nDe constructie kan volledig weggenomen worden." },
  { church: "Sint-Lambertuskerk", municipality: "Hasselt", protection: "INVENTORIED", year: 2019, fn: "CULTURE", title: "Expo-ruimte in de Sint-Lambertuskerk", office: "Atelier Demer", dLat: 0.006, dLng: -0.007, summary: "Het stedelijk museum gebruikt de kerk voor tijdelijke tentoonstellingen van hedendaagse kunst.\n\nKlimaatbeheersing in een afgesloten volume in het schip maakt bruiklenen mogelijk." },
  { church: "Sint-Barbarakerk", municipality: "Genk", protection: "NONE", year: 2021, fn: "OTHER", title: "Sint-Barbarakerk wordt mijnerfgoedcentrum", office: null, dLat: -0.01, dLng: 0.01, summary: "De kerk van de oude mijncité wordt een bezoekerscentrum over het mijnverleden, met een archief van de buurtbewoners.\n\nVrijwilligers van de heemkundige kring onthalen de bezoekers." },
  { church: "Onze-Lieve-Vrouwekerk", municipality: "Tongeren-Borgloon", protection: "PROTECTED", year: 2017, fn: "SHARED_WORSHIP", title: "Gedeeld gebruik van de Onze-Lieve-Vrouwekerk", office: "Haspengouw Architecten", dLat: 0.004, dLng: 0.006, summary: "De kerk blijft parochiekerk en wordt tegelijk toeristisch onthaalpunt voor de Romeinse stad.\n\nEen nieuwe bezoekersroute leidt langs de schatkamer zonder de vieringen te storen." },
];

const PATH = ["INTAKE", "ACCEPTED", "KICKOFF", "RESEARCH", "SCENARIOS", "SIMULATION", "REVIEW", "REPORTING", "COMPLETED"] as const;
const DAY = 24 * 60 * 60 * 1000;

function slugify(text: string) {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Creates the demo cases; returns how many. */
export async function seedDemoCases(db: Client): Promise<number> {
  const municipalities = new Map((await db.municipality.findMany()).map((m) => [m.name, m]));
  const lead = await db.user.findFirst({ where: { role: "STAFF", isDemo: true }, orderBy: { createdAt: "asc" }, select: { id: true } });
  for (const [i, c] of CASES.entries()) {
    const m = municipalities.get(c.municipality);
    if (!m) throw new Error(`Demo case ${c.title}: unknown municipality ${c.municipality}`);
    const church = await db.church.create({
      data: {
        name: c.church,
        parish: `Parochie ${c.church.replace(/kerk$/, "")}`,
        street: `Kerkstraat ${3 + i}`,
        place: c.municipality,
        nisCode: m.nisCode,
        lat: Math.round((m.lat + c.dLat) * 1e6) / 1e6,
        lng: Math.round((m.lng + c.dLng) * 1e6) / 1e6,
        protectionStatus: c.protection,
        inventoryUri: c.protection === "NONE" ? null : `https://id.erfgoed.net/erfgoedobjecten/${990000 + i * 13}`,
        currentUse: c.fn === "SHARED_WORSHIP" ? "SHARED_USE" : "REPURPOSED",
        policyDestination: c.fn === "SHARED_WORSHIP" ? "SHARED_USE" : "REPURPOSE",
        isDemo: true,
      },
    });
    const start = new Date(Date.UTC(c.year - 1, 4, 1 + i));
    const completedAt = new Date(start.getTime() + (PATH.length - 1) * 25 * DAY);
    const seq = 901 + i;
    const dossier = await db.dossier.create({
      data: {
        reference: `HK-${c.year - 1}-${seq}`,
        year: c.year - 1,
        seq,
        churchId: church.id,
        applicantType: i % 2 ? "MUNICIPALITY" : "CHURCH_COUNCIL",
        applicantName: i % 2 ? `Gemeente ${c.municipality}` : `Kerkfabriek ${c.church}`,
        leadId: lead?.id ?? null,
        startDate: start,
        targetDate: new Date(start.getTime() + 180 * DAY),
        description: `Haalbaarheidsstudie voor de ${c.church} in ${c.municipality}.`,
        internalNotes: "Interne demo-notitie: nooit publiek.",
        phase: "COMPLETED",
        phaseChangedAt: completedAt,
        completedAt,
        isDemo: true,
        transitions: {
          create: PATH.map((to, k) => ({
            fromPhase: k === 0 ? null : PATH[k - 1],
            toPhase: to,
            byId: lead?.id ?? null,
            at: new Date(start.getTime() + k * 25 * DAY),
          })),
        },
      },
    });
    await db.casePublication.create({
      data: {
        dossierId: dossier.id,
        slug: slugify(`${c.title} ${c.title.includes(c.municipality) ? "" : c.municipality}`),
        status: "PUBLISHED",
        title: c.title,
        summary: c.summary,
        functionCategory: c.fn,
        completionYear: c.year,
        designOffice: c.office,
        publishedAt: new Date(completedAt.getTime() + 30 * DAY),
      },
    });
  }
  return CASES.length;
}
