// The public serializer: the ONLY place that turns a case publication into public output.
// Map, list, case pages, GeoJSON and CSV all go through toPublicCase, which copies an
// explicit allowlist of fields and nothing else, so personal data (names, e-mails),
// internal or shared documents, comments, notes and simulation inputs can never leak,
// whatever the caller selected from the database. Pure: no Prisma, no React, no I/O.
import { PROTECTION_STATUSES, type ProtectionStatus } from "~/features/churches/protection";
import { FUNCTION_CATEGORIES, type FunctionCategory } from "~/features/scenarios/function-categories";

export { FUNCTION_CATEGORIES, PROTECTION_STATUSES, type FunctionCategory, type ProtectionStatus };

export const PROVINCES = ["Antwerpen", "Limburg", "Oost-Vlaanderen", "Vlaams-Brabant", "West-Vlaanderen"] as const;

/** A document as far as publishing cares: only PUBLIC, undeleted documents may appear. */
type SourceDocument = { visibility: string; deletedAt: Date | string | null };

/** What the serializer reads. Callers may pass richer rows; everything else is ignored. */
export type PublicationSource = {
  slug: string;
  title: string;
  summary: string;
  functionCategory: FunctionCategory;
  completionYear: number;
  designOffice: string | null;
  reportDocument?: SourceDocument | null;
  photos: { id: string; altText: string; position: number; document: SourceDocument }[];
  dossier: {
    church: {
      lat: number | null;
      lng: number | null;
      protectionStatus: ProtectionStatus;
      municipality: { nisCode: string; name: string; province: string; lat?: number; lng?: number };
    };
  };
};

export type PublicPhoto = { url: string; alt: string };

export type PublicCase = {
  slug: string;
  url: string;
  title: string;
  summary: string;
  functionCategory: FunctionCategory;
  completionYear: number;
  designOffice: string | null;
  municipality: string;
  nisCode: string;
  province: string;
  protectionStatus: ProtectionStatus;
  lat: number;
  lng: number;
  photos: PublicPhoto[];
  reportUrl: string | null;
};

/** Every key a PublicCase may have (tests check the output against it). */
export const PUBLIC_CASE_KEYS = [
  "slug",
  "url",
  "title",
  "summary",
  "functionCategory",
  "completionYear",
  "designOffice",
  "municipality",
  "nisCode",
  "province",
  "protectionStatus",
  "lat",
  "lng",
  "photos",
  "reportUrl",
] as const satisfies readonly (keyof PublicCase)[];
export const PUBLIC_PHOTO_KEYS = ["url", "alt"] as const satisfies readonly (keyof PublicPhoto)[];

export function casePath(slug: string) {
  return `/kaart/${encodeURIComponent(slug)}`;
}

export function photoPath(slug: string, photoId: string) {
  return `${casePath(slug)}/foto/${encodeURIComponent(photoId)}`;
}

export function reportPath(slug: string) {
  return `${casePath(slug)}/eindrapport`;
}

function isPublicDocument(doc: SourceDocument | null | undefined): boolean {
  return !!doc && doc.visibility === "PUBLIC" && !doc.deletedAt;
}

/** 5 decimals is about 1 m: precise enough for a church, and it keeps downloads small. */
export function roundCoordinate(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}

export function toPublicCase(source: PublicationSource): PublicCase {
  const church = source.dossier.church;
  const municipality = church.municipality;
  // A church without coordinates is shown at its municipality's centre rather than hidden.
  const lat = church.lat ?? municipality.lat ?? 0;
  const lng = church.lng ?? municipality.lng ?? 0;
  return {
    slug: source.slug,
    url: casePath(source.slug),
    title: source.title,
    summary: source.summary,
    functionCategory: source.functionCategory,
    completionYear: source.completionYear,
    designOffice: source.designOffice ?? null,
    municipality: municipality.name,
    nisCode: municipality.nisCode,
    province: municipality.province,
    protectionStatus: church.protectionStatus,
    lat: roundCoordinate(lat),
    lng: roundCoordinate(lng),
    photos: [...source.photos]
      .filter((photo) => isPublicDocument(photo.document))
      .sort((a, b) => a.position - b.position)
      .map((photo) => ({ url: photoPath(source.slug, photo.id), alt: photo.altText })),
    reportUrl: isPublicDocument(source.reportDocument) ? reportPath(source.slug) : null,
  };
}
