// Passwords, one-time tokens and session ids must never reach the audit trail, whatever a
// careless caller passes, and the real flows that handle them must not leak them either.
import { describe, expect, it } from "vitest";
import { recordAudit, scrub } from "~/features/audit/audit.server";
import { createUser as adminCreateUser, newPasswordLink, setPasswordWithToken } from "~/features/users/users.server";
import { getSessionUser } from "~/features/auth/session.server";
import { db } from "~/platform/db.server";
import { action as loginAction } from "~/routes/login";
import { callRoute, createUser, makeRequest, sessionCookieFor, TEST_PASSWORD } from "../../helpers/auth";

async function everythingAudited(): Promise<string> {
  const rows = await db.auditEvent.findMany();
  return JSON.stringify(rows);
}

describe("secrets never reach the audit trail", () => {
  it("scrubs secret-named fields at any depth and secret-shaped values", async () => {
    const admin = await createUser("ADMIN");
    const token = "Zk3xQ9pL2mN8vB4cR7tY1wE6uI0oP5aS3dF9gH2jK4l";
    await recordAudit({
      userId: admin.id,
      action: "UPDATE",
      entityType: "User",
      entityId: admin.id,
      summary: {
        name: "Visible Name",
        password: "hunter2-plain",
        newPassword: "hunter3-plain",
        passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$abc$def",
        nested: { token: "tok-nested", sessionId: "sess-nested", cookie: "hb_session=abc", list: [{ resetToken: "tok-in-list" }] },
        pasted: token,
        hashValue: "$argon2id$v=19$m=19456$pasted",
        checksum: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
      },
    });
    const text = await everythingAudited();
    expect(text).toContain("Visible Name");
    // Hex checksums are not secrets and stay readable.
    expect(text).toContain("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    for (const secret of ["hunter2-plain", "hunter3-plain", "$argon2id$", "tok-nested", "sess-nested", "hb_session=abc", "tok-in-list", token]) {
      expect(text).not.toContain(secret);
    }
    expect(scrub({ when: new Date(0) })).toEqual({ when: new Date(0) });
  });

  it("a login, a password link and setting a password leave no password, token or session id in the audit", async () => {
    const admin = await createUser("ADMIN");
    const staff = await createUser("STAFF");
    const actor = await getSessionUser(makeRequest("/", { cookie: await sessionCookieFor(admin.id) }));

    const login = await callRoute(() =>
      loginAction({ request: makeRequest("/login", { form: { email: staff.email, password: TEST_PASSWORD, redirectTo: "/" } }), params: {}, context: {} }),
    );
    expect(login.status).toBe(302);
    const sessionIds = (await db.session.findMany({ where: { userId: staff.id } })).map((s) => s.id);
    expect(sessionIds.length).toBeGreaterThan(0);

    const created = await adminCreateUser({ actor: actor!, input: { email: "nieuw@example.test", name: "Nieuw", role: "STAFF", municipalities: [] } });
    const reset = await newPasswordLink({ actor: actor!, id: staff.id });
    const newPassword = "a-brand-new-password-42";
    expect(await setPasswordWithToken(reset.token, newPassword)).toBe(true);

    const audited = await db.auditEvent.findMany({ where: { entityId: { in: [staff.id, created.user.id] } } });
    expect(audited.map((a) => a.action).sort()).toEqual(["CREATE", "LOGIN", "PASSWORD_LINK", "PASSWORD_SET"]);
    const text = await everythingAudited();
    const hashes = (await db.user.findMany({ where: { passwordHash: { not: null } } })).map((u) => u.passwordHash!);
    for (const secret of [TEST_PASSWORD, newPassword, created.link.token, reset.token, ...sessionIds, ...hashes]) {
      expect(text).not.toContain(secret);
    }
  });
});
