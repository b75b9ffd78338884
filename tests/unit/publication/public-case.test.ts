import { describe, expect, it } from "vitest";
import { toCsv, toGeoJson } from "~/features/publication/open-data";
import { PUBLIC_CASE_KEYS, PUBLIC_PHOTO_KEYS, type PublicationSource, toPublicCase } from "~/features/publication/public-case";

const SECRETS = {
  applicantName: "Kerkfabriek Geheimzinnig Verbond",
  internalNotes: "Vertrouwelijk: de voorzitter wil verkopen aan projectontwikkelaar X",
  leadName: "Jozefien Vertrouwelijk",
  leadEmail: "jozefien.vertrouwelijk@example.test",
  passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g",
  internalDocTitle: "Intern verslag onderhandelingen bisdom",
  sharedDocTitle: "Gedeeld ontwerp met kostenraming",
  commentBody: "Interne opmerking: de schepen twijfelt nog",
  simulationInputs: '{"equity":987654.32,"loans":[{"label":"Lening bij Bank Geheim"}]}',
  meetingAttendees: "Meneer Aanwezig, Mevrouw Notulist",
  decisionNote: "Besluit achter gesloten deuren",
  owner: "Privé-eigenaar Pieters",
  street: "Geheime Kerkstraat 13",
  parish: "Parochie Verborgen",
  reportConclusions: "Vertrouwelijke conclusie over de financiële toestand",
};

/** A publication row as a careless query might return it: everything joined in. */
function leakyRow(): PublicationSource & Record<string, unknown> {
  const lead = { id: "u1", name: SECRETS.leadName, email: SECRETS.leadEmail, passwordHash: SECRETS.passwordHash, role: "STAFF" };
  return {
    id: "pub1",
    slug: "sint-annakerk-gent",
    status: "PUBLISHED",
    version: 7,
    title: "Sint-Annakerk wordt cultuurhuis",
    summary: "Een cultuurhuis in de kerk.",
    functionCategory: "CULTURE",
    completionYear: 2021,
    designOffice: "Atelier Publiek",
    reportDocumentId: "doc-report",
    reportDocument: { id: "doc-report", title: "Eindrapport (publiek)", visibility: "PUBLIC", deletedAt: null, createdBy: lead },
    photos: [
      { id: "ph2", altText: "Het koor met de nieuwe tribune", position: 2, documentId: "d2", document: { id: "d2", title: "koor.jpg", visibility: "PUBLIC", deletedAt: null, createdBy: lead } },
      { id: "ph1", altText: "De voorgevel", position: 1, documentId: "d1", document: { id: "d1", title: "gevel.jpg", visibility: "PUBLIC", deletedAt: null } },
      { id: "ph3", altText: "Interne foto", position: 0, documentId: "d3", document: { id: "d3", title: SECRETS.internalDocTitle, visibility: "INTERNAL", deletedAt: null } },
      { id: "ph4", altText: "Gedeelde foto", position: 3, documentId: "d4", document: { id: "d4", title: SECRETS.sharedDocTitle, visibility: "SHARED", deletedAt: null } },
      { id: "ph5", altText: "Verwijderde foto", position: 4, documentId: "d5", document: { id: "d5", title: "weg.jpg", visibility: "PUBLIC", deletedAt: new Date() } },
    ],
    dossier: {
      id: "dos1",
      reference: "HK-2020-014",
      applicantName: SECRETS.applicantName,
      internalNotes: SECRETS.internalNotes,
      lead,
      members: [{ user: lead }],
      documents: [
        { title: SECRETS.internalDocTitle, visibility: "INTERNAL" },
        { title: SECRETS.sharedDocTitle, visibility: "SHARED" },
      ],
      meetings: [{ attendees: SECRETS.meetingAttendees, notes: SECRETS.internalNotes }],
      decisions: [{ note: SECRETS.decisionNote }],
      finalReport: { conclusions: SECRETS.reportConclusions },
      scenarios: [{ versions: [{ inputs: SECRETS.simulationInputs, comments: [{ body: SECRETS.commentBody, author: lead, internal: true }] }] }],
      church: {
        id: "c1",
        name: "Sint-Annakerk",
        parish: SECRETS.parish,
        street: SECRETS.street,
        owner: SECRETS.owner,
        notes: SECRETS.internalNotes,
        lat: 51.0543219,
        lng: 3.7174243,
        protectionStatus: "PROTECTED",
        municipality: { nisCode: "44021", name: "Gent", province: "Oost-Vlaanderen", lat: 51.05, lng: 3.72 },
      },
    },
  } as unknown as PublicationSource & Record<string, unknown>;
}

