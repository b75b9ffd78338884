// Documents of a dossier: list, read, upload, new versions, edit, soft delete, download.
// Every function takes the acting user and checks access itself: the dossier through
// requireDossierAccess (404 when it is not the user's), INTERNAL and deleted documents only
// for the bureau (404 for a municipality), writes only for the bureau (403).
import type { Readable } from "node:stream";
import { forbidden, notFound } from "~/features/auth/guards.server";
import { canUseAction } from "~/features/auth/permissions";
import type { SessionUser } from "~/features/auth/session.server";
import { diffFields, recordAudit } from "~/features/audit/audit.server";
import { requireDossierAccess } from "~/features/dossiers/access.server";
import type { Prisma } from "~/generated/prisma-sqlite/client";
import { db, lockKey } from "~/platform/db.server";
import { logger } from "~/platform/logger.server";
import { getStore, ObjectNotFoundError } from "~/platform/storage.server";
import { titleFromFileName } from "./file-names";
import { type DocumentKind, SHARED_VISIBILITIES, type Visibility } from "./schemas";
import type { ReceivedFile } from "./upload.server";

type Actor = Pick<SessionUser, "id" | "role" | "municipalities">;

export class DocumentConflictError extends Error {}

function seesInternal(user: Actor) {
  return canUseAction(user, "viewInternal");
}

/** Which documents of a dossier this user may see. */
function visibleWhere(user: Actor, dossierId: string): Prisma.DocumentWhereInput {
  return {
    dossierId,
    deletedAt: null,
    ...(seesInternal(user) ? {} : { visibility: { in: [...SHARED_VISIBILITIES] } }),
  };
}

/**
 * The dossier, when the user may change its documents. Call it before reading an upload's
 * body: a municipality's upload is refused before a byte is stored. Someone else's dossier
 * answers 404 (not 403), so its existence is not revealed.
 */
export async function requireDocumentEditAccess(user: Actor, dossierId: string) {
  const dossier = await requireDossierAccess(user, dossierId);
  if (!canUseAction(user, "editRegister")) forbidden();
  return dossier;
}

const versionSelect = {
  id: true,
  number: true,
  fileName: true,
  mimeType: true,
  size: true,
  createdAt: true,
  uploadedBy: { select: { name: true } },
} satisfies Prisma.DocumentVersionSelect;

export async function listDocuments({ user, dossierId }: { user: Actor; dossierId: string }) {
  const dossier = await requireDossierAccess(user, dossierId);
  const rows = await db.document.findMany({
    where: visibleWhere(user, dossier.id),
    select: {
      id: true,
      title: true,
      kind: true,
      visibility: true,
      createdAt: true,
      versions: { select: versionSelect, orderBy: { number: "desc" }, take: 1 },
      _count: { select: { versions: true } },
    },
  });
  const documents = rows
    .filter((row) => row.versions.length > 0)
    .map(({ versions, _count, ...row }) => ({ ...row, latest: versions[0], versionCount: _count.versions }))
    // Most recently uploaded first: that is what people come back for.
    .sort((a, b) => b.latest.createdAt.getTime() - a.latest.createdAt.getTime());
  return {
    dossier,
    documents,
    canEdit: canUseAction(user, "editRegister"),
    seesInternal: seesInternal(user),
  };
}

export async function getDocument({ user, dossierId, documentId }: { user: Actor; dossierId: string; documentId: string }) {
  const dossier = await requireDossierAccess(user, dossierId);
  const document = await db.document.findFirst({
    where: { id: documentId, ...visibleWhere(user, dossier.id) },
    select: {
      id: true,
      title: true,
      kind: true,
      visibility: true,
      createdAt: true,
      updatedAt: true,
      createdBy: { select: { name: true } },
      versions: { select: versionSelect, orderBy: { number: "desc" } },
    },
  });
  if (!document || document.versions.length === 0) notFound();
  return { dossier, document, canEdit: canUseAction(user, "editRegister") };
}

