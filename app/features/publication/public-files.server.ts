// The files of a public case: its photos and its public final report. Served only while
// the case is PUBLISHED and the document is PUBLIC and not deleted; staff may also see them
// on a draft (the preview). Everything else is 404, so nothing reveals an unpublished case.
import type { Readable } from "node:stream";
import { notFound } from "~/features/auth/guards.server";
import { isStaff, type Role } from "~/features/auth/permissions";
import { db } from "~/platform/db.server";
import { logger } from "~/platform/logger.server";
import { getStore, ObjectNotFoundError } from "~/platform/storage.server";

const IMAGE_TYPES = new Set(["image/jpeg", "image/png", "image/webp"]);

export type PublicFile = { stream: Readable; fileName: string; mimeType: string; size: number; published: boolean };

type Viewer = { role: Role } | null;

const VERSION_SELECT = {
  visibility: true,
  deletedAt: true,
  versions: { orderBy: { number: "desc" as const }, take: 1, select: { sha256: true, mimeType: true, size: true, fileName: true } },
};

async function open(
  document: { visibility: string; deletedAt: Date | null; versions: { sha256: string; mimeType: string; size: number; fileName: string }[] } | null,
  status: string,
  viewer: Viewer,
): Promise<PublicFile> {
  const published = status === "PUBLISHED";
  if (!published && !(viewer && isStaff(viewer))) notFound();
  const version = document?.versions[0];
  if (!document || !version || document.visibility !== "PUBLIC" || document.deletedAt) notFound();
  try {
    const stream = await getStore().get(version.sha256);
    return { stream, fileName: version.fileName, mimeType: version.mimeType, size: version.size, published };
  } catch (error) {
    if (!(error instanceof ObjectNotFoundError)) throw error;
    logger.error({ sha256: version.sha256 }, "public case file is missing from the store");
    notFound();
  }
}

export async function openCasePhoto({ slug, photoId, viewer }: { slug: string; photoId: string; viewer: Viewer }): Promise<PublicFile> {
  const photo = await db.casePhoto.findFirst({
    where: { id: photoId, publication: { slug } },
    select: { publication: { select: { status: true } }, document: { select: VERSION_SELECT } },
  });
  if (!photo) notFound();
  const file = await open(photo.document, photo.publication.status, viewer);
  if (!IMAGE_TYPES.has(file.mimeType)) {
    file.stream.destroy();
    notFound();
  }
  return file;
}

export async function openCaseReport({ slug, viewer }: { slug: string; viewer: Viewer }): Promise<PublicFile> {
  const publication = await db.casePublication.findUnique({
    where: { slug },
    select: { status: true, reportDocument: { select: VERSION_SELECT } },
  });
  if (!publication?.reportDocument) notFound();
  return open(publication.reportDocument, publication.status, viewer);
}
