// In-app notifications with an e-mail copy through the outbox. `notify` is called inside
// the transaction of the event it reports, so a notification exists exactly when the event
// does; the e-mails are delivered after the commit (deliverOutbox).
import type { SessionUser } from "~/features/auth/session.server";
import { notFound } from "~/features/auth/guards.server";
import type { Prisma } from "~/generated/prisma-sqlite/client";
import { db } from "~/platform/db.server";
import { getEnv } from "~/platform/env.server";
import { translate } from "~/platform/i18n/catalogue";
import { isLocale } from "~/platform/i18n/locales";
import { enqueueMail } from "~/platform/mail.server";

export const NOTIFICATION_KINDS = ["VERSION_SUBMITTED", "VERSION_APPROVED", "CHANGES_REQUESTED", "COMMENT_ADDED"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type NotificationPayload = { reference: string; scenario: string; version: number; by?: string; link: string };

type Tx = Prisma.TransactionClient;

/**
 * Who hears about a dossier: "staff" is the dossier's lead and team (all active staff when
 * it has none); "municipality" is every active user tied to the church's municipality.
 */
export async function dossierAudience(tx: Tx, dossierId: string, audience: "staff" | "municipality") {
  const dossier = await tx.dossier.findUniqueOrThrow({
    where: { id: dossierId },
    select: { leadId: true, members: { select: { userId: true } }, church: { select: { nisCode: true } } },
  });
  if (audience === "municipality") {
    const users = await tx.user.findMany({
      where: { role: "MUNICIPALITY", deactivatedAt: null, municipalities: { some: { nisCode: dossier.church.nisCode } } },
      select: { id: true },
    });
    return users.map((u) => u.id);
  }
  const team = new Set([dossier.leadId, ...dossier.members.map((m) => m.userId)].filter((id): id is string => Boolean(id)));
  const active = await tx.user.findMany({
    where: team.size ? { id: { in: [...team] }, deactivatedAt: null } : { role: { in: ["ADMIN", "STAFF"] }, deactivatedAt: null },
    select: { id: true },
  });
  return active.map((u) => u.id);
}

export async function notify(
  tx: Tx,
  input: { recipients: string[]; kind: NotificationKind; dossierId: string; versionId?: string; payload: NotificationPayload; exclude?: string },
) {
  const recipients = [...new Set(input.recipients)].filter((id) => id !== input.exclude);
  if (recipients.length === 0) return;
  const users = await tx.user.findMany({ where: { id: { in: recipients } }, select: { id: true, email: true, locale: true } });
  const base = getEnv().APP_URL ?? `http://localhost:${getEnv().PORT}`;
  for (const user of users) {
    await tx.notification.create({
      data: { userId: user.id, kind: input.kind, dossierId: input.dossierId, versionId: input.versionId ?? null, payload: JSON.stringify(input.payload) },
    });
    const locale = isLocale(user.locale) ? user.locale : "nl";
    const params = { ...input.payload, by: input.payload.by ?? "" };
    await enqueueMail(
      {
        to: user.email,
        subject: translate(locale, "notifications.mail.subject", params),
        body: `${translate(locale, `notifications.kind.${input.kind}`, params)}\n\n${translate(locale, "notifications.mail.footer", { url: `${base}${input.payload.link}` })}`,
      },
      tx,
    );
  }
}

export async function unreadCount(user: Pick<SessionUser, "id">) {
  return db.notification.count({ where: { userId: user.id, readAt: null } });
}

export async function listNotifications({ user, take = 100 }: { user: Pick<SessionUser, "id">; take?: number }) {
  const rows = await db.notification.findMany({ where: { userId: user.id }, orderBy: { createdAt: "desc" }, take });
  return rows.map((n) => ({ id: n.id, kind: n.kind, readAt: n.readAt, createdAt: n.createdAt, payload: JSON.parse(n.payload) as NotificationPayload }));
}

/** Marks one of the user's own notifications read; someone else's answers 404. */
export async function markRead({ user, id }: { user: Pick<SessionUser, "id">; id: string }) {
  const { count } = await db.notification.updateMany({ where: { id, userId: user.id, readAt: null }, data: { readAt: new Date() } });
  if (count === 0 && !(await db.notification.findFirst({ where: { id, userId: user.id }, select: { id: true } }))) notFound();
}

export async function markAllRead({ user }: { user: Pick<SessionUser, "id"> }) {
  await db.notification.updateMany({ where: { userId: user.id, readAt: null }, data: { readAt: new Date() } });
}
