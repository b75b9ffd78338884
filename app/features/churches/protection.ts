// Heritage protection statuses (the ProtectionStatus enum), shared by the church register and
// the public map. Pure and tiny: the public map's bundle imports it.
export const PROTECTION_STATUSES = ["NONE", "INVENTORIED", "ESTABLISHED", "PROTECTED"] as const;
export type ProtectionStatus = (typeof PROTECTION_STATUSES)[number];
