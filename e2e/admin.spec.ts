import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./support/fixtures";

test("an admin creates a municipality user who sets a password through the one-time link and logs in", async ({ loginAs, browser }) => {
  const page = await loginAs("admin");
  await page.goto("/beheer/gebruikers/nieuw");
  const email = `schepen-${Date.now()}@gent.test`;
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Naam").fill("Schepen Gent");
  await page.getByLabel("Rol").selectOption("MUNICIPALITY");
  await page.getByLabel("Gemeenten").selectOption(["44021"]);
  await page.getByRole("button", { name: "Aanmaken" }).click();
  const link = await page.getByTestId("password-link").textContent();
  expect(link).toMatch(/\/wachtwoord\//);

  const context = await browser.newContext();
  const newcomer = await context.newPage();
  await newcomer.goto(link!);
  await newcomer.getByLabel("Nieuw wachtwoord").fill("een-heel-lang-wachtwoord");
  await newcomer.getByLabel("Herhaal het wachtwoord").fill("een-heel-lang-wachtwoord");
  await newcomer.getByRole("button", { name: "Wachtwoord opslaan" }).click();
  await expect(newcomer.getByRole("status")).toContainText("ingesteld");
  await newcomer.goto("/login");
  await newcomer.getByLabel("E-mailadres").fill(email);
  await newcomer.getByLabel("Wachtwoord").fill("een-heel-lang-wachtwoord");
  await newcomer.getByRole("button", { name: "Aanmelden" }).click();
  await expect(newcomer.getByTestId("account")).toContainText("Schepen Gent");
  await context.close();
});

test("a bad create form keeps what was typed and says per field what is wrong (no JavaScript)", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const { ACCOUNTS } = await import("./support/fixtures");
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("E-mailadres").fill(ACCOUNTS.admin);
  await page.getByLabel("Wachtwoord").fill("kerk-demo-2026");
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await page.goto("/beheer/gebruikers/nieuw");
  await page.getByLabel("E-mailadres").fill("geen-adres");
  await page.getByLabel("Naam").fill("Iemand");
  await page.getByLabel("Rol").selectOption("MUNICIPALITY");
  await page.getByRole("button", { name: "Aanmaken" }).click();
  await expect(page.getByText("Geef een geldig e-mailadres op.")).toBeVisible();
  await expect(page.getByText("Kies minstens één gemeente")).toBeVisible();
  await expect(page.getByLabel("Naam")).toHaveValue("Iemand");
  await expect(page.getByLabel("E-mailadres")).toHaveAttribute("aria-invalid", "true");
  await context.close();
});

test("account pages pass an accessibility check", async ({ loginAs }) => {
  const page = await loginAs("admin");
  for (const path of ["/beheer/gebruikers", "/beheer/gebruikers/nieuw", "/dossiers", "/"]) {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${path}: ${v.id} ${v.nodes[0]?.target}`)).toEqual([]);
  }
});

test("the login page passes an accessibility check", async ({ page }) => {
  await page.goto("/login");
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
});
