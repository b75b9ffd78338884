// The tabs of a dossier's page, in one list with who may see each, so a new part of the
// dossier (final report, publication) is one line here plus its child route. Pure module.
import type { Role } from "~/features/auth/permissions";

export type DossierTab = {
  /** Path relative to /dossiers/<id>; "" is the overview. */
  path: string;
  label: string;
  roles: readonly Role[];
};

const EVERYONE: readonly Role[] = ["ADMIN", "STAFF", "MUNICIPALITY"];
const STAFF: readonly Role[] = ["ADMIN", "STAFF"];

export const DOSSIER_TABS: readonly DossierTab[] = [
  { path: "", label: "dossiers.tab.overview", roles: EVERYONE },
  { path: "documenten", label: "dossiers.tab.documents", roles: EVERYONE },
  { path: "scenarios", label: "dossiers.tab.scenarios", roles: EVERYONE },
  { path: "eindrapport", label: "reports.title", roles: EVERYONE },
  { path: "publicatie", label: "publication.tab.title", roles: STAFF },
  { path: "audit", label: "dossiers.tab.audit", roles: STAFF },
];

export function dossierTabsFor(role: Role): DossierTab[] {
  return DOSSIER_TABS.filter((tab) => tab.roles.includes(role));
}
