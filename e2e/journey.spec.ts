import type { Page } from "@playwright/test";
import { tinyPdf } from "../tests/unit/documents/samples";
import { ACCOUNTS, expect, test } from "./support/fixtures";

// Issue 3's journey in one go: staff create a church from Lambert 72 coordinates, open a
// dossier for it, move it to KICKOFF with a task done, upload an INTERNAL and a SHARED PDF;
// Gent sees the dossier and only the SHARED document; Leuven gets 404. Along the way, text
// that looks like HTML is typed into fields and must come back as text, never run.
test.describe.configure({ mode: "serial" });

const STAMP = Date.now().toString(36);
const CHURCH = `Sint-Jacobskerk reis ${STAMP}`;
const XSS = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>`;
const TASK = `Plaatsbezoek plannen ${STAMP} ${XSS}`;
const INTERNAL = `Intern verslag ${STAMP}`;
const SHARED = `Gedeelde schets ${STAMP}`;
let dossierPath = "";

async function noScriptRan(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
}

test("staff: church from Lambert 72, dossier to KICKOFF with a task done, internal and shared PDFs", async ({ loginAs }) => {
  const page = await loginAs("team");
  await page.goto("/kerken/nieuw");
  await page.getByLabel("Naam (verplicht)").fill(CHURCH);
  await page.getByLabel("Parochie").fill(`Sint-Jacob ${XSS}`);
  await page.getByLabel("Gemeente (verplicht)").selectOption({ label: "Gent" });
  await page.getByLabel("Lambert 72 X").fill("104500");
  await page.getByLabel("Lambert 72 Y").fill("194100");
  await page.getByRole("button", { name: "Kerk aanmaken" }).click();
  await expect(page).toHaveURL(/\/kerken\/[^/?]+\?opgeslagen=1$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(CHURCH);
  await expect(page.getByTestId("church-location")).toContainText("Lambert 72: X 104.500, Y 194.100");
  await expect(page.getByText(`Sint-Jacob ${XSS}`)).toBeVisible();
  await noScriptRan(page);

  await page.getByRole("link", { name: "Nieuw dossier" }).click();
  await page.getByLabel("Naam van de aanvrager").fill("Kerkfabriek Sint-Jacob");
  await page.getByRole("button", { name: "Dossier aanmaken" }).click();
  await expect(page.getByTestId("phase")).toHaveText("Intake");
  dossierPath = new URL(page.url()).pathname;

  await page.getByRole("button", { name: "Verder naar Aanvaard" }).click();
  await expect(page.getByTestId("phase")).toHaveText("Aanvaard");
  await page.getByRole("button", { name: "Verder naar Startvergadering" }).click();
  await expect(page.getByTestId("phase")).toHaveText("Startvergadering");

  await page.getByLabel("Taak", { exact: true }).fill(TASK);
  await page.getByRole("button", { name: "Taak toevoegen" }).click();
  const row = page.getByTestId("task-row").filter({ hasText: `Plaatsbezoek plannen ${STAMP}` });
  await expect(row).toContainText(XSS);
  await row.getByRole("button", { name: /^Markeer als klaar/ }).click();
  await expect(page.getByTestId("task-row").filter({ hasText: `Plaatsbezoek plannen ${STAMP}` })).toContainText("Klaar");
  await noScriptRan(page);

  await page.goto(`${dossierPath}/documenten`);
  const form = page.locator("form", { has: page.getByRole("heading", { name: "Document opladen" }) });
  for (const [title, visibility] of [
    [INTERNAL, "INTERNAL"],
    [SHARED, "SHARED"],
  ] as const) {
    await form.getByLabel("Titel").fill(title);
    await form.getByLabel("Zichtbaarheid").selectOption(visibility);
    await form.getByLabel("Bestand").setInputFiles({ name: `${visibility.toLowerCase()}.pdf`, mimeType: "application/pdf", buffer: tinyPdf(title) });
    await form.getByRole("button", { name: "Opladen" }).click();
    await expect(page.getByRole("status")).toContainText("Het document is opgeladen.");
  }
  await expect(page.getByText(INTERNAL)).toBeVisible();
  await expect(page.getByText(SHARED)).toBeVisible();
});

test("gent sees the dossier and only the shared document", async ({ loginAs }) => {
  const page = await loginAs("gent");
  const response = await page.goto(dossierPath);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(CHURCH);
  await expect(page.getByTestId("phase")).toHaveText("Startvergadering");
  await page.goto(`${dossierPath}/documenten`);
  await expect(page.getByText(SHARED)).toBeVisible();
  await expect(page.getByText(INTERNAL)).toHaveCount(0);
  await noScriptRan(page);
});

test("leuven gets 404 on the dossier and its documents", async ({ loginAs }) => {
  const page = await loginAs("leuven");
  expect((await page.goto(dossierPath))?.status()).toBe(404);
  expect((await page.goto(`${dossierPath}/documenten`))?.status()).toBe(404);
  await expect(page.getByText(CHURCH)).toHaveCount(0);
  expect(ACCOUNTS.leuven).toContain("leuven");
});
