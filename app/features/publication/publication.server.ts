// Staff publishing of a completed dossier: prepare, edit, publish and unpublish its public
// case. Every function takes the acting user and checks the dossier through
// requireDossierAccess ("writeReport": staff only; others 403/404). Writes run in one
// transaction with their audit event and use optimistic locking on `version`.
import type { SessionUser } from "~/features/auth/session.server";
import { diffFields, recordAudit } from "~/features/audit/audit.server";
import { requireDossierAccess } from "~/features/dossiers/access.server";
import { db, type Prisma } from "~/platform/db.server";
import type { PublicationForm } from "./schemas";
import { type FunctionCategory, toPublicCase } from "./public-case";
import { invalidatePublishedCases, PUBLICATION_SELECT } from "./public-cases.server";
import { baseSlug, uniqueSlug } from "./slug";

/** A refusal the form shows: a message key, its parameters, and the field it is about. */
export class PublicationRefused extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number> = {},
    readonly field: string | null = null,
  ) {
    super(key);
  }
}

const EDITOR_SELECT = {
  ...PUBLICATION_SELECT,
  id: true,
  status: true,
  version: true,
  publishedAt: true,
  reportDocumentId: true,
  photos: { ...PUBLICATION_SELECT.photos, select: { ...PUBLICATION_SELECT.photos.select, documentId: true } },
} as const;

async function publicDocuments(dossierId: string, client: Prisma.TransactionClient | typeof db = db) {
  const documents = await client.document.findMany({
    where: { dossierId, visibility: "PUBLIC", deletedAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, title: true, kind: true, versions: { orderBy: { number: "desc" }, take: 1, select: { mimeType: true } } },
  });
  const isImage = (d: (typeof documents)[number]) => d.versions[0]?.mimeType.startsWith("image/") ?? false;
  return {
    photos: documents.filter(isImage).map((d) => ({ id: d.id, title: d.title })),
    reports: documents.filter((d) => !isImage(d) && d.versions.length > 0).map((d) => ({ id: d.id, title: d.title, kind: d.kind })),
  };
}

/** Everything the publishing tab shows. */
export async function getPublicationEditor({ user, dossierId }: { user: SessionUser; dossierId: string }) {
  const access = await requireDossierAccess(user, dossierId, "writeReport");
  const [dossier, publication, documents] = await Promise.all([
    db.dossier.findUniqueOrThrow({
      where: { id: access.id },
      select: {
        completedAt: true,
        church: { select: { name: true, municipality: { select: { name: true } } } },
        preferredScenario: { select: { functionCategory: true } },
      },
    }),
    db.casePublication.findUnique({ where: { dossierId: access.id }, select: EDITOR_SELECT }),
    publicDocuments(access.id),
  ]);
  const defaults = publication
    ? {
        title: publication.title,
        summary: publication.summary,
        functionCategory: publication.functionCategory as FunctionCategory,
        completionYear: publication.completionYear,
        designOffice: publication.designOffice ?? "",
        reportDocumentId: publication.reportDocumentId ?? "",
        version: publication.version,
      }
    : {
        title: `${dossier.church.name}, ${dossier.church.municipality.name}`,
        summary: "",
        functionCategory: (dossier.preferredScenario?.functionCategory ?? "OTHER") as FunctionCategory,
        completionYear: (dossier.completedAt ?? new Date()).getUTCFullYear(),
        designOffice: "",
        reportDocumentId: "",
        version: undefined,
      };
  const chosen = new Map(publication?.photos.map((p) => [p.documentId, p]) ?? []);
  const photos = documents.photos.map((d, i) => {
    const photo = chosen.get(d.id);
    return { documentId: d.id, title: d.title, include: !!photo, altText: photo?.altText ?? "", position: photo?.position ?? i };
  });
  return {
    dossier: { id: access.id, reference: access.reference, phase: access.phase },
    canPublish: access.phase === "COMPLETED",
    publication: publication
      ? { status: publication.status, slug: publication.slug, version: publication.version, slugFixed: publication.publishedAt !== null }
      : null,
    preview: publication ? toPublicCase(publication) : null,
    defaults,
    photos,
    reports: documents.reports,
  };
}

type SaveInput = Omit<PublicationForm, "intent">;

async function freshSlug(tx: Prisma.TransactionClient, title: string, municipality: string, ownId: string | null) {
  const base = baseSlug(title, municipality);
  const taken = await tx.casePublication.findMany({
    where: { slug: { startsWith: base }, ...(ownId ? { NOT: { id: ownId } } : {}) },
    select: { slug: true },
  });
  const set = new Set(taken.map((t) => t.slug));
  return uniqueSlug(base, (candidate) => set.has(candidate));
}

/**
 * Saves the public fields (creating the publication on first save); with `publish` the case
 * goes live in the same transaction. Refused unless the dossier is COMPLETED and every
 * chosen document is a PUBLIC document of this dossier.
 */
