import { describe, expect, it } from "vitest";
import { getSessionUser } from "~/features/auth/session.server";
import { db } from "~/platform/db.server";
import { action as editAction, loader as editLoader } from "~/routes/beheer.gebruikers.$id";
import { loader as listLoader } from "~/routes/beheer.gebruikers._index";
import { action as createAction, loader as createLoader } from "~/routes/beheer.gebruikers.nieuw";
import { action as setPasswordAction, loader as setPasswordLoader } from "~/routes/wachtwoord.$token";
import { action as loginAction } from "~/routes/login";
import { callRoute, createUser, GENT, LEUVEN, makeRequest, sessionCookieFor } from "../../helpers/auth";

const ctx = { context: {} };

async function asAdmin() {
  const admin = await createUser("ADMIN");
  return { admin, cookie: await sessionCookieFor(admin.id) };
}

function tokenOf(link: string) {
  return link.split("/wachtwoord/")[1];
}

describe("account administration", () => {
  it("only an admin may use the account pages: staff and municipality get 403, anonymous is sent to login", async () => {
    const staff = await createUser("STAFF");
    const muni = await createUser("MUNICIPALITY", { municipalities: [GENT] });
    for (const user of [staff, muni]) {
      const cookie = await sessionCookieFor(user.id);
      expect((await callRoute(() => listLoader({ request: makeRequest("/beheer/gebruikers", { cookie }), params: {}, ...ctx }))).status).toBe(403);
      expect((await callRoute(() => createLoader({ request: makeRequest("/beheer/gebruikers/nieuw", { cookie }), params: {}, ...ctx }))).status).toBe(403);
      const post = makeRequest("/beheer/gebruikers/nieuw", { cookie, form: { email: "x@example.test", name: "X", role: "ADMIN" } });
      expect((await callRoute(() => createAction({ request: post, params: {}, ...ctx }))).status).toBe(403);
      const edit = makeRequest(`/beheer/gebruikers/${staff.id}`, { cookie, form: { intent: "deactivate" } });
      expect((await callRoute(() => editAction({ request: edit, params: { id: staff.id }, ...ctx }))).status).toBe(403);
    }
    const anon = await callRoute(() => listLoader({ request: makeRequest("/beheer/gebruikers"), params: {}, ...ctx }));
    expect(anon.status).toBe(302);
    expect(anon.response?.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
    expect(await db.user.count({ where: { email: "x@example.test" } })).toBe(0);
  });

  it("creates a municipality user with a one-time link; the link sets the password once", async () => {
    const { cookie } = await asAdmin();
    const res = await callRoute(() =>
      createAction({
        request: makeRequest("/beheer/gebruikers/nieuw", {
          cookie,
          form: { email: "Schepen@Gent.test", name: "Schepen Gent", role: "MUNICIPALITY", municipalities: [GENT, LEUVEN] },
        }),
        params: {},
        ...ctx,
      }),
    );
    expect(res.status).toBe(200);
    const link = (res.data as { link: string }).link;
    expect(link).toMatch(/^http:\/\/localhost\/wachtwoord\/[\w-]{40,}$/);
    const user = await db.user.findUniqueOrThrow({ where: { email: "schepen@gent.test" }, include: { municipalities: true } });
    expect(user.passwordHash).toBeNull();
    expect(user.municipalities.map((m) => m.nisCode).sort()).toEqual([LEUVEN, GENT].sort());
    // Only the hash of the token is stored.
    const token = tokenOf(link);
    expect(await db.passwordToken.count({ where: { tokenHash: token } })).toBe(0);
    expect(await db.auditEvent.count({ where: { entityId: user.id, action: "CREATE" } })).toBe(1);

    const page = await callRoute(() => setPasswordLoader({ request: makeRequest(`/wachtwoord/${token}`), params: { token }, ...ctx }));
    expect((page.data as { email: string }).email).toBe("schepen@gent.test");

    const mismatch = await callRoute(() =>
      setPasswordAction({ request: makeRequest(`/wachtwoord/${token}`, { form: { token, password: "een-lang-wachtwoord", confirm: "iets-anders-123" } }), params: { token }, ...ctx }),
    );
    expect(mismatch.status).toBe(400);

    const set = await callRoute(() =>
      setPasswordAction({ request: makeRequest(`/wachtwoord/${token}`, { form: { token, password: "een-lang-wachtwoord", confirm: "een-lang-wachtwoord" } }), params: { token }, ...ctx }),
    );
    expect((set.data as { done: boolean }).done).toBe(true);

    const again = await callRoute(() =>
      setPasswordAction({ request: makeRequest(`/wachtwoord/${token}`, { form: { token, password: "nog-een-wachtwoord", confirm: "nog-een-wachtwoord" } }), params: { token }, ...ctx }),
    );
    expect(again.status).toBe(400);

    const login = await callRoute(() =>
      loginAction({ request: makeRequest("/login", { form: { email: "schepen@gent.test", password: "een-lang-wachtwoord" } }), params: {}, ...ctx }),
    );
    expect(login.status).toBe(302);
  });

  it("refuses a duplicate e-mail and a municipality user without municipality, per field", async () => {
    const { cookie } = await asAdmin();
    const existing = await createUser("STAFF");
    const dup = await callRoute(() =>
      createAction({ request: makeRequest("/beheer/gebruikers/nieuw", { cookie, form: { email: existing.email, name: "Dup", role: "STAFF" } }), params: {}, ...ctx }),
    );
    expect(dup.status).toBe(400);
    expect(JSON.stringify(dup.data)).toContain("users.error.emailTaken");
    const noMuni = await callRoute(() =>
      createAction({ request: makeRequest("/beheer/gebruikers/nieuw", { cookie, form: { email: "m@example.test", name: "M", role: "MUNICIPALITY" } }), params: {}, ...ctx }),
    );
    expect(noMuni.status).toBe(400);
    expect(JSON.stringify(noMuni.data)).toContain("users.error.municipalityRequired");
    expect(await db.user.count({ where: { email: "m@example.test" } })).toBe(0);
  });

  it("changing a user's role or municipalities ends their sessions", async () => {
    const { cookie } = await asAdmin();
    const user = await createUser("MUNICIPALITY", { municipalities: [GENT] });
    const userCookie = await sessionCookieFor(user.id);
    const res = await callRoute(() =>
      editAction({
        request: makeRequest(`/beheer/gebruikers/${user.id}`, { cookie, form: { intent: "update", name: "Nieuwe naam", role: "MUNICIPALITY", municipalities: [LEUVEN] } }),
        params: { id: user.id },
        ...ctx,
      }),
    );
    expect(res.status).toBe(200);
    expect(await getSessionUser(makeRequest("/", { cookie: userCookie }))).toBeNull();
    const after = await db.userMunicipality.findMany({ where: { userId: user.id } });
    expect(after.map((m) => m.nisCode)).toEqual([LEUVEN]);
  });

  it("deactivating revokes sessions and blocks login; reactivating allows it again", async () => {
    const { cookie } = await asAdmin();
    const user = await createUser("STAFF");
    const userCookie = await sessionCookieFor(user.id);
    const post = (intent: string) =>
      callRoute(() => editAction({ request: makeRequest(`/beheer/gebruikers/${user.id}`, { cookie, form: { intent } }), params: { id: user.id }, ...ctx }));
    await post("deactivate");
    expect(await getSessionUser(makeRequest("/", { cookie: userCookie }))).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).deactivatedAt).not.toBeNull();
    await post("reactivate");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).deactivatedAt).toBeNull();
  });

  it("revoking sessions ends every session of the user", async () => {
    const { cookie } = await asAdmin();
    const user = await createUser("STAFF");
    const a = await sessionCookieFor(user.id);
    const b = await sessionCookieFor(user.id);
    const res = await callRoute(() =>
      editAction({ request: makeRequest(`/beheer/gebruikers/${user.id}`, { cookie, form: { intent: "revoke" } }), params: { id: user.id }, ...ctx }),
    );
    expect((res.data as unknown as { notice: { params: { count: number } } }).notice.params.count).toBe(2);
    expect(await getSessionUser(makeRequest("/", { cookie: a }))).toBeNull();
    expect(await getSessionUser(makeRequest("/", { cookie: b }))).toBeNull();
  });

  it("an admin cannot deactivate themselves", async () => {
    const { admin, cookie } = await asAdmin();
    const res = await callRoute(() =>
      editAction({ request: makeRequest(`/beheer/gebruikers/${admin.id}`, { cookie, form: { intent: "deactivate" } }), params: { id: admin.id }, ...ctx }),
    );
    expect(res.status).toBe(403);
  });

  it("an unknown user id answers 404", async () => {
    const { cookie } = await asAdmin();
    const res = await callRoute(() => editLoader({ request: makeRequest("/beheer/gebruikers/nope", { cookie }), params: { id: "nope" }, ...ctx }));
    expect(res.status).toBe(404);
  });
});
