// Data access for dossiers. Every function takes the acting user and scopes by it.
import type { SessionUser } from "~/features/auth/session.server";
import { db } from "~/platform/db.server";
import { dossierScope } from "./access.server";
import type { Phase } from "./phases";

export const PAGE_SIZE = 25;

export async function listDossiers({ user, phase, q, page = 1 }: { user: SessionUser; phase?: Phase; q?: string; page?: number }) {
  const where = {
    AND: [
      dossierScope(user),
      phase ? { phase } : {},
      q ? { OR: [{ reference: { contains: q } }, { church: { name: { contains: q } } }] } : {},
    ],
  };
  const [total, rows] = await Promise.all([
    db.dossier.count({ where }),
    db.dossier.findMany({
      where,
      orderBy: [{ year: "desc" }, { seq: "desc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        reference: true,
        phase: true,
        startDate: true,
        church: { select: { name: true, municipality: { select: { name: true, province: true } } } },
      },
    }),
  ]);
  return { total, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)), rows };
}
