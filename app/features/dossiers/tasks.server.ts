// Tasks and milestones of a dossier, and "my tasks" across dossiers. Staff only; every
// change writes an audit event in the same transaction.
import { diffFields, recordAudit } from "~/features/audit/audit.server";
import { notFound } from "~/features/auth/guards.server";
import { isStaff } from "~/features/auth/permissions";
import type { SessionUser } from "~/features/auth/session.server";
import { db } from "~/platform/db.server";
import { requireDossierAccess } from "./access.server";
import { assertCanEdit, type FieldErrors, requireDossierEditAccess } from "./dossiers.server";
import type { TaskInput } from "./schemas";

type Actor = Pick<SessionUser, "id" | "role" | "municipalities">;

const TASK_SELECT = {
  id: true,
  phase: true,
  title: true,
  isMilestone: true,
  dueDate: true,
  doneAt: true,
  owner: { select: { id: true, name: true } },
} as const;

/** The dossier's tasks: open ones first by due date, then the done ones. */
export async function listTasks({ user, dossierId }: { user: Actor; dossierId: string }) {
  await requireDossierAccess(user, dossierId);
  const tasks = await db.task.findMany({
    where: { dossierId },
    orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    select: TASK_SELECT,
  });
  return [...tasks.filter((t) => !t.doneAt), ...tasks.filter((t) => t.doneAt)];
}

async function checkOwner(ownerId: string | undefined): Promise<FieldErrors | null> {
  if (!ownerId) return null;
  const owner = await db.user.findFirst({ where: { id: ownerId, role: { in: ["ADMIN", "STAFF"] }, deactivatedAt: null }, select: { id: true } });
  return owner ? null : { ownerId: ["error.invalidChoice"] };
}

function taskData(input: TaskInput) {
  return {
    title: input.title,
    phase: input.phase,
    ownerId: input.ownerId || null,
    dueDate: input.dueDate ?? null,
    isMilestone: input.isMilestone,
  };
}

/** A task of this dossier, or 404 (a task id from another dossier is not found here). */
async function requireTask(dossierId: string, taskId: string) {
  const task = await db.task.findFirst({ where: { id: taskId, dossierId } });
  if (!task) notFound();
  return task;
}

export type TaskResult = { ok: true } | { ok: false; fieldErrors: FieldErrors };

export async function createTask({ user, dossierId, input }: { user: Actor; dossierId: string; input: TaskInput }): Promise<TaskResult> {
  await requireDossierEditAccess(user, dossierId);
  const fieldErrors = await checkOwner(input.ownerId);
  if (fieldErrors) return { ok: false, fieldErrors };
  await db.$transaction(async (tx) => {
    const task = await tx.task.create({ data: { dossierId, ...taskData(input) } });
    await recordAudit(
      { userId: user.id, action: "CREATE", entityType: "Task", entityId: task.id, dossierId, summary: { title: task.title, phase: task.phase } },
      tx,
    );
  });
  return { ok: true };
}

export async function updateTask({
  user,
  dossierId,
  taskId,
  input,
}: {
  user: Actor;
  dossierId: string;
  taskId: string;
  input: TaskInput;
}): Promise<TaskResult> {
  await requireDossierEditAccess(user, dossierId);
  const before = await requireTask(dossierId, taskId);
  const fieldErrors = await checkOwner(input.ownerId);
  if (fieldErrors) return { ok: false, fieldErrors };
  const data = taskData(input);
  await db.$transaction(async (tx) => {
    await tx.task.update({ where: { id: taskId }, data });
    await recordAudit(
      { userId: user.id, action: "UPDATE", entityType: "Task", entityId: taskId, dossierId, summary: { title: data.title, changes: diffFields(before, data) } },
      tx,
    );
  });
  return { ok: true };
}

export async function setTaskDone({ user, dossierId, taskId, done }: { user: Actor; dossierId: string; taskId: string; done: boolean }) {
  await requireDossierEditAccess(user, dossierId);
  const task = await requireTask(dossierId, taskId);
  await db.$transaction(async (tx) => {
    await tx.task.update({ where: { id: taskId }, data: { doneAt: done ? new Date() : null } });
    await recordAudit(
      { userId: user.id, action: "UPDATE", entityType: "Task", entityId: taskId, dossierId, summary: { title: task.title, done } },
      tx,
    );
  });
}

export async function deleteTask({ user, dossierId, taskId }: { user: Actor; dossierId: string; taskId: string }) {
  await requireDossierEditAccess(user, dossierId);
  const task = await requireTask(dossierId, taskId);
  await db.$transaction(async (tx) => {
    await tx.task.delete({ where: { id: taskId } });
    await recordAudit(
      { userId: user.id, action: "DELETE", entityType: "Task", entityId: taskId, dossierId, summary: { title: task.title, phase: task.phase } },
      tx,
    );
  });
}

/** The acting staff member's tasks across dossiers: open first (earliest due first), then done. */
export async function listMyTasks({ user, show }: { user: Actor; show: "open" | "done" | "all" }) {
  assertCanEdit(user);
  if (!isStaff(user)) return [];
  const where = { ownerId: user.id, ...(show === "open" ? { doneAt: null } : show === "done" ? { doneAt: { not: null } } : {}) };
  const tasks = await db.task.findMany({
    where,
    orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    take: 500,
    select: { ...TASK_SELECT, dossier: { select: { id: true, reference: true, church: { select: { name: true } } } } },
  });
  return [...tasks.filter((t) => !t.doneAt), ...tasks.filter((t) => t.doneAt)];
}
