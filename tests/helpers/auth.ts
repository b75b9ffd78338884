// Test helpers: users of each role and requests that carry their session, so loaders and
// actions are exercised exactly as the server calls them.
import { randomUUID } from "node:crypto";
import { hashPassword } from "~/features/auth/password.server";
import type { Role } from "~/features/auth/permissions";
import { createSession, serializeSessionCookie } from "~/features/auth/session.server";
import { db } from "~/platform/db.server";

export const TEST_PASSWORD = "correct horse battery staple";
let passwordHash: Promise<string> | undefined;

export async function createUser(role: Role, options: { municipalities?: string[]; email?: string; name?: string } = {}) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return db.user.create({
    data: {
      email: options.email ?? `${role.toLowerCase()}-${randomUUID().slice(0, 8)}@example.test`,
      name: options.name ?? `${role} tester`,
      role,
      passwordHash: await passwordHash,
      municipalities: { create: (options.municipalities ?? []).map((nisCode) => ({ nisCode })) },
    },
  });
}

/** The Cookie header of a fresh session for this user. */
export async function sessionCookieFor(userId: string): Promise<string> {
  const session = await createSession(userId);
  const setCookie = await serializeSessionCookie(session);
  return setCookie.split(";")[0];
}

type RequestOptions = {
  method?: string;
  cookie?: string | null;
  form?: Record<string, string | string[]>;
  headers?: Record<string, string>;
};

export function makeRequest(pathname: string, options: RequestOptions = {}): Request {
  const headers = new Headers(options.headers);
  if (options.cookie) headers.set("Cookie", options.cookie);
  if (!headers.has("Accept")) headers.set("Accept", "text/html");
  let body: URLSearchParams | undefined;
  if (options.form) {
    body = new URLSearchParams();
    for (const [key, value] of Object.entries(options.form)) {
      for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
    }
    headers.set("Content-Type", "application/x-www-form-urlencoded");
  }
  return new Request(`http://localhost${pathname}`, { method: options.method ?? (body ? "POST" : "GET"), headers, body });
}

/** Runs a loader or action and returns its Response, whether it returned or threw one. */
export async function callRoute<T>(fn: () => Promise<T>): Promise<{ status: number; response: Response | null; data: T | null }> {
  try {
    const result = await fn();
    if (result instanceof Response) return { status: result.status, response: result, data: null };
    const maybeData = result as unknown as { type?: string; init?: { status?: number }; data?: unknown };
    if (maybeData && maybeData.type === "DataWithResponseInit") {
      return { status: maybeData.init?.status ?? 200, response: null, data: maybeData.data as T };
    }
    return { status: 200, response: null, data: result };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, response: thrown, data: null };
    const maybeData = thrown as { type?: string; init?: { status?: number } };
    if (maybeData && maybeData.type === "DataWithResponseInit") return { status: maybeData.init?.status ?? 500, response: null, data: null };
    throw thrown;
  }
}

export const GENT = "44021";
export const LEUVEN = "24062";
