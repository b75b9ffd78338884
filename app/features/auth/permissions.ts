// The permission matrix of product.md ("Who may do what") as data, plus pure checks.
// Pure: no Prisma, no I/O. Server guards (guards.server.ts) turn a "no" into 403 or 404.

export const ROLES = ["ADMIN", "STAFF", "MUNICIPALITY"] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  "manageAccounts",
  "editRegister",
  "viewDossier",
  "viewInternal",
  "editSimulation",
  "commentVersion",
  "decideVersion",
  "writeReport",
  "downloadReport",
  "viewPublic",
] as const;
export type Action = (typeof ACTIONS)[number];

/** any: every record; own: records in the user's municipalities; none: never. */
export type Scope = "any" | "own" | "none";

export const PERMISSIONS: Record<Action, Record<Role, Scope>> = {
  manageAccounts: { ADMIN: "any", STAFF: "none", MUNICIPALITY: "none" },
  editRegister: { ADMIN: "any", STAFF: "any", MUNICIPALITY: "none" },
  viewDossier: { ADMIN: "any", STAFF: "any", MUNICIPALITY: "own" },
  viewInternal: { ADMIN: "any", STAFF: "any", MUNICIPALITY: "none" },
  editSimulation: { ADMIN: "any", STAFF: "any", MUNICIPALITY: "none" },
  commentVersion: { ADMIN: "any", STAFF: "any", MUNICIPALITY: "own" },
  // Only the municipality decides; the bureau may never decide on its behalf.
  decideVersion: { ADMIN: "none", STAFF: "none", MUNICIPALITY: "own" },
  writeReport: { ADMIN: "any", STAFF: "any", MUNICIPALITY: "none" },
  downloadReport: { ADMIN: "any", STAFF: "any", MUNICIPALITY: "own" },
  viewPublic: { ADMIN: "any", STAFF: "any", MUNICIPALITY: "any" },
};

/** What the checks need to know of a user. */
export type Actor = { role: Role; municipalities: readonly string[] };

/** The role's scope for an action, regardless of any record. */
export function scopeOf(role: Role, action: Action): Scope {
  return PERMISSIONS[action][role];
}

/** May this actor use this kind of page or action at all? (No: 403.) */
export function canUseAction(actor: Actor, action: Action): boolean {
  return scopeOf(actor.role, action) !== "none";
}

/**
 * May this actor do this to a record lying in `nisCode`? "Own" means the record's church
 * lies in one of the user's municipalities. (No, while canUseAction is yes: 404.)
 */
export function can(actor: Actor, action: Action, record?: { nisCode: string }): boolean {
  const scope = scopeOf(actor.role, action);
  if (scope === "any") return true;
  if (scope === "none") return false;
  return record !== undefined && actor.municipalities.includes(record.nisCode);
}

/** The public may see the map, case pages and open data, and nothing else. */
export function publicCan(action: Action): boolean {
  return action === "viewPublic";
}

export function isStaff(actor: { role: Role }): boolean {
  return actor.role === "ADMIN" || actor.role === "STAFF";
}
