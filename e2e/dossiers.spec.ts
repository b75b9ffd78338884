import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";

const SHOTS = process.env.SCREENSHOTS_DIR;
const NOTES = "Interne notitie e2e: contactpersoon belt terug";
const TASK = "Plaatsbezoek voorbereiden (e2e)";

async function noSeriousViolations(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${name}: ${v.id} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/b-${name}.png`, fullPage: true });
}

test.describe.configure({ mode: "serial" });

let dossierPath = "";
let reference = "";

test("staff open a dossier for a Gent church, move it to the kick-off and finish a task", async ({ loginAs }) => {
  const page = await loginAs("team");
  await page.goto("/dossiers/nieuw");
  await expect(page.getByRole("heading", { level: 1, name: "Nieuw dossier" })).toBeVisible();
  await noSeriousViolations(page, "form");

  // An empty required field is refused with a message at the field, keeping what was typed.
  await page.getByLabel("Kerk", { exact: true }).selectOption({ label: "Sint-Annakerk (Gent)" });
  await page.getByLabel("Interne notities (optioneel)").fill(NOTES);
  await page.getByRole("button", { name: "Dossier aanmaken" }).click();
  await expect(page.getByText("Vul dit veld in.").first()).toBeVisible();
  await expect(page.getByLabel("Interne notities (optioneel)")).toHaveValue(NOTES);
  await shot(page, "form-error");

  await page.getByLabel("Naam van de aanvrager").fill("Kerkfabriek Sint-Anna");
  await page.getByRole("button", { name: "Dossier aanmaken" }).click();
  await expect(page).toHaveURL(/\/dossiers\/(?!nieuw)[^/?]+$/);
  dossierPath = new URL(page.url()).pathname;
  const year = new Date().getUTCFullYear();
  const referenceText = page.getByText(new RegExp(`^HK-${year}-\\d{3}$`));
  await expect(referenceText).toBeVisible();
  reference = (await referenceText.textContent()) ?? "";
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Sint-Annakerk");
  await expect(page.getByTestId("phase")).toHaveText("Intake");
  await expect(page.getByTestId("internal-notes")).toHaveText(NOTES);

  await page.getByRole("button", { name: "Verder naar Aanvaard" }).click();
  await expect(page.getByTestId("phase")).toHaveText("Aanvaard");
  await page.getByRole("button", { name: "Verder naar Startvergadering" }).click();
  await expect(page.getByTestId("phase")).toHaveText("Startvergadering");
  await expect(page.getByRole("status")).toContainText("nieuwe fase");
  const timeline = page.getByTestId("timeline");
  await expect(timeline.getByRole("listitem")).toHaveCount(3);
  await expect(timeline.getByRole("listitem").first()).toContainText("Aanvaard → Startvergadering");
  await expect(timeline.getByRole("listitem").first()).toContainText("Tom Team");

  // A move that needs a reason says so and changes nothing without one.
  await expect(page.getByLabel("Reden voor 'Gepauzeerd' (verplicht)")).toBeVisible();

  await page.getByLabel("Taak", { exact: true }).fill(TASK);
  await page.getByLabel("Deadline (optioneel)").fill("2020-01-15");
  await page.getByRole("button", { name: "Taak toevoegen" }).click();
  const row = page.getByTestId("task-row").filter({ hasText: TASK });
  await expect(row).toContainText("Te laat");
  await shot(page, "detail");
  await noSeriousViolations(page, "detail");

  await row.getByRole("button", { name: /^Markeer als klaar/ }).click();
  await expect(page.getByTestId("task-row").filter({ hasText: TASK })).toContainText("Klaar");
  await expect(page.getByTestId("task-row").filter({ hasText: TASK })).not.toContainText("Te laat");

  await page.getByRole("navigation", { name: "Onderdelen van het dossier" }).getByRole("link", { name: "Audittrail" }).click();
  await expect(page.getByTestId("audit-row").first()).toContainText("Gewijzigd · taak");
  await expect(page.getByTestId("audit-row")).toHaveCount(5);
});

test("the list finds the new dossier through the URL filters and passes axe", async ({ loginAs }) => {
  const page = await loginAs("team");
  await page.goto("/dossiers");
  await noSeriousViolations(page, "list");
  await page.getByLabel("Gemeente").selectOption({ label: "Gent" });
  await page.getByLabel("Fase").selectOption({ label: "Startvergadering" });
  await page.getByRole("button", { name: "Filteren" }).click();
  await expect(page).toHaveURL(/municipality=44021/);
  await expect(page.getByRole("link", { name: reference })).toBeVisible();
  await expect(page.locator("tbody tr").filter({ hasText: reference })).toContainText("Sint-Annakerk");
  await shot(page, "list");
  const href = await page.getByRole("link", { name: "Exporteren als CSV" }).getAttribute("href");
  expect(href).toContain("municipality=44021");
  expect(href).toContain("phase=KICKOFF");
});

test("the Gent municipality sees the dossier read-only, without internal notes", async ({ loginAs }) => {
  const page = await loginAs("gent");
  const response = await page.goto(dossierPath);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Sint-Annakerk");
  await expect(page.getByTestId("phase")).toHaveText("Startvergadering");
  await expect(page.getByTestId("task-row").filter({ hasText: TASK })).toContainText("Klaar");
  await expect(page.locator("body")).not.toContainText(NOTES);
  await expect(page.getByRole("button", { name: /Verder naar|Dossier pauzeren|Taak toevoegen|Markeer als klaar|Verwijderen|Vergadering toevoegen/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Gegevens bewerken" })).toHaveCount(0);
  const tabs = page.getByRole("navigation", { name: "Onderdelen van het dossier" });
  await expect(tabs.getByRole("link", { name: "Overzicht" })).toBeVisible();
  await expect(tabs.getByRole("link", { name: "Audittrail" })).toHaveCount(0);
  await shot(page, "gent");
  expect((await page.goto(`${dossierPath}/audit`))?.status()).toBe(403);
});

test("the Leuven municipality gets 404 on the Gent dossier", async ({ loginAs }) => {
  const page = await loginAs("leuven");
  const response = await page.goto(dossierPath);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Pagina niet gevonden" })).toBeVisible();
  await expect(page.locator("body")).not.toContainText("Sint-Annakerk");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("staff add a meeting and put the dossier on hold with a reason", async ({ loginAs }) => {
    const page = await loginAs("team");
    await page.goto(dossierPath);
    await page.getByLabel("Soort").selectOption({ label: "Plaatsbezoek" });
    await page.getByLabel("Datum").fill("2026-05-04");
    await page.getByLabel("Aanwezigen (optioneel)").fill("Bureau en kerkfabriek");
    await page.getByRole("button", { name: "Vergadering toevoegen" }).click();
    await expect(page.getByRole("status")).toHaveText("De vergadering is opgeslagen.");
    await expect(page.getByTestId("meeting-row").filter({ hasText: "Plaatsbezoek" })).toContainText("4/5/2026");

    await page.getByLabel("Reden voor 'Gepauzeerd' (verplicht)").fill("Wachten op het schepencollege");
    await page.getByRole("button", { name: "Dossier pauzeren" }).click();
    await expect(page.getByTestId("phase")).toHaveText("Gepauzeerd");
    await expect(page.getByTestId("timeline").getByRole("listitem").first()).toContainText("Wachten op het schepencollege");
    await expect(page.getByRole("button", { name: "Hervatten in Startvergadering" })).toBeVisible();
  });
});
