// The audit trail: who did what, when. Written in the same transaction as the change when
// a transaction client is passed. Secrets never reach it (see scrub).
import type { Prisma } from "~/generated/prisma-sqlite/client";
import { db } from "~/platform/db.server";
import type { AuditAction } from "./actions";

export type { AuditAction };

export type AuditInput = {
  userId: string | null;
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  dossierId?: string | null;
  summary?: Record<string, unknown> | null;
};

const SECRET_KEY = /pass(word)?|token|secret|session|cookie|hash/i;

// A password hash or a random token (base64url: mixed case and digits, 32+ characters)
// pasted into a value is dropped too. Hex checksums and ids stay readable.
const ARGON2 = /^\$argon2(id|i|d)\$/;
function looksSecret(value: string): boolean {
  if (ARGON2.test(value)) return true;
  return value.length >= 32 && /^[A-Za-z0-9_-]+$/.test(value) && /[A-Z]/.test(value) && /[a-z]/.test(value) && /\d/.test(value);
}

/** Drops any field whose name suggests a secret, and any value shaped like one, at any depth. */
export function scrub(value: unknown): unknown {
  if (typeof value === "string" && looksSecret(value)) return "[redacted]";
  if (Array.isArray(value)) return value.map(scrub);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => !SECRET_KEY.test(key))
        .map(([key, v]) => [key, scrub(v)]),
    );
  }
  return value;
}

type Client = Prisma.TransactionClient | typeof db;

export async function recordAudit(input: AuditInput, client: Client = db) {
  await client.auditEvent.create({
    data: {
      userId: input.userId,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId ?? null,
      dossierId: input.dossierId ?? null,
      summary: input.summary ? JSON.stringify(scrub(input.summary)) : null,
    },
  });
}

/** A compact "what changed" for an update: { field: [before, after] } for changed fields. */
export function diffFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const [key, value] of Object.entries(after)) {
    const old = before[key];
    const same = old instanceof Date && value instanceof Date ? old.getTime() === value.getTime() : old === value;
    if (!same) changes[key] = [old ?? null, value ?? null];
  }
  return changes;
}
