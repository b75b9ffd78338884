// The review loop: staff submit a version, Gent comments on an input row and asks for
// changes, staff see the notification and submit version 2, Gent sees exactly what changed
// and approves, the dossier moves on to REPORTING; Leuven never sees any of it.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";

const SHOTS = process.env.SCREENSHOTS_DIR;
const SCENARIO = "Bibliotheek (e2e review)";
const COMMENT = "Zijn 10.000 euro aan evenementen per jaar haalbaar?";
const REASON = "Evenementen te optimistisch: reken met 6.000 euro.";
const INTERNAL = "Intern: de schepen wil eigenlijk 8.000 euro";

async function noSeriousViolations(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${name}: ${v.id} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/review-${name}.png`, fullPage: true });
}

/** A Gent dossier in SIMULATION, led by team@, with a scenario and a draft: made in the e2e database. */
async function prepareDossier() {
  const { db } = await import("../app/platform/db.server");
  const { canonicalInputs } = await import("../app/features/simulation/canonical");
  const { parseSimulationInput } = await import("../app/features/simulation/schema");
  const team = await db.user.findUniqueOrThrow({ where: { email: "team@herbestemming.test" } });
  const church = await db.church.findFirstOrThrow({ where: { nisCode: "44021", name: "Heilig-Kerstkerk" } });
  const seq = 900 + Math.floor(Math.random() * 99);
  const dossier = await db.dossier.create({
    data: { reference: `HK-2030-${seq}`, year: 2030, seq, churchId: church.id, applicantType: "CHURCH_COUNCIL", applicantName: "Kerkfabriek Heilig Kerst", startDate: new Date(), leadId: team.id, phase: "SIMULATION", isDemo: true },
  });
  const scenario = await db.scenario.create({ data: { dossierId: dossier.id, name: SCENARIO, functionCategory: "LIBRARY" } });
  const parsed = parseSimulationInput({
    startYear: 2027,
    horizonYears: 20,
    investments: [{ label: "Restauratie dak", category: "RESTORATION", amount: 800000, subsidyEligible: true }],
    subsidy: { label: "Erfgoedpremie", ratePct: 40 },
    revenues: [
      { label: "Huur leeszaal", category: "RENT", amount: 36000 },
      { label: "Evenementen", category: "EVENTS", amount: 10000 },
    ],
    operatingCosts: [{ label: "Onderhoud", category: "MAINTENANCE", amount: 12000 }],
  });
  if (!parsed.success) throw new Error("e2e input");
  await db.simulationVersion.create({ data: { scenarioId: scenario.id, number: 1, inputs: canonicalInputs(parsed.data), createdById: team.id } });
  return { dossierId: dossier.id, scenarioId: scenario.id, reference: dossier.reference };
}

test.describe.configure({ mode: "serial" });

let ctx: { dossierId: string; scenarioId: string; reference: string };
let v1Path = "";
let v2Path = "";

test("1. staff submit version 1 and send the dossier to the municipality", async ({ loginAs }) => {
  ctx = await prepareDossier();
  const page = await loginAs("team");
  await page.goto(`/dossiers/${ctx.dossierId}/scenarios/${ctx.scenarioId}/simulatie`);
  await page.getByTestId("submit-version").click();
  await expect(page).toHaveURL(/\/versies\/[^/?]+\?ingediend=1$/);
  const versionId = new URL(page.url()).pathname.split("/").pop()!;
  v1Path = `/beoordelingen/${versionId}`;
  await page.goto(`/dossiers/${ctx.dossierId}`);
  await page.getByRole("button", { name: "Verder naar Beoordeling" }).click();
  await expect(page.getByTestId("phase")).toHaveText("Beoordeling");
});

test("2. Gent sees it waiting, comments on an input row and asks for changes", async ({ loginAs }) => {
  const page = await loginAs("gent");
  await page.goto("/gemeente");
  await expect(page.getByRole("heading", { level: 1, name: "Mijn gemeente" })).toBeVisible();
  const waiting = page.getByTestId("waiting");
  const row = waiting.getByRole("row").filter({ hasText: ctx.reference });
  await expect(row).toContainText(`${SCENARIO} v1`);
  // The count beside the heading and in the navigation is the number of versions waiting.
  const rows = await waiting.locator("tbody tr").count();
  await expect(page.getByTestId("waiting-count")).toHaveText(String(rows));
  const nav = page.getByRole("navigation", { name: "Hoofdnavigatie" });
  await expect(nav.getByRole("link", { name: /Te beoordelen/ })).toHaveAttribute("href", "/gemeente");
  await expect(nav.getByTestId("to-review-count").locator('[aria-hidden="true"]')).toHaveText(String(rows));
  await expect(page.getByTestId("my-dossiers").getByRole("row").filter({ hasText: ctx.reference })).toContainText("Beoordeel de ingediende simulatie");
  await noSeriousViolations(page, "gemeente");
  await shot(page, "home");

  await row.getByRole("link", { name: /Beoordelen/ }).click();
  await expect(page).toHaveURL(new RegExp(`${v1Path}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${SCENARIO} – versie 1`);
  await expect(page.getByTestId("hash-check")).toContainText("klopt");
  await expect(page.getByTestId("content-hash")).toHaveText(/^[0-9a-f]{64}$/);
  await expect(page.getByTestId("cashflow-chart")).toBeVisible();
  await expect(page.getByTestId("tornado-chart")).toBeVisible();
  await noSeriousViolations(page, "review page");

  // Comment on the "Evenementen" row: its link chooses the row in the form.
  await page.getByRole("link", { name: "Opmerking over de regel Evenementen" }).click();
  await expect(page.getByLabel("Over welke regel?")).toHaveValue("revenues[1]");
  await page.getByLabel("Opmerking", { exact: true }).fill(COMMENT);
  await page.getByRole("button", { name: "Opmerking plaatsen" }).click();
  const comment = page.getByTestId("comment").filter({ hasText: COMMENT });
  await expect(comment).toContainText("Over: Inkomsten: Evenementen");
  // The form starts empty again for the next comment.
  await expect(page.getByLabel("Opmerking", { exact: true })).toHaveValue("");
  await expect(page.getByTestId("inputs-revenues").getByRole("row").filter({ hasText: "Evenementen" })).toContainText("1 opm.");

  // Asking for changes without a reason is refused at the field, and nothing is recorded.
  const form = page.getByTestId("decision-form");
  await form.getByLabel("Wijzigingen vragen").check();
  await form.getByRole("button", { name: "Beslissing vastleggen" }).click();
  await expect(form.getByText("Zeg welke wijzigingen u vraagt.")).toBeVisible();
  await form.getByLabel("Toelichting").fill(REASON);
  await form.getByRole("button", { name: "Beslissing vastleggen" }).click();
  await expect(page.getByTestId("decision")).toContainText("Wijzigingen gevraagd");
  await expect(page.getByTestId("decision")).toContainText(REASON);
  await expect(page.getByTestId("version-status")).toHaveText("Wijzigingen gevraagd");
  await shot(page, "changes-requested");
});

test("3. staff see the notification, make version 2 and submit it", async ({ loginAs }) => {
  const page = await loginAs("team");
  await page.goto("/meldingen");
  const note = page.getByRole("listitem").filter({ hasText: `${ctx.reference}: Griet Gent vraagt wijzigingen aan versie 1` });
  await expect(note).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: `${ctx.reference}: Griet Gent reageerde op versie 1` })).toBeVisible();
  await note.getByRole("button", { name: "Openen" }).click();
  await expect(page).toHaveURL(new RegExp(`${v1Path}$`));
  // Staff read the comment but may not decide.
  await expect(page.getByTestId("comment").filter({ hasText: COMMENT })).toBeVisible();
  await expect(page.getByTestId("decision-form")).toHaveCount(0);
  // An internal note for the team, in reply to Gent's comment.
  await page.getByTestId("comment").filter({ hasText: COMMENT }).getByText("Reageren").click();
  await page.getByLabel("Uw reactie aan Griet Gent").fill(INTERNAL);
  await page.getByTestId("comment").filter({ hasText: COMMENT }).getByLabel(/Interne opmerking/).check();
  await page.getByRole("button", { name: "Reactie plaatsen" }).click();
  await expect(page.getByTestId("comment").filter({ hasText: INTERNAL, hasNotText: COMMENT })).toContainText("intern");
  await shot(page, "staff");

  // The dossier went back to SIMULATION, recorded with Gent's reason.
  await page.goto(`/dossiers/${ctx.dossierId}`);
  await expect(page.getByTestId("phase")).toHaveText("Simulatie");
  await expect(page.getByTestId("timeline")).toContainText(REASON);

  const versionId = v1Path.split("/").pop();
  await page.goto(`/dossiers/${ctx.dossierId}/scenarios/${ctx.scenarioId}/versies/${versionId}`);
  await page.getByTestId("new-draft").click();
  await expect(page).toHaveURL(/\/simulatie$/);
  await page.locator('input[name="revenues[1].amount"]').fill("6000");
  await page.getByTestId("submit-version").click();
  await expect(page).toHaveURL(/\/versies\/[^/?]+\?ingediend=1$/);
  v2Path = `/beoordelingen/${new URL(page.url()).pathname.split("/").pop()}`;
  await page.goto(`/dossiers/${ctx.dossierId}`);
  await page.getByRole("button", { name: "Verder naar Beoordeling" }).click();
  await expect(page.getByTestId("phase")).toHaveText("Beoordeling");
});

test("4. Gent sees exactly what changed and approves", async ({ loginAs }) => {
  const page = await loginAs("gent");
  await page.goto("/gemeente");
  await page.getByTestId("waiting").getByRole("row").filter({ hasText: ctx.reference }).getByRole("link", { name: /Beoordelen/ }).click();
  await expect(page).toHaveURL(new RegExp(`${v2Path}$`));
  const changes = page.getByTestId("changes");
  await expect(changes).toContainText("Vergeleken met versie 1");
  await expect(changes).toContainText(REASON);
  const inputChanges = changes.getByTestId("input-changes").getByRole("listitem");
  await expect(inputChanges).toHaveCount(1);
  await expect(inputChanges.first()).toContainText("Evenementen");
  await expect(inputChanges.first()).toContainText("10.000,00 €");
  await expect(inputChanges.first()).toContainText("6.000,00 €");
  await expect(changes.getByTestId("metric-change-npv")).toContainText("-");
  await shot(page, "changes");

  const form = page.getByTestId("decision-form");
  await form.getByLabel("Goedkeuren").check();
  await form.getByRole("button", { name: "Beslissing vastleggen" }).click();
  await expect(page.getByTestId("decision")).toContainText("Goedgekeurd");
  const hash = await page.getByTestId("content-hash").textContent();
  await expect(page.getByTestId("decision")).toContainText(hash!);

  // Staff's internal note is nowhere on the page of version 1 for Gent.
  await page.goto(v1Path);
  await expect(page.getByTestId("comment").filter({ hasText: COMMENT })).toBeVisible();
  await expect(page.locator("body")).not.toContainText(INTERNAL);

  await page.goto("/gemeente");
  const past = page.getByTestId("past-decisions");
  await expect(past.getByRole("row").filter({ hasText: `${SCENARIO} v2` })).toContainText("Goedgekeurd");
  await expect(past.getByRole("row").filter({ hasText: `${SCENARIO} v1` })).toContainText(REASON);
  await expect(page.getByTestId("waiting").getByRole("row").filter({ hasText: ctx.reference })).toHaveCount(0);
  const left = await page.getByTestId("waiting").locator("tbody tr").count();
  await expect(page.getByTestId("waiting-count")).toHaveText(String(left));
  await expect(page.getByTestId("to-review-count")).toHaveCount(left > 0 ? 1 : 0);
});

test("5. the dossier can move on to REPORTING", async ({ loginAs }) => {
  const page = await loginAs("team");
  await page.goto(`/dossiers/${ctx.dossierId}`);
  const move = page.getByRole("button", { name: "Verder naar Eindrapport" });
  await expect(move).toBeEnabled();
  await move.click();
  await expect(page.getByTestId("phase")).toHaveText("Eindrapport");
});

test("6. Leuven never sees any of it", async ({ loginAs }) => {
  const page = await loginAs("leuven");
  for (const path of [v1Path, v2Path]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.locator("body")).not.toContainText(SCENARIO);
  }
  await page.goto("/gemeente");
  await expect(page.getByRole("heading", { level: 1, name: "Mijn gemeente" })).toBeVisible();
  await expect(page.locator("main")).not.toContainText(ctx.reference);
  await expect(page.locator("main")).not.toContainText(SCENARIO);
  await page.goto("/meldingen");
  await expect(page.locator("main")).not.toContainText(ctx.reference);
  const response = await page.goto(`/dossiers/${ctx.dossierId}`);
  expect(response?.status()).toBe(404);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("Gent comments on a row: an empty comment is refused at the field and keeps the chosen row", async ({ loginAs }) => {
    const page = await loginAs("gent");
    await page.goto(v2Path);
    await page.getByLabel("Over welke regel?").selectOption({ label: "Exploitatiekosten: Onderhoud" });
    await page.getByRole("button", { name: "Opmerking plaatsen" }).click();
    await expect(page.getByText("Vul dit veld in.")).toBeVisible();
    await expect(page.getByLabel("Over welke regel?")).toHaveValue("operatingCosts[0]");
    await page.getByLabel("Opmerking", { exact: true }).fill("Is het onderhoud geïndexeerd?");
    await page.getByRole("button", { name: "Opmerking plaatsen" }).click();
    await expect(page.getByTestId("comment").filter({ hasText: "Is het onderhoud geïndexeerd?" })).toContainText("Over: Exploitatiekosten: Onderhoud");
  });
});
