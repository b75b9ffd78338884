// The kinds of audit event. Pure, so the viewer's filter form can list them too.
export const AUDIT_ACTIONS = [
  "LOGIN",
  "CREATE",
  "UPDATE",
  "DELETE",
  "PHASE_MOVE",
  "UPLOAD",
  "DOWNLOAD",
  "SUBMIT",
  "DECIDE",
  "PUBLISH",
  "UNPUBLISH",
  "DEACTIVATE",
  "REACTIVATE",
  "REVOKE_SESSIONS",
  "PASSWORD_LINK",
  "PASSWORD_SET",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: unknown): value is AuditAction {
  return typeof value === "string" && (AUDIT_ACTIONS as readonly string[]).includes(value);
}
