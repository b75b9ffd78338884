// Navigation by role: one list, each entry naming what its page needs. A new feature adds
// its entry here.
import type { Role } from "~/features/auth/permissions";
import type { MessageKey } from "~/platform/i18n/catalogue";

export type NavItem = { to: string; label: MessageKey; roles: readonly Role[] | "public"; badge?: "toReview" | "notifications" };

const STAFF: readonly Role[] = ["ADMIN", "STAFF"];

export const NAV_ITEMS: readonly NavItem[] = [
  { to: "/", label: "nav.home", roles: STAFF },
  { to: "/dossiers", label: "nav.dossiers", roles: STAFF },
  { to: "/kerken", label: "nav.churches", roles: STAFF },
  { to: "/oproepen", label: "nav.calls", roles: STAFF },
  { to: "/taken", label: "nav.myTasks", roles: STAFF },
  { to: "/dossiers", label: "nav.myDossiers", roles: ["MUNICIPALITY"] },
  { to: "/beheer/gebruikers", label: "nav.users", roles: ["ADMIN"] },
  { to: "/kaart", label: "nav.map", roles: "public" },
];

export function navItemsFor(role: Role | null): NavItem[] {
  return NAV_ITEMS.filter((item) => (role === null ? item.roles === "public" : item.roles !== "public" && item.roles.includes(role)));
}
