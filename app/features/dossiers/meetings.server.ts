// Meetings of a dossier (kick-off, site visit, participation, steering group). Staff edit
// them; the dossier's municipality reads them. Every change is audited.
import { diffFields, recordAudit } from "~/features/audit/audit.server";
import { notFound } from "~/features/auth/guards.server";
import type { SessionUser } from "~/features/auth/session.server";
import { db } from "~/platform/db.server";
import { requireDossierAccess } from "./access.server";
import { requireDossierEditAccess } from "./dossiers.server";
import type { MeetingInput } from "./schemas";

type Actor = Pick<SessionUser, "id" | "role" | "municipalities">;

export async function listMeetings({ user, dossierId }: { user: Actor; dossierId: string }) {
  await requireDossierAccess(user, dossierId);
  return db.meeting.findMany({
    where: { dossierId },
    orderBy: [{ date: "desc" }, { createdAt: "desc" }],
    select: { id: true, kind: true, date: true, attendees: true, notes: true, createdBy: { select: { name: true } } },
  });
}

function meetingData(input: MeetingInput) {
  return { kind: input.kind, date: input.date, attendees: input.attendees ?? null, notes: input.notes ?? null };
}

async function requireMeeting(dossierId: string, meetingId: string) {
  const meeting = await db.meeting.findFirst({ where: { id: meetingId, dossierId } });
  if (!meeting) notFound();
  return meeting;
}

export async function createMeeting({ user, dossierId, input }: { user: Actor; dossierId: string; input: MeetingInput }) {
  await requireDossierEditAccess(user, dossierId);
  await db.$transaction(async (tx) => {
    const meeting = await tx.meeting.create({ data: { dossierId, createdById: user.id, ...meetingData(input) } });
    await recordAudit(
      { userId: user.id, action: "CREATE", entityType: "Meeting", entityId: meeting.id, dossierId, summary: { kind: meeting.kind, date: meeting.date } },
      tx,
    );
  });
}

export async function updateMeeting({
  user,
  dossierId,
  meetingId,
  input,
}: {
  user: Actor;
  dossierId: string;
  meetingId: string;
  input: MeetingInput;
}) {
  await requireDossierEditAccess(user, dossierId);
  const before = await requireMeeting(dossierId, meetingId);
  const data = meetingData(input);
  await db.$transaction(async (tx) => {
    await tx.meeting.update({ where: { id: meetingId }, data });
    await recordAudit(
      { userId: user.id, action: "UPDATE", entityType: "Meeting", entityId: meetingId, dossierId, summary: { kind: data.kind, changes: diffFields(before, data) } },
      tx,
    );
  });
}

export async function deleteMeeting({ user, dossierId, meetingId }: { user: Actor; dossierId: string; meetingId: string }) {
  await requireDossierEditAccess(user, dossierId);
  const meeting = await requireMeeting(dossierId, meetingId);
  await db.$transaction(async (tx) => {
    await tx.meeting.delete({ where: { id: meetingId } });
    await recordAudit(
      { userId: user.id, action: "DELETE", entityType: "Meeting", entityId: meetingId, dossierId, summary: { kind: meeting.kind, date: meeting.date } },
      tx,
    );
  });
}