/** A stored file no version points at is removed again (it came with a failed upload). */
async function forgetIfUnreferenced(sha256: string) {
  const count = await db.documentVersion.count({ where: { sha256 } });
  if (count === 0) await getStore().delete(sha256);
}

/** Commits the staged file, then runs `write`; if the write fails, a newly stored file goes again. */
async function keepFileFor<T>(file: ReceivedFile, write: () => Promise<T>): Promise<T> {
  const { created } = await file.staged.commit();
  try {
    return await write();
  } catch (error) {
    if (created) await forgetIfUnreferenced(file.staged.sha256).catch(() => undefined);
    throw error;
  }
}

function uploadSummary(file: ReceivedFile, number: number) {
  return {
    version: number,
    fileName: file.fileName,
    // Kept when sanitising changed it, so the trail shows what the user actually sent.
    ...(file.originalName !== file.fileName ? { originalName: file.originalName.slice(0, 500) } : {}),
    mimeType: file.mimeType,
    size: file.staged.size,
  };
}

export async function createDocument({
  user,
  dossierId,
  input,
  file,
}: {
  user: Actor;
  dossierId: string;
  input: { title?: string; kind: DocumentKind; visibility: Visibility };
  file: ReceivedFile;
}) {
  const dossier = await requireDocumentEditAccess(user, dossierId);
  const title = input.title?.trim() || titleFromFileName(file.fileName);
  return keepFileFor(file, () =>
    db.$transaction(async (tx) => {
      const document = await tx.document.create({
        data: {
          dossierId: dossier.id,
          title,
          kind: input.kind,
          visibility: input.visibility,
          createdById: user.id,
          versions: {
            create: {
              number: 1,
              fileName: file.fileName,
              mimeType: file.mimeType,
              size: file.staged.size,
              sha256: file.staged.sha256,
              uploadedById: user.id,
            },
          },
        },
      });
      await recordAudit(
        {
          userId: user.id,
          action: "UPLOAD",
          entityType: "Document",
          entityId: document.id,
          dossierId: dossier.id,
          summary: { title, kind: input.kind, visibility: input.visibility, ...uploadSummary(file, 1) },
        },
        tx,
      );
      return document;
    }),
  );
}

