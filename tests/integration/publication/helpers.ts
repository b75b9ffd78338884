// Fixtures for the publication tests: a church with a dossier in a given phase and its
// documents of every visibility.
import { randomUUID } from "node:crypto";
import { invalidatePublishedCases } from "~/features/publication/public-cases.server";
import { db } from "~/platform/db.server";

let seq = 100;

export async function makeDossier(options: { phase?: "COMPLETED" | "REPORTING"; nisCode?: string; churchName?: string } = {}) {
  const nisCode = options.nisCode ?? "44021";
  const church = await db.church.create({
    data: {
      name: options.churchName ?? `Sint-Testkerk ${randomUUID().slice(0, 4)}`,
      nisCode,
      lat: 51.0543219,
      lng: 3.7174243,
      protectionStatus: "PROTECTED",
      owner: "Kerkfabriek Geheim",
      notes: "interne kerknotitie",
    },
  });
  seq++;
  const dossier = await db.dossier.create({
    data: {
      reference: `HK-2020-${seq}`,
      year: 2020,
      seq,
      churchId: church.id,
      applicantType: "CHURCH_COUNCIL",
      applicantName: "Kerkfabriek Geheimzinnig",
      startDate: new Date("2020-01-01"),
      internalNotes: "Vertrouwelijke notitie",
      phase: options.phase ?? "COMPLETED",
      completedAt: options.phase === "REPORTING" ? null : new Date("2021-06-01"),
    },
  });
  const doc = (title: string, visibility: "INTERNAL" | "SHARED" | "PUBLIC", kind: "PHOTO" | "FINAL_REPORT", mimeType: string) =>
    db.document.create({
      data: {
        dossierId: dossier.id,
        title,
        kind,
        visibility,
        versions: { create: { number: 1, fileName: `${title}.bin`, mimeType, size: 10, sha256: randomUUID().replace(/-/g, "") } },
      },
    });
  const publicPhoto = await doc("Voorgevel", "PUBLIC", "PHOTO", "image/jpeg");
  const internalPhoto = await doc("Interne foto", "INTERNAL", "PHOTO", "image/jpeg");
  const publicReport = await doc("Eindrapport publiek", "PUBLIC", "FINAL_REPORT", "application/pdf");
  const sharedReport = await doc("Eindrapport gedeeld", "SHARED", "FINAL_REPORT", "application/pdf");
  return { church, dossier, publicPhoto, internalPhoto, publicReport, sharedReport };
}

/** For rows written straight to the database (not through the feature). */
export function dataChanged() {
  invalidatePublishedCases();
}
