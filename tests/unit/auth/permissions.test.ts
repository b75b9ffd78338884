import { describe, expect, it } from "vitest";
import { ACTIONS, type Action, can, canUseAction, publicCan, ROLES, type Role } from "~/features/auth/permissions";

// product.md "Who may do what", written out independently of the module under test:
// Y = any record, O = own municipality only, - = never.
const EXPECTED: Record<Action, Record<Role | "public", "Y" | "O" | "-">> = {
  manageAccounts: { ADMIN: "Y", STAFF: "-", MUNICIPALITY: "-", public: "-" },
  editRegister: { ADMIN: "Y", STAFF: "Y", MUNICIPALITY: "-", public: "-" },
  viewDossier: { ADMIN: "Y", STAFF: "Y", MUNICIPALITY: "O", public: "-" },
  viewInternal: { ADMIN: "Y", STAFF: "Y", MUNICIPALITY: "-", public: "-" },
  editSimulation: { ADMIN: "Y", STAFF: "Y", MUNICIPALITY: "-", public: "-" },
  commentVersion: { ADMIN: "Y", STAFF: "Y", MUNICIPALITY: "O", public: "-" },
  decideVersion: { ADMIN: "-", STAFF: "-", MUNICIPALITY: "O", public: "-" },
  writeReport: { ADMIN: "Y", STAFF: "Y", MUNICIPALITY: "-", public: "-" },
  downloadReport: { ADMIN: "Y", STAFF: "Y", MUNICIPALITY: "O", public: "-" },
  viewPublic: { ADMIN: "Y", STAFF: "Y", MUNICIPALITY: "Y", public: "Y" },
};

const OWN = { nisCode: "44021" };
const OTHER = { nisCode: "24062" };

describe("permission matrix", () => {
  it("covers every action of the module", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
  });

  for (const action of ACTIONS) {
    for (const role of ROLES) {
      const expected = EXPECTED[action][role];
      const actor = { role, municipalities: ["44021"] };
      it(`${role} ${action}: own record`, () => {
        expect(can(actor, action, OWN)).toBe(expected !== "-");
      });
      it(`${role} ${action}: other municipality's record`, () => {
        expect(can(actor, action, OTHER)).toBe(expected === "Y");
      });
      it(`${role} ${action}: may use the page at all`, () => {
        expect(canUseAction(actor, action)).toBe(expected !== "-");
      });
    }
    it(`public ${action}`, () => {
      expect(publicCan(action)).toBe(EXPECTED[action].public === "Y");
    });
  }

  it("a municipality user without municipalities owns nothing", () => {
    expect(can({ role: "MUNICIPALITY", municipalities: [] }, "viewDossier", OWN)).toBe(false);
  });

  it("a municipality user with several municipalities owns each of them", () => {
    const actor = { role: "MUNICIPALITY" as const, municipalities: ["44021", "24062"] };
    expect(can(actor, "viewDossier", OWN)).toBe(true);
    expect(can(actor, "viewDossier", OTHER)).toBe(true);
    expect(can(actor, "viewDossier", { nisCode: "11002" })).toBe(false);
  });

  it("an own-scoped action without a record is refused", () => {
    expect(can({ role: "MUNICIPALITY", municipalities: ["44021"] }, "viewDossier")).toBe(false);
  });
});
