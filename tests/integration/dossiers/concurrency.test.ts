// Two users save the same dossier at the same moment: exactly one save wins, the other is
// refused with a conflict (409), and no change is lost silently.
import { describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import * as editRoute from "~/routes/dossiers.$id.bewerken";
import * as churchEdit from "~/routes/kerken.$id.bewerken";
import { createUser, GENT, sessionCookieFor } from "../../helpers/auth";
import { act, createDossierRow } from "./fixtures";

function editForm(dossier: { churchId: string }, leadId: string, applicantName: string) {
  return {
    applicantType: "CHURCH_COUNCIL",
    applicantName,
    churchId: dossier.churchId,
    leadId,
    version: "1",
    startDate: "2026-03-01",
    targetDate: "",
    description: "Haalbaarheidsstudie",
  };
}

describe("two users save the same record at once", () => {
  it("dossier: one save wins, the other gets 409, the stored state is exactly the winner's", async () => {
    const anna = await createUser("STAFF", { name: "Anna" });
    const bert = await createUser("STAFF", { name: "Bert" });
    const dossier = await createDossierRow({ nisCode: GENT, leadId: anna.id });
    const [a, b] = await Promise.all([
      act(editRoute, `/dossiers/${dossier.id}/bewerken`, await sessionCookieFor(anna.id), editForm(dossier, anna.id, "Naam van Anna"), { id: dossier.id }),
      act(editRoute, `/dossiers/${dossier.id}/bewerken`, await sessionCookieFor(bert.id), editForm(dossier, anna.id, "Naam van Bert"), { id: dossier.id }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([302, 409]);
    const winner = a.status === 302 ? "Naam van Anna" : "Naam van Bert";
    const after = await db.dossier.findUniqueOrThrow({ where: { id: dossier.id } });
    expect(after.applicantName).toBe(winner);
    expect(after.version).toBe(2);
    // Exactly one update was recorded; the refused one wrote nothing.
    expect(await db.auditEvent.count({ where: { dossierId: dossier.id, action: "UPDATE" } })).toBe(1);
  });

  it("many saves at once on one version: exactly one wins", async () => {
    const users = await Promise.all(Array.from({ length: 5 }, (_, i) => createUser("STAFF", { name: `Collega ${i}` })));
    const dossier = await createDossierRow({ nisCode: GENT, leadId: users[0].id });
    const results = await Promise.all(
      users.map(async (u, i) =>
        act(editRoute, `/dossiers/${dossier.id}/bewerken`, await sessionCookieFor(u.id), editForm(dossier, users[0].id, `Naam ${i}`), { id: dossier.id }),
      ),
    );
    expect(results.filter((r) => r.status === 302)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(4);
    expect((await db.dossier.findUniqueOrThrow({ where: { id: dossier.id } })).version).toBe(2);
  });

  it("church: the same holds for the church register", async () => {
    const anna = await createUser("STAFF");
    const bert = await createUser("STAFF");
    const church = await db.church.create({ data: { name: "Gelijktijdige kerk", nisCode: GENT } });
    const form = (name: string) => ({ intent: "save", name, nisCode: GENT, version: "1", protectionStatus: "NONE", currentUse: "WORSHIP", policyDestination: "UNDECIDED" });
    const [a, b] = await Promise.all([
      act(churchEdit, `/kerken/${church.id}/bewerken`, await sessionCookieFor(anna.id), form("Kerk van Anna"), { id: church.id }),
      act(churchEdit, `/kerken/${church.id}/bewerken`, await sessionCookieFor(bert.id), form("Kerk van Bert"), { id: church.id }),
    ]);
    expect([a.status, b.status].sort()).toEqual([302, 409]);
    const after = await db.church.findUniqueOrThrow({ where: { id: church.id } });
    expect(after.name).toBe(a.status === 302 ? "Kerk van Anna" : "Kerk van Bert");
    expect(after.version).toBe(2);
  });
});
