import { describe, expect, it } from "vitest";
import { recordAudit } from "~/features/audit/audit.server";
import { brusselsDayStart, periodOf } from "~/features/audit/filters";
import { db } from "~/platform/db.server";
import { loader as csvLoader } from "~/routes/beheer.audit[.]csv";
import { loader } from "~/routes/beheer.audit";
import { callRoute, createUser, GENT, makeRequest, sessionCookieFor } from "../../helpers/auth";

async function asAdmin() {
  const admin = await createUser("ADMIN", { name: "Ada Admin" });
  return { admin, cookie: await sessionCookieFor(admin.id) };
}

function view(path: string, cookie: string | null) {
  return callRoute(() => loader({ request: makeRequest(path, { cookie }), params: {}, context: {} }));
}

type ViewData = Awaited<ReturnType<typeof loader>>;

describe("/beheer/audit", () => {
  it("is for administrators only: 403 for staff and municipalities, login for anonymous", async () => {
    const staff = await createUser("STAFF");
    const gent = await createUser("MUNICIPALITY", { municipalities: [GENT] });
    expect((await view("/beheer/audit", await sessionCookieFor(staff.id))).status).toBe(403);
    expect((await view("/beheer/audit", await sessionCookieFor(gent.id))).status).toBe(403);
    const anonymous = await view("/beheer/audit", null);
    expect(anonymous.status).toBe(302);
    expect(anonymous.response?.headers.get("Location")).toMatch(/^\/login/);
    const staffCookie = await sessionCookieFor(staff.id);
    const csv = await callRoute(() => csvLoader({ request: makeRequest("/beheer/audit.csv", { cookie: staffCookie }), params: {}, context: {} }));
    expect(csv.status).toBe(403);
  });

  it("filters by user, kind of record, action and period, newest first", async () => {
    const { admin, cookie } = await asAdmin();
    const other = await createUser("STAFF", { name: "Stijn Staff" });
    const at = (iso: string) => new Date(iso);
    await db.auditEvent.createMany({
      data: [
        { userId: other.id, action: "UPDATE", entityType: "Church", entityId: "c1", at: at("2026-03-01T10:00:00Z") },
        { userId: other.id, action: "CREATE", entityType: "Church", entityId: "c2", at: at("2026-03-02T10:00:00Z") },
        { userId: admin.id, action: "UPDATE", entityType: "Dossier", entityId: "d1", at: at("2026-03-03T10:00:00Z") },
        // 23:30 UTC on the 3rd is already the 4th in Brussels.
        { userId: other.id, action: "UPDATE", entityType: "Church", entityId: "c3", at: at("2026-03-03T23:30:00Z") },
      ],
    });
    const ids = (res: { data: ViewData | null }) => res.data!.list!.events.map((e) => e.entityId);

    const byUser = await view(`/beheer/audit?user=${other.id}`, cookie);
    expect(ids(byUser)).toEqual(["c3", "c2", "c1"]);
    expect(byUser.data!.list!.total).toBe(3);

    expect(ids(await view(`/beheer/audit?user=${other.id}&action=UPDATE`, cookie))).toEqual(["c3", "c1"]);
    expect(ids(await view("/beheer/audit?entityType=Dossier", cookie))).toEqual(["d1"]);
    expect(ids(await view(`/beheer/audit?user=${other.id}&from=2026-03-02&to=2026-03-03`, cookie))).toEqual(["c2"]);
    expect(ids(await view(`/beheer/audit?user=${other.id}&from=2026-03-04`, cookie))).toEqual(["c3"]);
    const options = (await view("/beheer/audit", cookie)).data!.options;
    expect(options.entityTypes).toEqual(expect.arrayContaining(["Church", "Dossier"]));
    expect(options.users.map((u) => u.id)).toEqual(expect.arrayContaining([admin.id, other.id]));
  });

  it("pages by 50", async () => {
    const { admin, cookie } = await asAdmin();
    await db.auditEvent.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({
        userId: admin.id,
        action: "UPDATE",
        entityType: "Paging",
        entityId: `p${String(i).padStart(3, "0")}`,
        at: new Date(Date.UTC(2026, 0, 1, 0, i)),
      })),
    });
    const first = (await view("/beheer/audit?entityType=Paging", cookie)).data!.list!;
    expect(first).toMatchObject({ total: 120, page: 1, pages: 3 });
    expect(first.events[0].entityId).toBe("p119");
    const third = (await view("/beheer/audit?entityType=Paging&page=3", cookie)).data!.list!;
    expect(third.events.map((e) => e.entityId)).toEqual(Array.from({ length: 20 }, (_, i) => `p${String(19 - i).padStart(3, "0")}`));
    // Beyond the last page shows the last page.
    expect((await view("/beheer/audit?entityType=Paging&page=99", cookie)).data!.list!.page).toBe(3);
  });

  it("answers bad filter values per field, keeping what was typed", async () => {
    const { cookie } = await asAdmin();
    const res = await view("/beheer/audit?from=2026-13-45&to=2026-01-01&action=HACK", cookie);
    expect(res.status).toBe(200);
    expect(res.data!.list).toBeNull();
    expect(res.data!.errors.from).toEqual(["error.invalidDate"]);
    expect(res.data!.errors.action).toEqual(["error.invalidChoice"]);
    expect(res.data!.typed.from).toBe("2026-13-45");
    const order = await view("/beheer/audit?from=2026-02-01&to=2026-01-01", cookie);
    expect(order.data!.errors.to).toEqual(["audit.error.periodOrder"]);
  });

  it("exports the filtered rows as CSV (semicolons, UTF-8 BOM), defuses formulas, and audits the export", async () => {
    const { admin, cookie } = await asAdmin();
    await recordAudit({ userId: admin.id, action: "CREATE", entityType: "Export", entityId: "e1", summary: { name: "=HYPERLINK(\"x\")", note: "a;b" } });
    await recordAudit({ userId: admin.id, action: "DELETE", entityType: "Other", entityId: "o1" });
    const res = await callRoute(() => csvLoader({ request: makeRequest("/beheer/audit.csv?entityType=Export", { cookie }), params: {}, context: {} }));
    expect(res.status).toBe(200);
    expect(res.response!.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.response!.headers.get("Content-Disposition")).toMatch(/attachment; filename="auditlog-\d{4}-\d{2}-\d{2}\.csv"/);
    const bytes = new Uint8Array(await res.response!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).replace(/^\uFEFF/, "");
    const lines = text.trimEnd().split("\r\n");
    expect(lines[0]).toBe("Tijdstip;Gebruiker;E-mail;Actie;Soort gegeven;Id;Dossier;Details");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(";Ada Admin;");
    expect(lines[1]).toContain(";Aangemaakt;Export;e1;");
    // The summary cell holds ";" so it is quoted; the formula does not start the cell.
    expect(lines[1]).toMatch(/;"name: =HYPERLINK\(""x""\); note: a;b"$/);
    const download = await db.auditEvent.findFirst({ where: { action: "DOWNLOAD", entityType: "AuditEvent", userId: admin.id } });
    expect(download?.summary).toContain('"rows":1');
  });

  it("reads a period in Brussels time, summer and winter", () => {
    expect(brusselsDayStart("2026-01-15").toISOString()).toBe("2026-01-14T23:00:00.000Z");
    expect(brusselsDayStart("2026-07-15").toISOString()).toBe("2026-07-14T22:00:00.000Z");
    expect(periodOf({ from: "2026-03-28", to: "2026-03-29" })).toEqual({
      gte: new Date("2026-03-27T23:00:00.000Z"),
      lt: new Date("2026-03-29T22:00:00.000Z"),
    });
  });
});
