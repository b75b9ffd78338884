import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { dossierAudience, notify, unreadCount } from "~/features/notifications/notifications.server";
import { db } from "~/platform/db.server";
import { deliverOutbox } from "~/platform/mail.server";
import { action, loader } from "~/routes/meldingen";
import { callRoute, createUser, GENT, LEUVEN, makeRequest, sessionCookieFor } from "../../helpers/auth";

async function gentDossier(leadId: string | null) {
  const church = await db.church.create({ data: { name: "Testkerk", nisCode: GENT } });
  return db.dossier.create({
    data: { reference: `HK-2026-${Math.floor(Math.random() * 900 + 100)}`, year: 2026, seq: Math.floor(Math.random() * 100000), churchId: church.id, applicantType: "CHURCH_COUNCIL", applicantName: "Kerkfabriek", startDate: new Date(), leadId },
  });
}

const payload = { reference: "HK-2026-001", scenario: "Bibliotheek", version: 2, by: "Griet", link: "/dossiers/x" };

describe("notifications", () => {
  it("reach the municipality's active users, not another municipality's, and queue an e-mail each", async () => {
    const staff = await createUser("STAFF");
    const gent1 = await createUser("MUNICIPALITY", { municipalities: [GENT], email: "g1@example.test" });
    const gent2 = await createUser("MUNICIPALITY", { municipalities: [GENT, LEUVEN], email: "g2@example.test" });
    const gone = await createUser("MUNICIPALITY", { municipalities: [GENT] });
    await db.user.update({ where: { id: gone.id }, data: { deactivatedAt: new Date() } });
    const leuven = await createUser("MUNICIPALITY", { municipalities: [LEUVEN] });
    const dossier = await gentDossier(staff.id);
    await db.$transaction(async (tx) => {
      const recipients = await dossierAudience(tx, dossier.id, "municipality");
      await notify(tx, { recipients, kind: "VERSION_SUBMITTED", dossierId: dossier.id, payload });
    });
    expect(await unreadCount(gent1)).toBe(1);
    expect(await unreadCount(gent2)).toBe(1);
    expect(await unreadCount(gone)).toBe(0);
    expect(await unreadCount(leuven)).toBe(0);
    const mails = await db.outboxMessage.findMany({ orderBy: { to: "asc" } });
    expect(mails.map((m) => m.to)).toEqual(["g1@example.test", "g2@example.test"]);
    expect(mails[0].body).toContain("HK-2026-001");
  });

  it("staff audience is the lead and team; the actor is left out", async () => {
    const lead = await createUser("STAFF");
    const other = await createUser("STAFF");
    const dossier = await gentDossier(lead.id);
    await db.$transaction(async (tx) => {
      const recipients = await dossierAudience(tx, dossier.id, "staff");
      expect(recipients).toEqual([lead.id]);
      await notify(tx, { recipients: [...recipients, other.id], kind: "COMMENT_ADDED", dossierId: dossier.id, payload, exclude: other.id });
    });
    expect(await unreadCount(lead)).toBe(1);
    expect(await unreadCount(other)).toBe(0);
  });

  it("the outbox writes each message once as a file when no SMTP server is configured", async () => {
    await db.outboxMessage.deleteMany(); // earlier tests of this file queued some
    const mail = await db.outboxMessage.create({ data: { to: "a@example.test", subject: "Onderwerp", body: "Tekst" } });
    expect(await deliverOutbox()).toBe(1);
    expect(await deliverOutbox()).toBe(0);
    const dir = path.resolve(process.env.DATA_DIR!, "outbox");
    expect(existsSync(dir)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.startsWith(mail.id))).toHaveLength(1);
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id: mail.id } })).sentAt).not.toBeNull();
    expect(readFileSync(path.join(dir, `${mail.id}.eml`), "utf8")).toMatch(/To: a@example.test[\s\S]*Subject: Onderwerp[\s\S]*Tekst/);
  });

  it("the page lists only one's own notifications and marks them read; another's id answers 404", async () => {
    const staff = await createUser("STAFF");
    const me = await createUser("MUNICIPALITY", { municipalities: [GENT] });
    const them = await createUser("MUNICIPALITY", { municipalities: [GENT] });
    const dossier = await gentDossier(staff.id);
    await db.$transaction((tx) => notify(tx, { recipients: [me.id, them.id], kind: "VERSION_SUBMITTED", dossierId: dossier.id, payload }));
    const cookie = await sessionCookieFor(me.id);
    const page = await callRoute(() => loader({ request: makeRequest("/meldingen", { cookie }), params: {}, context: {} }));
    const list = (page.data as { notifications: { id: string }[] }).notifications;
    expect(list).toHaveLength(1);
    const theirs = await db.notification.findFirstOrThrow({ where: { userId: them.id } });
    const refused = await callRoute(() => action({ request: makeRequest("/meldingen", { cookie, form: { intent: "read", id: theirs.id } }), params: {}, context: {} }));
    expect(refused.status).toBe(404);
    expect((await db.notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();
    const opened = await callRoute(() =>
      action({ request: makeRequest("/meldingen", { cookie, form: { intent: "read", id: list[0].id, next: "/dossiers/x" } }), params: {}, context: {} }),
    );
    expect(opened.status).toBe(302);
    expect(opened.response?.headers.get("Location")).toBe("/dossiers/x");
    expect(await unreadCount(me)).toBe(0);
    const offsite = await callRoute(() =>
      action({ request: makeRequest("/meldingen", { cookie, form: { intent: "read", id: list[0].id, next: "//evil.example" } }), params: {}, context: {} }),
    );
    expect(offsite.response?.headers.get("Location")).toBe("/meldingen");
  });

  it("the page needs a login", async () => {
    const res = await callRoute(() => loader({ request: makeRequest("/meldingen"), params: {}, context: {} }));
    expect(res.status).toBe(302);
  });
});