export async function savePublication({
  user,
  dossierId,
  input,
  publish,
}: {
  user: SessionUser;
  dossierId: string;
  input: SaveInput;
  publish: boolean;
}) {
  const access = await requireDossierAccess(user, dossierId, "writeReport");
  if (access.phase !== "COMPLETED") throw new PublicationRefused("publication.error.notCompleted", { phase: `dossiers.phase.${access.phase}` });
  const photos = input.photos.filter((p) => p.include);
  const result = await db.$transaction(async (tx) => {
    const documents = await publicDocuments(access.id, tx);
    const photoIds = new Set(documents.photos.map((d) => d.id));
    input.photos.forEach((p, i) => {
      if (p.include && !photoIds.has(p.documentId)) throw new PublicationRefused("publication.error.documentNotPublic", {}, `photos[${i}].altText`);
    });
    if (input.reportDocumentId && !documents.reports.some((d) => d.id === input.reportDocumentId)) {
      throw new PublicationRefused("publication.error.documentNotPublic", {}, "reportDocumentId");
    }
    const church = await tx.dossier.findUniqueOrThrow({
      where: { id: access.id },
      select: { church: { select: { municipality: { select: { name: true } } } } },
    });
    const existing = await tx.casePublication.findUnique({ where: { dossierId: access.id } });
    if (existing && input.version !== existing.version) throw new PublicationRefused("publication.error.conflict");
    if (!existing && input.version !== undefined) throw new PublicationRefused("publication.error.conflict");
    // The slug follows the title until the first publication; then it never changes.
    const slug = existing?.publishedAt ? existing.slug : await freshSlug(tx, input.title, church.church.municipality.name, existing?.id ?? null);
    const fields = {
      slug,
      title: input.title,
      summary: input.summary,
      functionCategory: input.functionCategory,
      completionYear: input.completionYear,
      designOffice: input.designOffice || null,
      reportDocumentId: input.reportDocumentId || null,
    };
    const goesLive = publish && existing?.status !== "PUBLISHED";
    let id: string;
    if (existing) {
      const { count } = await tx.casePublication.updateMany({
        where: { id: existing.id, version: existing.version },
        data: {
          ...fields,
          ...(publish ? { status: "PUBLISHED" as const } : {}),
          ...(goesLive ? { publishedAt: new Date() } : {}),
          version: { increment: 1 },
        },
      });
      if (count !== 1) throw new PublicationRefused("publication.error.conflict");
      id = existing.id;
      await tx.casePhoto.deleteMany({ where: { publicationId: id } });
      await recordAudit(
        { userId: user.id, action: "UPDATE", entityType: "CasePublication", entityId: id, dossierId: access.id, summary: { changes: diffFields(existing, fields), photos: photos.length } },
        tx,
      );
    } else {
      const created = await tx.casePublication.create({
        data: { ...fields, dossierId: access.id, status: publish ? "PUBLISHED" : "DRAFT", publishedAt: publish ? new Date() : null },
      });
      id = created.id;
      await recordAudit(
        { userId: user.id, action: "CREATE", entityType: "CasePublication", entityId: id, dossierId: access.id, summary: { slug, title: input.title, photos: photos.length } },
        tx,
      );
    }
    if (photos.length) {
      await tx.casePhoto.createMany({
        data: photos.map((p, i) => ({ publicationId: id, documentId: p.documentId, altText: p.altText ?? "", position: p.position ?? i })),
      });
    }
    if (goesLive) {
      await recordAudit({ userId: user.id, action: "PUBLISH", entityType: "CasePublication", entityId: id, dossierId: access.id, summary: { slug } }, tx);
    }
    return { id, slug, published: publish || existing?.status === "PUBLISHED" };
  });
  invalidatePublishedCases();
  return result;
}

/** Takes a published case offline; its slug stays reserved for a later re-publication. */
export async function unpublishCase({ user, dossierId, version }: { user: SessionUser; dossierId: string; version: number }) {
  const access = await requireDossierAccess(user, dossierId, "writeReport");
  await db.$transaction(async (tx) => {
    const existing = await tx.casePublication.findUnique({ where: { dossierId: access.id } });
    if (!existing || existing.status !== "PUBLISHED") throw new PublicationRefused("publication.error.notPublished");
    const { count } = await tx.casePublication.updateMany({
      where: { id: existing.id, version },
      data: { status: "UNPUBLISHED", version: { increment: 1 } },
    });
    if (count !== 1) throw new PublicationRefused("publication.error.conflict");
    await recordAudit(
      { userId: user.id, action: "UNPUBLISH", entityType: "CasePublication", entityId: existing.id, dossierId: access.id, summary: { slug: existing.slug } },
      tx,
    );
  });
  invalidatePublishedCases();
}
