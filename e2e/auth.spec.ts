import { ACCOUNTS, DEMO_PASSWORD, expect, test } from "./support/fixtures";

const NAV: Record<keyof typeof ACCOUNTS, { has: string[]; hasNot: string[] }> = {
  admin: { has: ["Overzicht", "Dossiers", "Gebruikers"], hasNot: ["Mijn dossiers"] },
  team: { has: ["Overzicht", "Dossiers"], hasNot: ["Gebruikers", "Mijn dossiers"] },
  gent: { has: ["Mijn dossiers"], hasNot: ["Gebruikers", "Overzicht"] },
  leuven: { has: ["Mijn dossiers"], hasNot: ["Gebruikers", "Overzicht"] },
};

for (const javaScriptEnabled of [true, false]) {
  test.describe(`login through the real form (JavaScript ${javaScriptEnabled ? "on" : "off"})`, () => {
    test.use({ javaScriptEnabled });
    for (const [name, email] of Object.entries(ACCOUNTS) as [keyof typeof ACCOUNTS, string][]) {
      test(`${name} logs in and sees their own navigation`, async ({ page }) => {
        await page.goto("/login");
        await page.getByLabel("E-mailadres").fill(email);
        await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
        await page.getByRole("button", { name: "Aanmelden" }).click();
        await expect(page.getByTestId("account")).toBeVisible();
        const nav = page.getByRole("navigation", { name: "Hoofdnavigatie" });
        for (const label of NAV[name].has) await expect(nav.getByRole("link", { name: label, exact: true })).toBeVisible();
        for (const label of NAV[name].hasNot) await expect(nav.getByRole("link", { name: label, exact: true })).toHaveCount(0);
      });
    }
  });
}

test("a wrong password keeps the e-mail and says what is wrong", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("E-mailadres").fill("team@herbestemming.test");
  await page.getByLabel("Wachtwoord").fill("niet-het-wachtwoord");
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await expect(page.getByRole("alert").first()).toContainText("horen niet bij elkaar");
  await expect(page.getByLabel("E-mailadres")).toHaveValue("team@herbestemming.test");
});

test("a municipality user opening a staff page gets the 403 page", async ({ loginAs }) => {
  const page = await loginAs("gent");
  const response = await page.goto("/beheer/gebruikers");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Geen toegang" })).toBeVisible();
  await expect(page.locator("body")).not.toContainText("at ");
});

test("an unknown page gets the friendly 404 page", async ({ page }) => {
  const response = await page.goto("/bestaat-niet");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Pagina niet gevonden" })).toBeVisible();
});

test("logging out ends the session", async ({ loginAs }) => {
  const page = await loginAs("team");
  await page.goto("/dossiers");
  await page.getByRole("button", { name: "Afmelden" }).click();
  await expect(page).toHaveURL(/\/login\?loggedOut=1/);
  await page.goto("/dossiers");
  await expect(page).toHaveURL(/\/login/);
});

test("English can be chosen and is remembered", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Log in" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Log in" })).toBeVisible();
  await page.getByRole("button", { name: "Nederlands" }).click();
  await expect(page.getByRole("heading", { name: "Aanmelden" })).toBeVisible();
});

test("healthz answers 200 with a real database check", async ({ request }) => {
  const res = await request.get("/healthz");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok", db: "ok" });
});
