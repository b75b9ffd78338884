// Comments on a submitted version, in threads and optionally about one input row. Internal
// comments are for bureau staff only: they are filtered out here, in the query, so no page,
// loader, download or API built on these functions can hand one to a municipality user.
import { recordAudit } from "~/features/audit/audit.server";
import { forbidden, notFound } from "~/features/auth/guards.server";
import { canUseAction, isStaff } from "~/features/auth/permissions";
import { readStoredInputs } from "~/features/simulation/canonical";
import type { Prisma } from "~/generated/prisma-sqlite/client";
import { db } from "~/platform/db.server";
import { type Actor, requireReviewVersion } from "./access.server";
import { ReviewRefusal } from "./errors";
import { isInputPath } from "./input-rows";
import { deliverLater, notifyReviewEvent } from "./notify.server";

/** The comments this user may see: municipality users never get internal ones. */
export function commentWhere(user: Pick<Actor, "role">, versionId: string): Prisma.CommentWhereInput {
  return isStaff(user) ? { versionId } : { versionId, internal: false };
}

/** Before reading a comment form: 404 for a version that is not the user's, 403 for a role that may not comment. */
export async function assertMayComment(user: Actor, versionId: string) {
  await requireReviewVersion(user, versionId);
  if (!canUseAction(user, "commentVersion")) forbidden();
}

export async function listComments({ user, versionId }: { user: Actor; versionId: string }) {
  await requireReviewVersion(user, versionId);
  return db.comment.findMany({
    where: commentWhere(user, versionId),
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      parentId: true,
      body: true,
      inputPath: true,
      internal: true,
      createdAt: true,
      author: { select: { name: true, role: true } },
    },
  });
}

export async function addComment({
  user,
  versionId,
  body,
  inputPath,
  parentId,
  internal,
}: {
  user: Actor;
  versionId: string;
  body: string;
  inputPath?: string | null;
  parentId?: string | null;
  internal?: boolean;
}) {
  const { version, dossier } = await requireReviewVersion(user, versionId);
  if (!canUseAction(user, "commentVersion")) forbidden();
  // Only staff may write internal comments; a municipality form never offers it.
  if (internal && !isStaff(user)) forbidden();
  let parentInternal = false;
  if (parentId) {
    // A parent on another version, or one the user may not see, is not theirs to answer.
    const parent = await db.comment.findFirst({ where: { id: parentId, ...commentWhere(user, versionId) }, select: { internal: true } });
    if (!parent) notFound();
    parentInternal = parent.internal;
  }
  if (inputPath && !isInputPath(readStoredInputs(version.inputs), inputPath)) {
    throw new ReviewRefusal("review.error.unknownRow", "inputPath", 400);
  }
  // A reply in an internal thread stays internal, or the municipality would read half a thread.
  const isInternal = Boolean(internal) || parentInternal;
  const comment = await db.$transaction(async (tx) => {
    const created = await tx.comment.create({
      data: { versionId, parentId: parentId || null, authorId: user.id, body, inputPath: inputPath || null, internal: isInternal },
    });
    await recordAudit(
      {
        userId: user.id,
        action: "CREATE",
        entityType: "Comment",
        entityId: created.id,
        dossierId: dossier.id,
        summary: { versionId, number: version.number, internal: isInternal, inputPath: created.inputPath, reply: Boolean(parentId) },
      },
      tx,
    );
    await notifyReviewEvent(tx, {
      kind: "COMMENT_ADDED",
      audiences: isInternal ? ["staff"] : ["staff", "municipality"],
      dossierId: dossier.id,
      reference: dossier.reference,
      scenario: version.scenario.name,
      version,
      actor: user,
    });
    return created;
  });
  deliverLater();
  return comment;
}