function isUniqueViolation(error: unknown) {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

export async function addVersion({
  user,
  dossierId,
  documentId,
  file,
}: {
  user: Actor;
  dossierId: string;
  documentId: string;
  file: ReceivedFile;
}) {
  const dossier = await requireDocumentEditAccess(user, dossierId);
  return keepFileFor(file, async () => {
    // Uploads of one document take turns for the next number (lockKey); should a number
    // still be taken, the unique index refuses it and the upload takes the next one.
    for (let attempt = 1; ; attempt++) {
      try {
        return await db.$transaction(async (tx) => {
          await lockKey(tx, `document-version:${documentId}`);
          const document = await tx.document.findFirst({
            where: { id: documentId, dossierId: dossier.id, deletedAt: null },
            select: { id: true, versions: { select: { number: true }, orderBy: { number: "desc" }, take: 1 } },
          });
          if (!document) notFound();
          const number = (document.versions[0]?.number ?? 0) + 1;
          const version = await tx.documentVersion.create({
            data: {
              documentId: document.id,
              number,
              fileName: file.fileName,
              mimeType: file.mimeType,
              size: file.staged.size,
              sha256: file.staged.sha256,
              uploadedById: user.id,
            },
          });
          // Touch the document, so an edit form opened before this upload notices.
          await tx.document.update({ where: { id: document.id }, data: { updatedAt: new Date() } });
          await recordAudit(
            {
              userId: user.id,
              action: "UPLOAD",
              entityType: "Document",
              entityId: document.id,
              dossierId: dossier.id,
              summary: uploadSummary(file, number),
            },
            tx,
          );
          return version;
        });
      } catch (error) {
        if (attempt < 3 && isUniqueViolation(error)) continue;
        throw error;
      }
    }
  });
}

export async function updateDocument({
  user,
  dossierId,
  documentId,
  input,
}: {
  user: Actor;
  dossierId: string;
  documentId: string;
  input: { title: string; visibility: Visibility; updatedAt: string };
}) {
  const dossier = await requireDocumentEditAccess(user, dossierId);
  await db.$transaction(async (tx) => {
    const before = await tx.document.findFirst({
      where: { id: documentId, dossierId: dossier.id, deletedAt: null },
      select: { id: true, title: true, visibility: true, updatedAt: true },
    });
    if (!before) notFound();
    // Optimistic lock on updatedAt: the form names the state it was opened on.
    const { count } = await tx.document.updateMany({
      where: { id: before.id, updatedAt: new Date(input.updatedAt) },
      data: { title: input.title, visibility: input.visibility },
    });
    if (count !== 1) throw new DocumentConflictError();
    const changes = diffFields(
      { title: before.title, visibility: before.visibility as string },
      { title: input.title, visibility: input.visibility },
    );
    if (Object.keys(changes).length > 0) {
      await recordAudit(
        { userId: user.id, action: "UPDATE", entityType: "Document", entityId: before.id, dossierId: dossier.id, summary: changes },
        tx,
      );
    }
  });
}

/** Soft delete: hidden from every list and from municipalities; rows and files stay. */
export async function deleteDocument({ user, dossierId, documentId }: { user: Actor; dossierId: string; documentId: string }) {
  const dossier = await requireDocumentEditAccess(user, dossierId);
  await db.$transaction(async (tx) => {
    const { count } = await tx.document.updateMany({
      where: { id: documentId, dossierId: dossier.id, deletedAt: null },
      data: { deletedAt: new Date() },
    });
    if (count !== 1) notFound();
    const document = await tx.document.findUniqueOrThrow({ where: { id: documentId }, select: { title: true } });
    await recordAudit(
      { userId: user.id, action: "DELETE", entityType: "Document", entityId: documentId, dossierId: dossier.id, summary: { title: document.title } },
      tx,
    );
  });
}

export type Download = { stream: Readable; fileName: string; mimeType: string; size: number };

/**
 * A version's file, when the user may have it: the bureau any (deleted documents too: the
 * files are kept for the audit trail), a municipality only SHARED and PUBLIC documents of its
 * own dossiers that are not deleted. Everything else is 404.
 */
export async function openDownload({ user, versionId }: { user: Actor; versionId: string }): Promise<Download> {
  const version = await db.documentVersion.findUnique({
    where: { id: versionId },
    select: {
      id: true,
      number: true,
      fileName: true,
      mimeType: true,
      size: true,
      sha256: true,
      document: { select: { id: true, dossierId: true, visibility: true, deletedAt: true } },
    },
  });
  if (!version) notFound();
  const { document } = version;
  await requireDossierAccess(user, document.dossierId);
  if (!seesInternal(user) && (document.deletedAt || !SHARED_VISIBILITIES.includes(document.visibility))) notFound();
  let stream: Readable;
  try {
    stream = await getStore().get(version.sha256);
  } catch (error) {
    if (!(error instanceof ObjectNotFoundError)) throw error;
    logger.error({ versionId: version.id }, "document version has no stored file");
    notFound();
  }
  try {
    await recordAudit({
      userId: user.id,
      action: "DOWNLOAD",
      entityType: "DocumentVersion",
      entityId: version.id,
      dossierId: document.dossierId,
      summary: { documentId: document.id, version: version.number, fileName: version.fileName },
    });
  } catch (error) {
    // An open stream holds a file handle, or with S3 a pooled connection: give it back.
    stream.destroy();
    throw error;
  }
  return { stream, fileName: version.fileName, mimeType: version.mimeType, size: version.size };
}
