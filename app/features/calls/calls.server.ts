// Calls for applications (oproepen): list with application counts, detail, create, edit.
// Every function takes the acting user and checks the permission itself.
import { forbidden, notFound } from "~/features/auth/guards.server";
import { canUseAction } from "~/features/auth/permissions";
import type { SessionUser } from "~/features/auth/session.server";
import { diffFields, recordAudit } from "~/features/audit/audit.server";
import { db } from "~/platform/db.server";
import type { CallFormValue } from "./schemas";

type Actor = Pick<SessionUser, "id" | "role" | "municipalities">;

function assertEditor(actor: Actor) {
  if (!canUseAction(actor, "editRegister")) forbidden();
}

export class CallNumberTakenError extends Error {}

export async function listCalls({ actor }: { actor: Actor }) {
  assertEditor(actor);
  const calls = await db.call.findMany({
    orderBy: { number: "desc" },
    select: { id: true, number: true, title: true, opensOn: true, closesOn: true, _count: { select: { dossiers: true } } },
  });
  return calls.map(({ _count, ...c }) => ({ ...c, applications: _count.dossiers }));
}

/** The number a new call most likely gets: one more than the highest so far. */
export async function nextCallNumber({ actor }: { actor: Actor }) {
  assertEditor(actor);
  const last = await db.call.findFirst({ orderBy: { number: "desc" }, select: { number: true } });
  return (last?.number ?? 0) + 1;
}

export async function getCall({ actor, id }: { actor: Actor; id: string }) {
  assertEditor(actor);
  const call = await db.call.findUnique({
    where: { id },
    include: {
      dossiers: {
        orderBy: [{ year: "desc" }, { seq: "desc" }],
        select: {
          id: true,
          reference: true,
          phase: true,
          applicantName: true,
          church: { select: { id: true, name: true, municipality: { select: { name: true } } } },
        },
      },
    },
  });
  if (!call) notFound();
  return call;
}

function toData(input: CallFormValue) {
  return { number: input.number, title: input.title, opensOn: input.opensOn, closesOn: input.closesOn, description: input.description || null };
}

async function assertNumberFree(number: number, exceptId?: string) {
  const other = await db.call.findUnique({ where: { number }, select: { id: true } });
  if (other && other.id !== exceptId) throw new CallNumberTakenError(String(number));
}

function isUniqueViolation(error: unknown) {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

export async function createCall({ actor, input }: { actor: Actor; input: CallFormValue }) {
  assertEditor(actor);
  await assertNumberFree(input.number);
  try {
    return await db.$transaction(async (tx) => {
      const call = await tx.call.create({ data: toData(input) });
      await recordAudit({ userId: actor.id, action: "CREATE", entityType: "Call", entityId: call.id, summary: { number: call.number, title: call.title } }, tx);
      return call;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new CallNumberTakenError(String(input.number));
    throw error;
  }
}

export async function updateCall({ actor, id, input }: { actor: Actor; id: string; input: CallFormValue }) {
  assertEditor(actor);
  const before = await db.call.findUnique({ where: { id } });
  if (!before) notFound();
  await assertNumberFree(input.number, id);
  const data = toData(input);
  try {
    await db.$transaction(async (tx) => {
      await tx.call.update({ where: { id }, data });
      await recordAudit({ userId: actor.id, action: "UPDATE", entityType: "Call", entityId: id, summary: { changes: diffFields(before, data) } }, tx);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new CallNumberTakenError(String(input.number));
    throw error;
  }
}
