// Logging in: the same answer whether or not the e-mail exists, and after 5 failures for
// one e-mail within 15 minutes every attempt is refused (429) until the window has passed.
import { db } from "~/platform/db.server";
import { verifyDecoy, verifyPassword } from "./password.server";
import { createSession } from "./session.server";

export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

export type LoginResult =
  | { ok: true; session: { id: string; expiresAt: Date }; userId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

export function normalizeEmail(email: string) {
  return email.trim().toLowerCase();
}

async function recentFailures(email: string, now: number) {
  return db.loginAttempt.findMany({
    where: { email, success: false, createdAt: { gt: new Date(now - LOGIN_WINDOW_MS) } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
}

export async function login(input: { email: string; password: string }): Promise<LoginResult> {
  const email = normalizeEmail(input.email);
  const now = Date.now();
  const failures = await recentFailures(email, now);
  if (failures.length >= LOGIN_MAX_FAILURES) {
    // The window reopens when the oldest counted failure leaves it.
    const reopensAt = failures[failures.length - LOGIN_MAX_FAILURES].createdAt.getTime() + LOGIN_WINDOW_MS;
    return { ok: false, reason: "throttled", retryAfterSeconds: Math.max(1, Math.ceil((reopensAt - now) / 1000)) };
  }

  const user = await db.user.findUnique({ where: { email } });
  const valid =
    user && user.passwordHash && !user.deactivatedAt
      ? await verifyPassword(user.passwordHash, input.password)
      : await verifyDecoy(input.password);

  await db.loginAttempt.create({ data: { email, success: Boolean(valid) } });
  if (!valid || !user) return { ok: false, reason: "invalid" };

  const session = await createSession(user.id);
  return { ok: true, session, userId: user.id };
}

/** Old attempts are only needed for the throttle window; called from time to time. */
export async function pruneLoginAttempts(olderThanMs = 24 * 60 * 60 * 1000) {
  await db.loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - olderThanMs) } } });
}
