// Every review route and action refused to the wrong people: another municipality's user
// (404, whatever the URL or form says), staff trying to decide (403), anonymous visitors
// (login or 401), and anyone about a draft (404).
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { LEUVEN, sessionCookieFor } from "../../helpers/auth";
import { createVersion, reviewWorld } from "./fixtures";
import { errorsOf, openHome, openReview, openWaiting, postReview } from "./routes";

type World = Awaited<ReturnType<typeof reviewWorld>>;
let w: World;
let cookies: { staff: string; gent: string; leuven: string };

beforeEach(async () => {
  w = await reviewWorld();
  cookies = { staff: await sessionCookieFor(w.staff.id), gent: await sessionCookieFor(w.gent.id), leuven: await sessionCookieFor(w.leuven.id) };
});

const comment = { intent: "comment", formId: "comment-new", body: "Klopt de huur?" };
const approve = { intent: "decide", decision: "APPROVED" };
const changes = { intent: "decide", decision: "CHANGES_REQUESTED", reason: "Huur te hoog" };

describe("another municipality's user", () => {
  it("gets 404 on the review page, its comment and its decision actions", async () => {
    expect((await openReview(w.version.id, cookies.leuven)).status).toBe(404);
    expect((await postReview(w.version.id, cookies.leuven, comment)).status).toBe(404);
    expect((await postReview(w.version.id, cookies.leuven, approve)).status).toBe(404);
    expect((await postReview(w.version.id, cookies.leuven, changes)).status).toBe(404);
    // Even an invalid form answers 404, not a validation error that would reveal the version.
    expect((await postReview(w.version.id, cookies.leuven, { intent: "comment", body: "" })).status).toBe(404);
    expect((await postReview(w.version.id, cookies.leuven, { intent: "decide" })).status).toBe(404);
    expect(await db.comment.count({ where: { versionId: w.version.id } })).toBe(0);
    expect(await db.review.count({ where: { versionId: w.version.id } })).toBe(0);
    expect((await db.simulationVersion.findUniqueOrThrow({ where: { id: w.version.id } })).status).toBe("SUBMITTED");
  });

  it("cannot reach another version through a form field: a parentId of Gent's comment on Leuven's own version is 404", async () => {
    const gentComment = await db.comment.create({ data: { versionId: w.version.id, authorId: w.gent.id, body: "Gent" } });
    const res = await postReview(w.leuvenVersion.id, cookies.leuven, { ...comment, parentId: gentComment.id });
    expect(res.status).toBe(404);
    expect(await db.comment.count({ where: { versionId: w.leuvenVersion.id } })).toBe(0);
    // Extra fields naming Gent's version change nothing either: the URL's version is the only one.
    const own = await postReview(w.leuvenVersion.id, cookies.leuven, { ...comment, versionId: w.version.id });
    expect(own.status).toBe(302);
    expect(await db.comment.count({ where: { versionId: w.version.id, authorId: w.leuven.id } })).toBe(0);
  });

  it("sees none of it on their home and in the waiting list", async () => {
    const home = await openHome(cookies.leuven);
    expect(home.status).toBe(200);
    const text = JSON.stringify(home.data);
    expect(text).not.toContain(w.dossier.reference);
    expect(text).not.toContain(w.version.id);
    const waiting = await openWaiting(cookies.leuven);
    for (const ids of [home.data!.waiting.map((v) => v.id), waiting.data!.waiting.map((v) => v.id)]) {
      expect(ids).toContain(w.leuvenVersion.id);
      const places = await db.simulationVersion.findMany({ where: { id: { in: ids } }, select: { scenario: { select: { dossier: { select: { church: { select: { nisCode: true } } } } } } } });
      expect(new Set(places.map((p) => p.scenario.dossier.church.nisCode))).toEqual(new Set([LEUVEN]));
    }
  });

  it("gets 404 for an unknown version id", async () => {
    expect((await openReview("does-not-exist", cookies.gent)).status).toBe(404);
    expect((await postReview("does-not-exist", cookies.gent, comment)).status).toBe(404);
  });
});

describe("staff", () => {
  it("may read and comment but never decide (403), and the version stays as it is", async () => {
    expect((await openReview(w.version.id, cookies.staff)).status).toBe(200);
    expect((await postReview(w.version.id, cookies.staff, approve)).status).toBe(403);
    expect((await postReview(w.version.id, cookies.staff, changes)).status).toBe(403);
    expect(await db.review.count({ where: { versionId: w.version.id } })).toBe(0);
    expect((await db.simulationVersion.findUniqueOrThrow({ where: { id: w.version.id } })).status).toBe("SUBMITTED");
    const page = await openReview(w.version.id, cookies.staff);
    expect(page.data?.can.decide).toBe(false);
  });

  it("gets 403 on the municipality home", async () => {
    expect((await openHome(cookies.staff)).status).toBe(403);
  });
});

describe("anonymous visitors", () => {
  it("are sent to the login page for pages and get 401 for actions", async () => {
    const page = await openReview(w.version.id, null);
    expect(page.status).toBe(302);
    expect(page.response?.headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent(`/beoordelingen/${w.version.id}`)}`);
    expect((await openHome(null)).status).toBe(302);
    expect((await openWaiting(null)).status).toBe(302);
    expect((await postReview(w.version.id, null, comment)).status).toBe(401);
    expect((await postReview(w.version.id, null, approve)).status).toBe(401);
    expect(await db.comment.count({ where: { versionId: w.version.id } })).toBe(0);
    expect(await db.review.count({ where: { versionId: w.version.id } })).toBe(0);
  });
});

describe("drafts", () => {
  it("are not under review: 404 for the page, comments and decisions, for the municipality and staff", async () => {
    const draft = await createVersion(w.scenario.id, 2, { status: "DRAFT", by: w.staff.id });
    for (const cookie of [cookies.gent, cookies.staff]) {
      expect((await openReview(draft.id, cookie)).status).toBe(404);
      expect((await postReview(draft.id, cookie, comment)).status).toBe(404);
    }
    expect((await postReview(draft.id, cookies.gent, approve)).status).toBe(404);
    expect(await db.comment.count({ where: { versionId: draft.id } })).toBe(0);
  });
});

describe("the dossier's own municipality", () => {
  it("cannot write an internal comment (403) or point a comment at a row that does not exist (field error)", async () => {
    expect((await postReview(w.version.id, cookies.gent, { ...comment, internal: "on" })).status).toBe(403);
    const bad = await postReview(w.version.id, cookies.gent, { ...comment, inputPath: "revenues[7]" });
    expect(bad.status).toBe(400);
    expect(errorsOf(bad.data).inputPath).toEqual(["review.error.unknownRow"]);
    expect(await db.comment.count({ where: { versionId: w.version.id } })).toBe(0);
  });

  it("gets a per-field message for an empty comment and keeps what was chosen", async () => {
    const res = await postReview(w.version.id, cookies.gent, { intent: "comment", formId: "comment-form", body: "  ", inputPath: "revenues[1]" });
    expect(res.status).toBe(400);
    expect(errorsOf(res.data).body).toEqual(["error.required"]);
    expect((res.data as unknown as { result: { initialValue: Record<string, string> } }).result.initialValue.inputPath).toBe("revenues[1]");
  });
});
