// Accounts: the admin's list, create, edit, deactivate and revoke, and one-time links to
// set a password. Every function takes the acting user and checks the permission here.
import { createHash, randomBytes } from "node:crypto";
import { forbidden, notFound } from "~/features/auth/guards.server";
import { normalizeEmail } from "~/features/auth/login.server";
import { hashPassword } from "~/features/auth/password.server";
import { canUseAction, type Role } from "~/features/auth/permissions";
import { revokeUserSessions, type SessionUser } from "~/features/auth/session.server";
import { recordAudit } from "~/features/audit/audit.server";
import { db, textContains } from "~/platform/db.server";

const LINK_VALID_MS = 7 * 24 * 60 * 60 * 1000;

function assertAdmin(actor: SessionUser) {
  if (!canUseAction(actor, "manageAccounts")) forbidden();
}

export function hashToken(token: string) {
  return createHash("sha256").update(token).digest("hex");
}

export async function listUsers({ actor, q }: { actor: SessionUser; q?: string }) {
  assertAdmin(actor);
  const term = q?.trim();
  return db.user.findMany({
    where: term ? { OR: [{ email: textContains(term) }, { name: textContains(term) }] } : undefined,
    orderBy: [{ deactivatedAt: "asc" }, { name: "asc" }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      deactivatedAt: true,
      passwordHash: true,
      municipalities: { select: { municipality: { select: { name: true } } } },
      _count: { select: { sessions: true } },
    },
  }).then((users) =>
    users.map(({ passwordHash, municipalities, _count, ...u }) => ({
      ...u,
      hasPassword: passwordHash !== null,
      municipalities: municipalities.map((m) => m.municipality.name),
      activeSessions: _count.sessions,
    })),
  );
}

export async function getUserForAdmin({ actor, id }: { actor: SessionUser; id: string }) {
  assertAdmin(actor);
  const user = await db.user.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      deactivatedAt: true,
      passwordHash: true,
      createdAt: true,
      municipalities: { select: { nisCode: true } },
      _count: { select: { sessions: true } },
    },
  });
  if (!user) notFound();
  const { passwordHash, municipalities, _count, ...rest } = user;
  return {
    ...rest,
    hasPassword: passwordHash !== null,
    municipalities: municipalities.map((m) => m.nisCode),
    activeSessions: _count.sessions,
  };
}

export async function listMunicipalityOptions() {
  return db.municipality.findMany({ orderBy: { name: "asc" }, select: { nisCode: true, name: true, province: true } });
}

/** A new one-time link; any older unused link of the user stops working. */
async function issuePasswordLink(userId: string, purpose: "SET" | "RESET") {
  const token = randomBytes(32).toString("base64url");
  await db.$transaction([
    db.passwordToken.deleteMany({ where: { userId, usedAt: null } }),
    db.passwordToken.create({
      data: { userId, purpose, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + LINK_VALID_MS) },
    }),
  ]);
  return { token, path: `/wachtwoord/${token}` };
}

export type UserInput = { email: string; name: string; role: Role; municipalities: string[] };

export class DuplicateEmailError extends Error {}

export async function createUser({ actor, input }: { actor: SessionUser; input: UserInput }) {
  assertAdmin(actor);
  const email = normalizeEmail(input.email);
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) throw new DuplicateEmailError(email);
  const user = await db.$transaction(async (tx) => {
    const created = await tx.user.create({
      data: {
        email,
        name: input.name,
        role: input.role,
        municipalities: {
          create: input.role === "MUNICIPALITY" ? input.municipalities.map((nisCode) => ({ nisCode })) : [],
        },
      },
    });
    await recordAudit(
      { userId: actor.id, action: "CREATE", entityType: "User", entityId: created.id, summary: { email, role: input.role, municipalities: input.municipalities } },
      tx,
    );
    return created;
  });
  const link = await issuePasswordLink(user.id, "SET");
  return { user, link };
}

export async function updateUser({ actor, id, input }: { actor: SessionUser; id: string; input: Omit<UserInput, "email"> }) {
  assertAdmin(actor);
  const before = await getUserForAdmin({ actor, id });
  const municipalities = input.role === "MUNICIPALITY" ? input.municipalities : [];
  await db.$transaction(async (tx) => {
    await tx.userMunicipality.deleteMany({ where: { userId: id } });
    await tx.user.update({
      where: { id },
      data: { name: input.name, role: input.role, municipalities: { create: municipalities.map((nisCode) => ({ nisCode })) } },
    });
    await recordAudit(
      {
        userId: actor.id,
        action: "UPDATE",
        entityType: "User",
        entityId: id,
        summary: { before: { name: before.name, role: before.role, municipalities: before.municipalities }, after: { ...input, municipalities } },
      },
      tx,
    );
  });
  // A changed role or municipality must not linger in open sessions.
  if (before.role !== input.role || before.municipalities.join() !== municipalities.join()) await revokeUserSessions(id);
}

export async function setUserActive({ actor, id, active }: { actor: SessionUser; id: string; active: boolean }) {
  assertAdmin(actor);
  if (id === actor.id && !active) forbidden();
  await getUserForAdmin({ actor, id });
  await db.user.update({ where: { id }, data: { deactivatedAt: active ? null : new Date() } });
  if (!active) await revokeUserSessions(id);
  await recordAudit({ userId: actor.id, action: active ? "REACTIVATE" : "DEACTIVATE", entityType: "User", entityId: id });
}

export async function revokeSessionsOf({ actor, id }: { actor: SessionUser; id: string }) {
  assertAdmin(actor);
  await getUserForAdmin({ actor, id });
  const count = await revokeUserSessions(id);
  await recordAudit({ userId: actor.id, action: "REVOKE_SESSIONS", entityType: "User", entityId: id, summary: { count } });
  return count;
}

export async function newPasswordLink({ actor, id }: { actor: SessionUser; id: string }) {
  assertAdmin(actor);
  await getUserForAdmin({ actor, id });
  const link = await issuePasswordLink(id, "RESET");
  await recordAudit({ userId: actor.id, action: "PASSWORD_LINK", entityType: "User", entityId: id });
  return link;
}

/** The account a one-time link belongs to, while it is valid. */
export async function findValidPasswordToken(token: string) {
  const row = await db.passwordToken.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: { select: { id: true, email: true, deactivatedAt: true } } },
  });
  if (!row || row.usedAt || row.expiresAt.getTime() < Date.now() || row.user.deactivatedAt) return null;
  return row;
}

/** Sets the password and spends the link; existing sessions end. */
export async function setPasswordWithToken(token: string, password: string): Promise<boolean> {
  const row = await findValidPasswordToken(token);
  if (!row) return false;
  const passwordHash = await hashPassword(password);
  const spent = await db.$transaction(async (tx) => {
    const { count } = await tx.passwordToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: new Date() } });
    if (count !== 1) return false;
    await tx.user.update({ where: { id: row.userId }, data: { passwordHash } });
    await tx.session.deleteMany({ where: { userId: row.userId } });
    await recordAudit({ userId: row.userId, action: "PASSWORD_SET", entityType: "User", entityId: row.userId }, tx);
    return true;
  });
  return spent;
}

export async function setUserLocale(userId: string, locale: string) {
  await db.user.update({ where: { id: userId }, data: { locale } });
}
