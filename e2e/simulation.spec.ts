// The simulation journey: a scenario built in the editor with JavaScript off (rows added by
// form submissions) and on (results follow the typing), submitted, edited into version 2 and
// compared with version 1; axe checks on the editor and the results.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";

const SHOTS = process.env.SCREENSHOTS_DIR;
// Long journeys with several axe scans of large pages, on a shared two-core machine.
test.describe.configure({ timeout: 180_000 });

async function noSeriousViolations(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${name}: ${v.id} (${v.nodes.map((n) => `${n.target.join(" ")} ${n.failureSummary ?? ""}`).join(", ")})`)).toEqual([]);
}

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/simulation-${name}.png`, fullPage: true });
}

/** A fresh Gent dossier in SIMULATION, made in the e2e database. */
async function newDossier() {
  const { db } = await import("../app/platform/db.server");
  const team = await db.user.findUniqueOrThrow({ where: { email: "team@herbestemming.test" } });
  const church = await db.church.findFirstOrThrow({ where: { nisCode: "44021" } });
  for (;;) {
    const seq = 800 + Math.floor(Math.random() * 190);
    const taken = await db.dossier.findUnique({ where: { year_seq: { year: 2031, seq } } });
    if (taken) continue;
    const dossier = await db.dossier.create({
      data: {
        reference: `HK-2031-${seq}`,
        year: 2031,
        seq,
        churchId: church.id,
        applicantType: "CHURCH_COUNCIL",
        applicantName: "Kerkfabriek",
        startDate: new Date(),
        leadId: team.id,
        phase: "SIMULATION",
        isDemo: true,
      },
    });
    return dossier.id;
  }
}

const row = (page: Page, list: string, n: number) => page.getByRole("group", { name: `${list}: rij ${n}` });

async function createScenario(page: Page, dossierId: string, name: string) {
  await page.goto(`/dossiers/${dossierId}/scenarios`);
  await page.getByLabel("Naam").fill(name);
  await page.getByLabel("Nieuwe functie").selectOption("LIBRARY");
  await page.getByRole("button", { name: "Functie toevoegen" }).click();
  await page.getByRole("group", { name: "Programma: rij 1" }).getByLabel("Functie").fill("Bibliotheek");
  await page.getByRole("group", { name: "Programma: rij 1" }).getByLabel("Oppervlakte (m²)").fill("640,5");
  await page.getByRole("button", { name: "Scenario aanmaken" }).click();
  await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
  await expect(page.getByRole("row", { name: "Bibliotheek 640,5" })).toBeVisible();
}

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("builds a scenario in the editor: rows added by form submissions, errors per field, results after saving", async ({ loginAs }) => {
    const page = await loginAs("team");
    const dossierId = await newDossier();
    await createScenario(page, dossierId, "Bibliotheek zonder JavaScript");
    await page.getByTestId("edit-simulation").click();
    await expect(page.getByRole("heading", { level: 2, name: /Simulatie bewerken/ })).toBeVisible();

    await page.getByLabel("Startjaar").fill("2027");
    await page.getByLabel("Simulatieperiode (jaren)").fill("20");
    await page.getByTestId("add-investments").click();
    await row(page, "Investeringen", 1).getByLabel("Omschrijving").fill("Restauratie dak");
    await row(page, "Investeringen", 1).getByLabel("Categorie").selectOption("RESTORATION");
    await row(page, "Investeringen", 1).getByLabel("Bedrag excl. btw").fill("-5");
    await page.getByTestId("add-revenues").click();
    // The first row kept what was typed across the submission.
    await expect(row(page, "Investeringen", 1).getByLabel("Omschrijving")).toHaveValue("Restauratie dak");
    await row(page, "Inkomsten", 1).getByLabel("Omschrijving").fill("Huur bibliotheek");
    await row(page, "Inkomsten", 1).getByLabel("Bedrag per jaar (prijzen van het startjaar)").fill("60.000");
    await page.getByTestId("save-draft").click();
    await expect(row(page, "Investeringen", 1).getByText("Het bedrag mag niet negatief zijn.")).toBeVisible();
    await expect(row(page, "Investeringen", 1).getByLabel("Bedrag excl. btw")).toHaveValue("-5");
    await expect(row(page, "Inkomsten", 1).getByLabel("Omschrijving")).toHaveValue("Huur bibliotheek");

    await row(page, "Investeringen", 1).getByLabel("Bedrag excl. btw").fill("800.000");
    await page.getByTestId("save-draft").click();
    await expect(page.getByTestId("notice")).toHaveText("Het ontwerp is opgeslagen.");
    // -968.000 (with VAT) in 2027, then 19 years of 60.000 at 4 %.
    await expect(page.getByTestId("metric-npv")).toHaveText("-179.963,64 €");
    await expect(page.getByTestId("year-table").locator("tbody tr")).toHaveCount(20);
    // (axe needs JavaScript in the page; the same markup is scanned in the test below.)
    await shot(page, "editor-nojs");

    // Removing a row is a form submission too.
    await row(page, "Inkomsten", 1).getByRole("button", { name: "Inkomsten: rij 1 verwijderen" }).click();
    await expect(row(page, "Inkomsten", 1)).toHaveCount(0);
  });
});

