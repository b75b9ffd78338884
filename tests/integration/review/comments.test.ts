// Comments in threads, about input rows, and internal comments that reach no municipality
// user by any path: the page's loader data, the comment list, the home, notifications, mail.
import { describe, expect, it } from "vitest";
import { listComments } from "~/features/review/comments.server";
import { notifyVersionSubmitted } from "~/features/review/notify.server";
import { db } from "~/platform/db.server";
import { sessionCookieFor } from "../../helpers/auth";
import { reviewWorld } from "./fixtures";
import { openHome, openReview, openWaiting, postReview } from "./routes";

const SECRET = "Intern: de huurprijs is met de schepen besproken";

describe("comments", () => {
  it("are threaded, may be about an input row, and reach staff and the municipality as notifications", async () => {
    const w = await reviewWorld();
    const gentCookie = await sessionCookieFor(w.gent.id);
    const staffCookie = await sessionCookieFor(w.staff.id);
    const first = await postReview(w.version.id, gentCookie, { intent: "comment", formId: "comment-form", body: "Is 10.000 euro evenementen haalbaar?", inputPath: "revenues[1]" });
    expect(first.status).toBe(302);
    const top = await db.comment.findFirstOrThrow({ where: { versionId: w.version.id, authorId: w.gent.id } });
    expect(first.response?.headers.get("Location")).toBe(`/beoordelingen/${w.version.id}#comment-${top.id}`);
    expect(top.inputPath).toBe("revenues[1]");
    expect(top.internal).toBe(false);
    const reply = await postReview(w.version.id, staffCookie, { intent: "comment", formId: `reply-${top.id}`, body: "Ja, op basis van 2025.", parentId: top.id });
    expect(reply.status).toBe(302);
    const page = await openReview(w.version.id, gentCookie);
    const comments = page.data!.comments;
    expect(comments.map((c) => [c.body, c.parentId])).toEqual([
      ["Is 10.000 euro evenementen haalbaar?", null],
      ["Ja, op basis van 2025.", top.id],
    ]);
    // The lead heard of Gent's comment, Gent of the lead's reply; nobody of their own.
    const kinds = async (userId: string) => (await db.notification.findMany({ where: { userId, versionId: w.version.id } })).map((n) => n.kind);
    expect(await kinds(w.staff.id)).toEqual(["COMMENT_ADDED"]);
    expect(await kinds(w.gent.id)).toEqual(["COMMENT_ADDED"]);
    expect(await kinds(w.leuven.id)).toEqual([]);
    const audit = await db.auditEvent.findMany({ where: { entityType: "Comment", dossierId: w.dossier.id } });
    expect(audit).toHaveLength(2);
  });

  it("internal ones reach no municipality user by any path", async () => {
    const w = await reviewWorld();
    const staffCookie = await sessionCookieFor(w.staff.id);
    const gentCookie = await sessionCookieFor(w.gent.id);
    const other = await db.user.create({ data: { email: `gent2-${Date.now()}@example.test`, name: "Gent twee", role: "MUNICIPALITY", municipalities: { create: [{ nisCode: "44021" }] } } });
    const mailsBefore = await db.outboxMessage.count();

    expect((await postReview(w.version.id, staffCookie, { intent: "comment", formId: "comment-form", body: SECRET, internal: "on", inputPath: "revenues[0]" })).status).toBe(302);
    const internal = await db.comment.findFirstOrThrow({ where: { versionId: w.version.id, body: SECRET } });
    expect(internal.internal).toBe(true);
    // A reply in an internal thread stays internal, even without the box ticked.
    const staff2 = await db.user.create({ data: { email: `staff2-${Date.now()}@example.test`, name: "Tweede staf", role: "STAFF" } });
    const staff2Cookie = await sessionCookieFor(staff2.id);
    expect((await postReview(w.version.id, staff2Cookie, { intent: "comment", formId: `reply-${internal.id}`, body: `${SECRET} (antwoord)`, parentId: internal.id })).status).toBe(302);
    const internalReply = await db.comment.findFirstOrThrow({ where: { parentId: internal.id } });
    expect(internalReply.internal).toBe(true);
    // And a municipality user cannot answer it: it does not exist for them.
    expect((await postReview(w.version.id, gentCookie, { intent: "comment", body: "Wat staat hier?", parentId: internal.id })).status).toBe(404);

    // Staff see both.
    const staffPage = await openReview(w.version.id, staffCookie);
    expect(staffPage.data!.comments.map((c) => c.id)).toEqual([internal.id, internalReply.id]);

    // The municipality: not in the page's loader data, not in the comment list, not on the home or waiting list.
    for (const loaded of [await openReview(w.version.id, gentCookie), await openHome(gentCookie), await openWaiting(gentCookie)]) {
      expect(loaded.status).toBe(200);
      expect(JSON.stringify(loaded.data)).not.toContain("Intern:");
      expect(JSON.stringify(loaded.data)).not.toContain(internal.id);
    }
    expect(await listComments({ user: { ...w.gent, municipalities: ["44021"] }, versionId: w.version.id })).toEqual([]);
    // Not as a comment count on the input row either.
    const gentPage = await openReview(w.version.id, gentCookie);
    expect(gentPage.data!.comments).toEqual([]);

    // No notification and no e-mail for any municipality user.
    const municipalityIds = [w.gent.id, other.id, w.leuven.id];
    expect(await db.notification.count({ where: { userId: { in: municipalityIds } } })).toBe(0);
    const mails = await db.outboxMessage.findMany({ orderBy: { createdAt: "asc" }, skip: mailsBefore });
    expect(mails.map((m) => m.to)).not.toContain(w.gent.email);
    expect(mails.map((m) => m.to)).not.toContain(other.email);
    for (const mail of mails) expect(mail.body).not.toContain("Intern:");
    // The lead heard of the reply (the first comment was their own).
    expect(await db.notification.count({ where: { userId: w.staff.id, kind: "COMMENT_ADDED" } })).toBe(1);
  });
});

describe("a submitted version", () => {
  it("can be announced to the dossier's municipality users only, with a link to its review page", async () => {
    const w = await reviewWorld();
    await db.$transaction((tx) => notifyVersionSubmitted(tx, { versionId: w.version.id, byId: w.staff.id }));
    const gentNotes = await db.notification.findMany({ where: { userId: w.gent.id } });
    expect(gentNotes.map((n) => n.kind)).toEqual(["VERSION_SUBMITTED"]);
    expect(JSON.parse(gentNotes[0].payload)).toMatchObject({ reference: w.dossier.reference, scenario: "Bibliotheek", version: 1, link: `/beoordelingen/${w.version.id}` });
    expect(await db.notification.count({ where: { userId: { in: [w.leuven.id, w.staff.id] } } })).toBe(0);
  });
});
