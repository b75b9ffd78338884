// Notifications of review events, written inside the event's transaction.
import { dossierAudience, type NotificationKind, notify } from "~/features/notifications/notifications.server";
import type { Prisma } from "~/generated/prisma-sqlite/client";
import { logger } from "~/platform/logger.server";
import { deliverOutbox } from "~/platform/mail.server";

/** Delivers the queued e-mails after the commit; a failure stays in the outbox for a retry. */
export function deliverLater() {
  deliverOutbox().catch((error: unknown) => logger.warn({ err: error }, "outbox delivery failed"));
}

export function reviewLink(versionId: string) {
  return `/beoordelingen/${versionId}`;
}

export async function notifyReviewEvent(
  tx: Prisma.TransactionClient,
  event: {
    kind: NotificationKind;
    audiences: ("staff" | "municipality")[];
    dossierId: string;
    reference: string;
    scenario: string;
    version: { id: string; number: number };
    actor: { id: string; name: string };
  },
) {
  const recipients: string[] = [];
  for (const audience of event.audiences) recipients.push(...(await dossierAudience(tx, event.dossierId, audience)));
  await notify(tx, {
    recipients,
    kind: event.kind,
    dossierId: event.dossierId,
    versionId: event.version.id,
    exclude: event.actor.id,
    payload: {
      reference: event.reference,
      scenario: event.scenario,
      version: event.version.number,
      by: event.actor.name,
      link: reviewLink(event.version.id),
    },
  });
}

/**
 * For the simulation feature's submit: tells the dossier's municipality users that a version
 * waits for their review, inside the submit's transaction. Deliver the mail with
 * deliverLater() after the commit.
 */
export async function notifyVersionSubmitted(tx: Prisma.TransactionClient, { versionId, byId }: { versionId: string; byId: string }) {
  const version = await tx.simulationVersion.findUniqueOrThrow({
    where: { id: versionId },
    select: { id: true, number: true, scenario: { select: { name: true, dossier: { select: { id: true, reference: true } } } } },
  });
  const by = await tx.user.findUniqueOrThrow({ where: { id: byId }, select: { id: true, name: true } });
  await notifyReviewEvent(tx, {
    kind: "VERSION_SUBMITTED",
    audiences: ["municipality"],
    dossierId: version.scenario.dossier.id,
    reference: version.scenario.dossier.reference,
    scenario: version.scenario.name,
    version,
    actor: by,
  });
}