/** Every key at every depth of a JSON value. */
function allKeys(value: unknown, path = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => allKeys(v, `${path}[${i}]`));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => [`${path}.${k}`, ...allKeys(v, `${path}.${k}`)]);
  }
  return [];
}

describe("the public serializer", () => {
  const output = toPublicCase(leakyRow());
  const json = JSON.stringify(output);

  it("outputs exactly the allowlisted keys, at every depth", () => {
    expect(Object.keys(output).sort()).toEqual([...PUBLIC_CASE_KEYS].sort());
    const top = new RegExp(`^\\.(${PUBLIC_CASE_KEYS.join("|")})$`);
    const photo = new RegExp(`^\\.photos\\[\\d+\\]\\.(${PUBLIC_PHOTO_KEYS.join("|")})$`);
    const paths = allKeys(output);
    expect(paths.length).toBeGreaterThan(PUBLIC_CASE_KEYS.length);
    for (const path of paths) expect(top.test(path) || photo.test(path), path).toBe(true);
    for (const photo of output.photos) expect(Object.keys(photo).sort()).toEqual([...PUBLIC_PHOTO_KEYS].sort());
  });

  it("never lets a value of a private field through, anywhere in the output", () => {
    for (const [name, secret] of Object.entries(SECRETS)) {
      expect(json, name).not.toContain(secret);
      // Also no telling fragment (an e-mail's local part, a name).
      expect(json.toLowerCase(), name).not.toContain(secret.slice(0, 12).toLowerCase());
    }
    for (const word of ["email", "password", "internal", "notes", "comment", "inputs", "applicant", "reference", "dossier", "lead", "owner", "street"]) {
      expect(json.toLowerCase()).not.toContain(`"${word}`);
    }
    expect(json).not.toContain("HK-2020-014");
    expect(json).not.toContain("@");
  });

  it("keeps only PUBLIC, undeleted photos, in their order, with their alt text and public URLs", () => {
    expect(output.photos).toEqual([
      { url: "/kaart/sint-annakerk-gent/foto/ph1", alt: "De voorgevel" },
      { url: "/kaart/sint-annakerk-gent/foto/ph2", alt: "Het koor met de nieuwe tribune" },
    ]);
  });

  it("links the report only when a PUBLIC document is published with it", () => {
    expect(output.reportUrl).toBe("/kaart/sint-annakerk-gent/eindrapport");
    const internal = leakyRow();
    internal.reportDocument = { visibility: "INTERNAL", deletedAt: null };
    expect(toPublicCase(internal).reportUrl).toBeNull();
    const none = leakyRow();
    none.reportDocument = null;
    expect(toPublicCase(none).reportUrl).toBeNull();
  });

  it("rounds coordinates to 5 decimals and falls back to the municipality's centre", () => {
    expect(output.lat).toBe(51.05432);
    expect(output.lng).toBe(3.71742);
    const unlocated = leakyRow();
    unlocated.dossier.church.lat = null;
    unlocated.dossier.church.lng = null;
    expect(toPublicCase(unlocated)).toMatchObject({ lat: 51.05, lng: 3.72 });
  });

  it("the GeoJSON and CSV built from it hold no private value either", () => {
    const geojson = toGeoJson([output], "https://kaart.example");
    const csv = toCsv([output], "https://kaart.example");
    for (const text of [geojson, csv]) for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
    const parsed = JSON.parse(geojson) as { type: string; features: { geometry: { coordinates: number[] }; properties: Record<string, unknown> }[] };
    expect(parsed.type).toBe("FeatureCollection");
    expect(parsed.features[0].geometry.coordinates).toEqual([3.71742, 51.05432]);
    expect(Object.keys(parsed.features[0].properties).sort()).toEqual(
      ["slug", "title", "functionCategory", "completionYear", "designOffice", "municipality", "nisCode", "province", "protectionStatus", "url"].sort(),
    );
  });
});
