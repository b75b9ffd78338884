// Navigation by role: one list, each entry naming what its page needs. A new feature adds
// its entry here.
import type { Role } from "~/features/auth/permissions";
import type { MessageKey } from "~/platform/i18n/catalogue";

/** roles: who sees the entry; "public" = only visitors without a login; "all" = everyone. */
export type NavItem = { to: string; label: MessageKey; roles: readonly Role[] | "public" | "all"; badge?: "toReview" };

const STAFF: readonly Role[] = ["ADMIN", "STAFF"];

export const NAV_ITEMS: readonly NavItem[] = [
  { to: "/", label: "nav.home", roles: STAFF },
  { to: "/dossiers", label: "nav.dossiers", roles: STAFF },
  { to: "/kerken", label: "nav.churches", roles: STAFF },
  { to: "/oproepen", label: "nav.calls", roles: STAFF },
  { to: "/taken", label: "nav.myTasks", roles: STAFF },
  { to: "/dashboard", label: "nav.dashboard", roles: STAFF },
  { to: "/jaaroverzicht", label: "reports.overview.heading", roles: STAFF },
  { to: "/gemeente", label: "nav.toReview", roles: ["MUNICIPALITY"], badge: "toReview" },
  { to: "/dossiers", label: "nav.myDossiers", roles: ["MUNICIPALITY"] },
  { to: "/beheer/gebruikers", label: "nav.users", roles: ["ADMIN"] },
  { to: "/beheer/audit", label: "nav.audit", roles: ["ADMIN"] },
  { to: "/kaart", label: "nav.map", roles: "all" },
  { to: "/open-data", label: "nav.openData", roles: "public" },
];

export function navItemsFor(role: Role | null): NavItem[] {
  return NAV_ITEMS.filter((item) => {
    if (item.roles === "all") return true;
    if (role === null) return item.roles === "public";
    return item.roles !== "public" && item.roles.includes(role);
  });
}
