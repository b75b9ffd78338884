// Playwright fixtures. `loginAs` creates a session straight in the e2e database and hands
// the browser its cookie, so tests log in without clicking through the form (the login
// journey itself is tested through the real form in auth.spec.ts).
import { test as base, expect, type Page } from "@playwright/test";

process.env.DATABASE_URL = process.env.E2E_DATABASE_URL;
process.env.SESSION_SECRET = process.env.E2E_SESSION_SECRET;
process.env.LOG_LEVEL = "silent";

export const DEMO_PASSWORD = "kerk-demo-2026";
export const ACCOUNTS = {
  admin: "admin@herbestemming.test",
  team: "team@herbestemming.test",
  gent: "gent@herbestemming.test",
  leuven: "leuven@herbestemming.test",
} as const;
export type AccountName = keyof typeof ACCOUNTS;

async function sessionCookieValue(email: string) {
  const { db } = await import("../../app/platform/db.server");
  const { createSession, serializeSessionCookie, SESSION_COOKIE } = await import("../../app/features/auth/session.server");
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  const session = await createSession(user.id);
  const header = await serializeSessionCookie(session);
  return { name: SESSION_COOKIE, value: header.split(";")[0].slice(SESSION_COOKIE.length + 1), expires: session.expiresAt };
}

type Fixtures = { loginAs: (account: AccountName) => Promise<Page> };

export const test = base.extend<Fixtures>({
  loginAs: async ({ page, baseURL }, use) => {
    await use(async (account) => {
      const cookie = await sessionCookieValue(ACCOUNTS[account]);
      await page.context().addCookies([
        {
          name: cookie.name,
          value: cookie.value,
          url: baseURL!,
          httpOnly: true,
          sameSite: "Lax",
          expires: Math.floor(cookie.expires.getTime() / 1000),
        },
      ]);
      return page;
    });
  },
});

export { expect };
