import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { lambert72ToWgs84 } from "../app/features/churches/lambert72";
import { formatNumber } from "../app/platform/i18n/format";
import { expect, test } from "./support/fixtures";

const SHOTS = process.env.SCREENSHOTS_DIR;

async function noSeriousViolations(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${name}: ${v.id} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/a-${name}.png`, fullPage: true });
}

// Sint-Baafskathedraal, Gent, in Lambert 72 (metres).
const X = 105050;
const Y = 193900;
const WGS = lambert72ToWgs84({ x: X, y: Y });

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("staff create a church in Gent from Lambert 72 coordinates and see the converted location", async ({ loginAs }) => {
    const page = await loginAs("team");
    await page.goto("/kerken/nieuw");
    await page.getByLabel("Naam (verplicht)").fill("Sint-Baafskathedraal (e2e)");
    await page.getByLabel("Parochie").fill("Sint-Baafs");
    await page.getByLabel("Gemeente (verplicht)").selectOption({ label: "Gent" });
    await page.getByLabel("Lambert 72 X").fill(String(X));
    await page.getByLabel("Lambert 72 Y").fill(String(Y).replace(".", ","));

    // The server converts and shows the result before anything is saved.
    await page.getByRole("button", { name: "Lambert 72 omrekenen naar WGS84" }).click();
    await expect(page.getByTestId("form-notice")).toContainText(`breedtegraad ${formatNumber(WGS.lat, 6)}`);
    await expect(page.getByLabel("Breedtegraad (WGS84)")).toHaveValue(String(WGS.lat).replace(".", ","));
    await expect(page.getByLabel("Lengtegraad (WGS84)")).toHaveValue(String(WGS.lng).replace(".", ","));
    await expect(page.getByLabel("Naam (verplicht)")).toHaveValue("Sint-Baafskathedraal (e2e)");
    await shot(page, "form-converted");

    await page.getByRole("button", { name: "Kerk aanmaken" }).click();
    await expect(page).toHaveURL(/\/kerken\/[^/]+\?opgeslagen=1$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sint-Baafskathedraal (e2e)");
    await expect(page.getByTestId("church-location")).toContainText(`Breedtegraad ${formatNumber(WGS.lat, 6)}, lengtegraad ${formatNumber(WGS.lng, 6)}`);
    await expect(page.getByTestId("church-location")).toContainText("Lambert 72: X 105.050, Y 193.900");
    await expect(page.getByRole("link", { name: "Nieuw dossier" })).toHaveAttribute("href", /\/dossiers\/nieuw\?kerk=/);
  });

  test("a location outside Flanders gets a clear field error and the input is kept", async ({ loginAs }) => {
    const page = await loginAs("team");
    await page.goto("/kerken/nieuw");
    await page.getByLabel("Naam (verplicht)").fill("Notre-Dame");
    await page.getByLabel("Gemeente (verplicht)").selectOption({ label: "Gent" });
    await page.getByLabel("Breedtegraad (WGS84)").fill("48,853");
    await page.getByLabel("Lengtegraad (WGS84)").fill("2,349");
    await page.getByRole("button", { name: "Kerk aanmaken" }).click();
    await expect(page.getByText("Deze ligging valt buiten Vlaanderen.")).toBeVisible();
    await expect(page.getByLabel("Naam (verplicht)")).toHaveValue("Notre-Dame");
    await expect(page.getByLabel("Breedtegraad (WGS84)")).toHaveAttribute("aria-invalid", "true");
  });
});

test("with JavaScript the Lambert 72 conversion shows live and the map is there without tiles", async ({ loginAs }) => {
  const page = await loginAs("team");
  await page.goto("/kerken/nieuw");
  await expect(page.getByTestId("church-map")).toBeVisible();
  await page.getByLabel("Lambert 72 X").fill(String(X));
  await page.getByLabel("Lambert 72 Y").fill(String(Y));
  await expect(page.getByTestId("lambert-preview")).toHaveText(
    `Lambert 72 komt overeen met breedtegraad ${formatNumber(WGS.lat, 6)}, lengtegraad ${formatNumber(WGS.lng, 6)}.`,
  );
  await shot(page, "form-live");
  await noSeriousViolations(page, "form");

  // The convert button also works with JavaScript: the server's values land in the fields.
  await page.getByRole("button", { name: "Lambert 72 omrekenen naar WGS84" }).click();
  await expect(page.getByLabel("Breedtegraad (WGS84)")).toHaveValue(String(WGS.lat).replace(".", ","));
  await expect(page.getByTestId("form-notice")).toBeVisible();

  // A click on the map sets the location and replaces the typed Lambert 72 coordinates.
  await page.getByTestId("church-map").click({ position: { x: 120, y: 80 } });
  await expect(page.getByLabel("Lambert 72 X")).toHaveValue("");
  await expect(page.getByLabel("Breedtegraad (WGS84)")).not.toHaveValue(String(WGS.lat).replace(".", ","));
  await expect(page.getByLabel("Breedtegraad (WGS84)")).toHaveValue(/^5\d,\d+$/);
  await expect(page.getByTestId("lambert-preview")).toHaveText("");
});

test("two people editing the same church: the second save is refused with what changed, then saves on purpose", async ({ loginAs }) => {
  const first = await loginAs("team");
  await first.goto("/kerken?q=Sint-Annakerk");
  await first.locator("table.table tbody tr").first().locator("a").first().click();
  await expect(first).toHaveURL(/\/kerken\/[^/?]+$/);
  const editUrl = `${first.url().split("?")[0]}/bewerken`;
  const second = await first.context().newPage();
  await first.goto(editUrl);
  await second.goto(editUrl);

  await first.getByLabel("Eigenaar").fill("Stad Gent");
  await first.getByRole("button", { name: "Opslaan" }).click();
  await expect(first.getByText("De gegevens van de kerk zijn opgeslagen.")).toBeVisible();

  await second.getByLabel("Eigenaar").fill("Kerkfabriek Sint-Anna (tweede)");
  await second.getByRole("button", { name: "Opslaan" }).click();
  const conflict = second.getByTestId("conflict");
  await expect(conflict).toContainText("Iemand anders heeft deze kerk intussen gewijzigd.");
  await expect(conflict).toContainText("Eigenaar: opgeslagen “Stad Gent” — uw invoer “Kerkfabriek Sint-Anna (tweede)”");
  await expect(second.getByLabel("Eigenaar")).toHaveValue("Kerkfabriek Sint-Anna (tweede)");
  await shot(second, "conflict");

  await second.getByRole("button", { name: "Opslaan" }).click();
  await expect(second.getByText("De gegevens van de kerk zijn opgeslagen.")).toBeVisible();
  await expect(second.getByText("Kerkfabriek Sint-Anna (tweede)")).toBeVisible();
});

test("the register lists, filters and sorts through the URL and passes axe", async ({ loginAs }) => {
  const page = await loginAs("team");
  await page.goto("/kerken");
  await expect(page.getByRole("heading", { name: "Kerken", level: 1 })).toBeVisible();
  await noSeriousViolations(page, "list");
  await page.getByLabel("Gemeente", { exact: true }).selectOption({ label: "Gent" });
  await page.getByRole("button", { name: "Filteren" }).click();
  await expect(page).toHaveURL(/nisCode=44021/);
  const rows = page.locator("table.table tbody tr");
  expect(await rows.count()).toBeGreaterThan(0);
  for (const text of await rows.locator("td:nth-child(3)").allInnerTexts()) expect(text).toContain("Gent");
  await shot(page, "list");

  const ascending = await rows.locator("td:first-child").allInnerTexts();
  await page.getByRole("link", { name: "Sorteren op Naam" }).click();
  await expect(page).toHaveURL(/\/kerken\?nisCode=44021&dir=desc$/);
  await expect(rows.locator("td:first-child")).toHaveText([...ascending].reverse());

  await rows.first().locator("a").first().click();
  await expect(page.getByRole("heading", { name: "Dossiers van deze kerk" })).toBeVisible();
  await shot(page, "detail");
  await noSeriousViolations(page, "detail");
});

test("a CSV file is previewed and then imported, and importing it again updates", async ({ loginAs }) => {
  const page = await loginAs("team");
  await page.goto("/kerken/import");
  await noSeriousViolations(page, "import");
  const csv = "\uFEFFnaam;gemeente;x;y;beschermingsstatus\r\nE2E-importkerk;Gent;105050;193900;geïnventariseerd\r\n";
  const upload = async () => {
    await page.getByLabel("CSV-bestand").setInputFiles({ name: "kerken.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByRole("button", { name: "Bestand controleren" }).click();
  };
  await upload();
  await expect(page.getByTestId("import-summary")).toContainText("Rijen: 1. Nieuw: 1, bij te werken: 0, met fouten: 0");
  await shot(page, "import-preview");
  await page.getByRole("button", { name: "Alles importeren" }).click();
  await expect(page.getByTestId("import-done")).toContainText("Nieuw: 1, bijgewerkt: 0");
  await upload();
  await expect(page.getByTestId("import-summary")).toContainText("Nieuw: 0, bij te werken: 1");
  await page.getByRole("button", { name: "Alles importeren" }).click();
  await expect(page.getByTestId("import-done")).toContainText("Nieuw: 0, bijgewerkt: 1");
  await page.goto("/kerken?q=E2E-importkerk");
  await expect(page.locator("table.table tbody tr")).toHaveCount(1);
});

test("calls show how many applications each drew", async ({ loginAs }) => {
  const page = await loginAs("team");
  await page.goto("/oproepen");
  await expect(page.getByRole("heading", { name: "Oproepen", level: 1 })).toBeVisible();
  const total = (await page.locator('[data-testid^="applications-"]').allInnerTexts()).reduce((sum, n) => sum + Number(n), 0);
  expect(total).toBe(25);
  await noSeriousViolations(page, "calls");
  await shot(page, "calls");

  await page.getByRole("link", { name: "Nieuwe oproep" }).click();
  await page.getByLabel("Nummer (verplicht)").fill("9");
  await page.getByLabel("Titel (verplicht)").fill("Oproep 9: e2e");
  await page.getByLabel("Opent op (verplicht)").fill("2027-03-01");
  await page.getByLabel("Sluit op (verplicht)").fill("2027-02-01");
  await page.getByRole("button", { name: "Oproep aanmaken" }).click();
  await expect(page.getByText("De sluitingsdatum moet na de openingsdatum liggen.")).toBeVisible();
  await noSeriousViolations(page, "call form");
  await page.getByLabel("Sluit op (verplicht)").fill("2027-05-31");
  await page.getByRole("button", { name: "Oproep aanmaken" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Oproep 9: e2e");
  await expect(page.getByText("Deze oproep heeft nog geen aanvragen.")).toBeVisible();
  await noSeriousViolations(page, "call detail");
});

test("a municipality user may not open the register", async ({ loginAs }) => {
  const page = await loginAs("gent");
  for (const path of ["/kerken", "/kerken/nieuw", "/kerken/import", "/oproepen"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
  }
});