test.describe("with JavaScript on", () => {
  test("live results, submit, version 2 and the comparison of both versions", async ({ loginAs }) => {
    const page = await loginAs("team");
    const dossierId = await newDossier();
    await createScenario(page, dossierId, "Bibliotheek met JavaScript");
    await page.getByTestId("edit-simulation").click();
    await page.getByLabel("Startjaar").fill("2027");
    await page.getByLabel("Simulatieperiode (jaren)").fill("20");
    await page.getByTestId("add-investments").click();
    await row(page, "Investeringen", 1).getByLabel("Omschrijving").fill("Restauratie dak");
    await row(page, "Investeringen", 1).getByLabel("Bedrag excl. btw").fill("800000");
    await page.getByTestId("add-revenues").click();
    await row(page, "Inkomsten", 1).getByLabel("Omschrijving").fill("Huur bibliotheek");
    const amount = row(page, "Inkomsten", 1).getByLabel("Bedrag per jaar (prijzen van het startjaar)");
    await amount.fill("60000");
    // Results follow the typing, before anything is saved.
    await expect(page.getByTestId("metric-npv")).toHaveText("-179.963,64 €");
    await amount.fill("70000");
    await expect(page.getByTestId("metric-npv")).toHaveText("-48.624,24 €");
    await expect(page.getByTestId("live-status")).toHaveText("De resultaten volgen wat u invult.");
    await amount.fill("veel");
    await expect(page.getByTestId("live-status")).toContainText("bevat nog fouten");
    await amount.fill("70000");
    await page.getByTestId("save-draft").click();
    await expect(page.getByTestId("notice")).toHaveText("Het ontwerp is opgeslagen.");
    await shot(page, "editor-js");
    await noSeriousViolations(page, "editor");

    await page.getByTestId("submit-version").click();
    await expect(page.getByText("De versie is ingediend ter beoordeling")).toBeVisible();
    await expect(page.getByTestId("version-status")).toHaveText("Ingediend");
    await expect(page.getByTestId("content-hash")).toHaveText(/^[0-9a-f]{64}$/);
    await expect(page.getByTestId("metric-npv")).toHaveText("-48.624,24 €");
    await shot(page, "version");
    await noSeriousViolations(page, "results");

    await page.getByTestId("new-draft").click();
    await expect(page.getByText("Versie 2 · Ontwerp")).toBeVisible();
    await row(page, "Inkomsten", 1).getByLabel("Bedrag per jaar (prijzen van het startjaar)").fill("75000");
    await page.getByTestId("save-draft").click();
    await expect(page.getByTestId("notice")).toHaveText("Het ontwerp is opgeslagen.");

    await page.getByRole("link", { name: "Bibliotheek met JavaScript" }).click();
    await expect(page.getByTestId("version-history").locator("tbody tr")).toHaveCount(2);
    await page.getByLabel("Vergelijk versie").selectOption({ label: "Versie 1 · Ingediend" });
    await page.getByLabel("met versie").selectOption({ label: "Versie 2 · Ontwerp" });
    await page.getByRole("button", { name: "Vergelijken" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Versie 1 en versie 2 vergeleken" })).toBeVisible();
    const changes = page.getByTestId("input-changes");
    await expect(changes).toContainText("Inkomsten 'Huur bibliotheek'");
    await expect(changes).toContainText("70.000,00 €");
    await expect(changes).toContainText("75.000,00 €");
    const npv = page.getByTestId("metric-change-npv");
    await expect(npv).toContainText("-48.624,24 €");
    await expect(npv).toContainText("+");
    await shot(page, "compare");
    await noSeriousViolations(page, "comparison");
    const url = new URL(page.url());
    const [v1, v2] = [url.searchParams.get("a"), url.searchParams.get("b")];

    await page.goto(`/dossiers/${dossierId}/scenarios`);
    await expect(page.getByTestId("scenario-list")).toContainText("Bibliotheek met JavaScript");
    await shot(page, "list");
    await noSeriousViolations(page, "scenario list");
    await page.goto(`/dossiers/${dossierId}/scenarios/vergelijk`);
    await expect(page.getByTestId("scenario-comparison")).toContainText("-48.624,24 €");
    await shot(page, "scenarios-compare");
    await noSeriousViolations(page, "scenario comparison");

    // Gent reviews this dossier: it sees the submitted version, never the draft.
    await loginAs("gent");
    const base = `/dossiers/${dossierId}/scenarios`;
    await page.goto(base);
    await page.getByRole("link", { name: "Bibliotheek met JavaScript" }).click();
    await expect(page.getByTestId("version-history").locator("tbody tr")).toHaveCount(1);
    await expect(page.getByTestId("edit-simulation")).toHaveCount(0);
    const scenarioPath = new URL(page.url()).pathname;
    expect((await page.goto(`${scenarioPath}/versies/${v1}`))?.status()).toBe(200);
    expect((await page.goto(`${scenarioPath}/versies/${v2}`))?.status()).toBe(404);
    expect((await page.goto(`${scenarioPath}/simulatie`))?.status()).toBe(403);
  });
});
