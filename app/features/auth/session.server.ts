// Database sessions: the cookie carries only a random session id (signed); everything else
// is in the Session table, so logging out or revoking takes effect on the server at once.
import { randomBytes } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { db } from "~/platform/db.server";
import { getEnv } from "~/platform/env.server";
import type { Role } from "./permissions";

export const SESSION_COOKIE = "hb_session";
const TOUCH_INTERVAL_MS = 60 * 60 * 1000;

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: string | null;
  municipalities: string[];
  sessionId: string;
};

function sessionCookie() {
  const env = getEnv();
  return createCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: "lax",
    secure: env.NODE_ENV === "production",
    path: "/",
    secrets: [env.SESSION_SECRET],
  });
}

function maxAgeMs() {
  return getEnv().SESSION_MAX_AGE_DAYS * 24 * 60 * 60 * 1000;
}

export async function createSession(userId: string) {
  const id = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + maxAgeMs());
  await db.session.create({ data: { id, userId, expiresAt } });
  return { id, expiresAt };
}

/** The Set-Cookie header value for a new session. */
export function serializeSessionCookie(session: { id: string; expiresAt: Date }) {
  return sessionCookie().serialize(session.id, { expires: session.expiresAt });
}

export function clearSessionCookie() {
  return sessionCookie().serialize("", { maxAge: 0, expires: new Date(0) });
}

export async function readSessionId(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

/** The logged-in user, or null when the cookie is missing, expired, revoked or deactivated. */
export async function getSessionUser(request: Request): Promise<SessionUser | null> {
  const sessionId = await readSessionId(request);
  if (!sessionId) return null;
  const session = await db.session.findUnique({
    where: { id: sessionId },
    include: { user: { include: { municipalities: { select: { nisCode: true } } } } },
  });
  if (!session) return null;
  const now = Date.now();
  if (session.expiresAt.getTime() <= now || session.user.deactivatedAt) {
    await db.session.deleteMany({ where: { id: sessionId } });
    return null;
  }
  if (now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.session.update({ where: { id: sessionId }, data: { lastSeenAt: new Date(now) } });
  }
  const { user } = session;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    locale: user.locale,
    municipalities: user.municipalities.map((m) => m.nisCode),
    sessionId,
  };
}

export async function destroySession(sessionId: string) {
  await db.session.deleteMany({ where: { id: sessionId } });
}

export async function revokeUserSessions(userId: string) {
  const { count } = await db.session.deleteMany({ where: { userId } });
  return count;
}
