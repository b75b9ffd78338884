// A dossier's audit trail for bureau staff: every recorded event, newest first, paged.
import { forbidden } from "~/features/auth/guards.server";
import { canUseAction } from "~/features/auth/permissions";
import type { SessionUser } from "~/features/auth/session.server";
import { db } from "~/platform/db.server";
import { requireDossierAccess } from "./access.server";

export const AUDIT_PAGE_SIZE = 50;

export async function listDossierAudit({ user, id, page }: { user: Pick<SessionUser, "role" | "municipalities">; id: string; page: number }) {
  await requireDossierAccess(user, id);
  if (!canUseAction(user, "viewInternal")) forbidden();
  const where = { dossierId: id };
  const [total, events] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: { id: true, at: true, action: true, entityType: true, summary: true, user: { select: { name: true } } },
    }),
  ]);
  return { total, page, pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)), events };
}
