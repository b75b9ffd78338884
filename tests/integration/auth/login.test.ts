import { describe, expect, it } from "vitest";
import { getSessionUser } from "~/features/auth/session.server";
import { db } from "~/platform/db.server";
import { action as loginAction } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";
import { callRoute, createUser, GENT, makeRequest, sessionCookieFor, TEST_PASSWORD } from "../../helpers/auth";

function submitLogin(email: string, password: string) {
  return callRoute(() =>
    loginAction({ request: makeRequest("/login", { form: { email, password, redirectTo: "/dossiers" } }), params: {}, context: {} }),
  );
}

function formErrorsOf(data: unknown): string[] {
  return ((data as { result?: { error?: Record<string, string[]> } })?.result?.error?.[""] ?? []) as string[];
}

describe("login", () => {
  it("logs in with the right password: redirect, HttpOnly SameSite=Lax cookie holding only a session id", async () => {
    const user = await createUser("STAFF");
    const res = await submitLogin(user.email, TEST_PASSWORD);
    expect(res.status).toBe(302);
    expect(res.response?.headers.get("Location")).toBe("/dossiers");
    const cookie = res.response?.headers.get("Set-Cookie") ?? "";
    expect(cookie).toMatch(/^hb_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toContain(user.email);
    const sessions = await db.session.findMany({ where: { userId: user.id } });
    expect(sessions).toHaveLength(1);
    const loggedIn = await getSessionUser(makeRequest("/", { cookie: cookie.split(";")[0] }));
    expect(loggedIn?.id).toBe(user.id);
  });

  it("accepts the e-mail in another case and with spaces", async () => {
    const user = await createUser("STAFF");
    const res = await submitLogin(`  ${user.email.toUpperCase()} `, TEST_PASSWORD);
    expect(res.status).toBe(302);
  });

  it("gives the same message for a wrong password and an unknown e-mail", async () => {
    const user = await createUser("STAFF");
    const wrong = await submitLogin(user.email, "not the password");
    const unknown = await submitLogin("nobody@example.test", "not the password");
    expect(wrong.status).toBe(400);
    expect(unknown.status).toBe(400);
    expect(formErrorsOf(wrong.data)).toEqual(["auth.login.invalid"]);
    expect(formErrorsOf(unknown.data)).toEqual(formErrorsOf(wrong.data));
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("never sends the typed password back", async () => {
    const user = await createUser("STAFF");
    const res = await submitLogin(user.email, "typed-secret-123");
    expect(JSON.stringify(res.data)).not.toContain("typed-secret-123");
  });

  it("refuses a deactivated user with the same message", async () => {
    const user = await createUser("STAFF");
    await db.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    const res = await submitLogin(user.email, TEST_PASSWORD);
    expect(res.status).toBe(400);
    expect(formErrorsOf(res.data)).toEqual(["auth.login.invalid"]);
  });

  it("answers 429 with Retry-After after 5 failures for one e-mail within 15 minutes, even with the right password", async () => {
    const user = await createUser("STAFF");
    for (let i = 0; i < 5; i++) expect((await submitLogin(user.email, `wrong-${i}`)).status).toBe(400);
    const throttled = await submitLogin(user.email, TEST_PASSWORD);
    expect(throttled.status).toBe(429);
    expect(formErrorsOf(throttled.data)[0]).toMatch(/^auth\.login\.throttled\?minutes=\d+$/);
    // Another e-mail is not affected.
    const other = await createUser("STAFF");
    expect((await submitLogin(other.email, TEST_PASSWORD)).status).toBe(302);
  });

  it("counts only failures inside the 15-minute window", async () => {
    const user = await createUser("STAFF");
    const old = new Date(Date.now() - 16 * 60 * 1000);
    await db.loginAttempt.createMany({ data: Array.from({ length: 5 }, () => ({ email: user.email, success: false, createdAt: old })) });
    expect((await submitLogin(user.email, TEST_PASSWORD)).status).toBe(302);
  });

  it("refuses malformed input per field", async () => {
    const res = await submitLogin("not-an-email", "");
    expect(res.status).toBe(400);
    const errors = (res.data as unknown as { result: { error: Record<string, string[]> } }).result.error;
    expect(errors.email).toEqual(["error.invalidEmail"]);
    expect(errors.password).toEqual(["error.required"]);
  });
});

describe("sessions", () => {
  it("logout deletes the session on the server, so the old cookie no longer works", async () => {
    const user = await createUser("MUNICIPALITY", { municipalities: [GENT] });
    const cookie = await sessionCookieFor(user.id);
    expect(await getSessionUser(makeRequest("/", { cookie }))).not.toBeNull();
    const res = await callRoute(() => logoutAction({ request: makeRequest("/logout", { method: "POST", cookie }), params: {}, context: {} }));
    expect(res.status).toBe(302);
    expect(res.response?.headers.get("Set-Cookie")).toMatch(/hb_session=;/);
    expect(await getSessionUser(makeRequest("/", { cookie }))).toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses an expired session and removes it", async () => {
    const user = await createUser("STAFF");
    const cookie = await sessionCookieFor(user.id);
    await db.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await getSessionUser(makeRequest("/", { cookie }))).toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses a session of a user deactivated afterwards", async () => {
    const user = await createUser("STAFF");
    const cookie = await sessionCookieFor(user.id);
    await db.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    expect(await getSessionUser(makeRequest("/", { cookie }))).toBeNull();
  });

  it("refuses a forged or tampered cookie", async () => {
    const user = await createUser("STAFF");
    const cookie = await sessionCookieFor(user.id);
    const [name, value] = cookie.split("=");
    const tampered = `${name}=${value.slice(0, -3)}abc`;
    expect(await getSessionUser(makeRequest("/", { cookie: tampered }))).toBeNull();
    expect(await getSessionUser(makeRequest("/", { cookie: "hb_session=someone-elses-id" }))).toBeNull();
  });
});
