import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { tinyPdf } from "../tests/unit/documents/samples";
import { expect, test } from "./support/fixtures";

// One journey over a demo dossier in REPORTING: the bureau uploads the signed report,
// writes the final report, downloads the PDF, records the council's decision, completes
// the dossier, and the annual overview of this year counts it.
test.describe.configure({ mode: "serial" });

const REPORT_TITLE = "Eindrapport ondertekend (e2e)";
let dossier: { id: string; reference: string };
let approvedHash: string;
let scenarioId: string;

test.beforeAll(async () => {
  const { db } = await import("../app/platform/db.server");
  const found = await db.dossier.findFirstOrThrow({ where: { phase: "REPORTING" }, orderBy: { reference: "asc" } });
  dossier = { id: found.id, reference: found.reference };
  // The demo data may not hold scenarios yet: give the dossier one with an approved version
  // through the data layer (approving goes through the municipality's review, tested elsewhere).
  const approved = await db.simulationVersion.findFirst({
    where: { status: "APPROVED", scenario: { dossierId: found.id, archivedAt: null } },
    include: { scenario: true },
    orderBy: { number: "desc" },
  });
  if (approved?.contentHash) {
    approvedHash = approved.contentHash;
    scenarioId = approved.scenario.id;
    return;
  }
  const inputs = JSON.stringify(JSON.parse(readFileSync(path.resolve("tests/unit/simulation/fixtures/example-scenario.json"), "utf8")));
  approvedHash = createHash("sha256").update(inputs).digest("hex");
  const scenario = await db.scenario.create({
    data: {
      dossierId: found.id,
      name: "Bibliotheek met stiltekapel (e2e)",
      functionCategory: "LIBRARY",
      versions: { create: [{ number: 1, status: "APPROVED", inputs, contentHash: approvedHash, submittedAt: new Date() }] },
    },
  });
  scenarioId = scenario.id;
});

async function expectNoSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${page.url()}: ${v.id} ${v.nodes[0]?.target}`)).toEqual([]);
}

test("the bureau completes a dossier: report written and uploaded, PDF, decision, COMPLETED, counted in the overview", async ({ loginAs }) => {
  const page = await loginAs("team");

  // 1. The signed report is uploaded on the Documenten tab ...
  await page.goto(`/dossiers/${dossier.id}/documenten`);
  // Fill in only once the page is hydrated, so React does not reset what was typed.
  await page.waitForLoadState("networkidle");
  const upload = page.locator("form", { has: page.getByRole("heading", { name: "Document opladen" }) });
  await upload.getByLabel("Titel").fill(REPORT_TITLE);
  await upload.getByLabel("Soort document").selectOption({ label: "Eindrapport" });
  await upload.getByLabel("Zichtbaarheid").selectOption({ label: "Gedeeld met gemeente" });
  await upload.getByLabel("Bestand").setInputFiles({ name: "eindrapport.pdf", mimeType: "application/pdf", buffer: tinyPdf("Eindrapport") });
  await upload.getByRole("button", { name: "Opladen" }).click();
  await expect(page.getByRole("status")).toContainText("Het document is opgeladen.");
  await expect(page.getByRole("row", { name: new RegExp(REPORT_TITLE.replace(/[()]/g, "\\$&")) })).toBeVisible();

  // ... and the report is written on the Eindrapport tab; the checklist says what is missing.
  await page.goto(`/dossiers/${dossier.id}/eindrapport`);
  await page.waitForLoadState("networkidle");
  await expect(page.getByRole("heading", { name: "Eindrapport", level: 2 })).toBeVisible();
  await expect(page.getByTestId("checklist")).toContainText("ontbreekt");
  await page.getByLabel("Conclusies").fill("## Haalbaar\n\nDe **bibliotheek** past in het schip. <b>geen html</b>");
  await page.getByLabel("Aanbeveling").fill("- Subsidie aanvragen\n- Ontwerpwedstrijd uitschrijven");
  await page.getByLabel("Voorkeursscenario").selectOption(scenarioId);
  await page.getByLabel("Rapportdocument").selectOption({ label: REPORT_TITLE });
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByRole("status")).toContainText("Het eindrapport is opgeslagen.");
  await expect(page.getByTestId("approved-hash")).toHaveText(approvedHash);
  await expect(page.getByTestId("checklist")).not.toContainText("ontbreekt");
  // The saved text renders as Markdown; the typed HTML stays text.
  await page.getByText("Voorbeeld van de opgeslagen tekst").click();
  await expect(page.getByRole("heading", { name: "Haalbaar" })).toBeVisible();
  await expect(page.locator(".report-preview .markdown strong")).toHaveText("bibliotheek");
  await expect(page.locator(".report-preview .markdown").first()).toContainText("<b>geen html</b>");
  await expectNoSeriousAxeViolations(page);

  // 2. The PDF is downloaded.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Rapport downloaden (pdf)" }).click()]);
  expect(download.suggestedFilename()).toBe(`rapport-${dossier.reference}.pdf`);
  const file = readFileSync((await download.path())!);
  expect(file.subarray(0, 5).toString("latin1")).toBe("%PDF-");

  // 3. A decision is recorded.
  const today = new Date().toISOString().slice(0, 10);
  await page.getByLabel("Orgaan").selectOption({ label: "Gemeenteraad" });
  await page.getByLabel("Datum").fill(today);
  await page.getByLabel("Uitkomst").selectOption({ label: "Verder zetten" });
  await page.getByLabel("Toelichting").fill("Unaniem goedgekeurd (e2e)");
  await page.getByRole("button", { name: "Besluit registreren" }).click();
  await expect(page.getByRole("status")).toContainText("Het besluit is geregistreerd.");
  await expect(page.getByTestId("decisions")).toContainText("Unaniem goedgekeurd (e2e)");

  // 4. The dossier moves to COMPLETED on its overview.
  await page.goto(`/dossiers/${dossier.id}`);
  await page.getByTestId("move-COMPLETED").getByRole("button", { name: "Verder naar Afgerond" }).click();
  await expect(page.getByTestId("phase")).toHaveText("Afgerond");

  // The report is now final: shown, no longer editable.
  await page.goto(`/dossiers/${dossier.id}/eindrapport`);
  await expect(page.getByText("Het dossier is afgerond: het eindrapport kan niet meer gewijzigd worden.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Haalbaar" })).toBeVisible();
  await expect(page.locator(".markdown b")).toHaveCount(0);

  // 5. The overview of this year counts the dossier as completed.
  const year = new Date().getUTCFullYear();
  await page.goto(`/jaaroverzicht?jaar=${year}`);
  await expect(page.getByRole("heading", { name: `Jaaroverzicht ${year}`, level: 1 })).toBeVisible();
  await expect(page.getByTestId("overview-completed")).toContainText(dossier.reference);
  await expect(page.getByTestId("overview-guided").getByRole("row", { name: new RegExp(dossier.reference) })).toContainText("Afgerond");
});

test("the dossier's municipality reads the report and downloads the PDF; another municipality gets 404", async ({ loginAs, browser, baseURL }) => {
  const { db } = await import("../app/platform/db.server");
  const gentDossier = await db.dossier.findFirstOrThrow({ where: { church: { nisCode: "44021" } }, orderBy: { reference: "asc" } });
  const page = await loginAs("gent");
  await page.goto(`/dossiers/${gentDossier.id}/eindrapport`);
  await expect(page.getByRole("heading", { name: "Eindrapport", level: 2 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Opslaan" })).toHaveCount(0);
  const pdf = await page.request.get(`/dossiers/${gentDossier.id}/rapport.pdf`);
  expect(pdf.status()).toBe(200);
  expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect((await page.request.get("/dashboard")).status()).toBe(403);

  const context = await browser.newContext({ baseURL });
  const leuven = await context.newPage();
  const { ACCOUNTS } = await import("./support/fixtures");
  await leuven.goto("/login");
  await leuven.getByLabel("E-mailadres").fill(ACCOUNTS.leuven);
  await leuven.getByLabel("Wachtwoord").fill("kerk-demo-2026");
  await leuven.getByRole("button", { name: "Aanmelden" }).click();
  await expect(leuven.getByTestId("account")).toBeVisible();
  expect((await leuven.request.get(`/dossiers/${gentDossier.id}/rapport.pdf`)).status()).toBe(404);
  expect((await leuven.goto(`/dossiers/${gentDossier.id}/eindrapport`))?.status()).toBe(404);
  await context.close();
});

test("dashboard and annual overview: figures, filters in the URL, downloads, accessibility", async ({ loginAs }) => {
  const { db } = await import("../app/platform/db.server");
  const total = await db.dossier.count();
  const page = await loginAs("team");
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  await expect(page.getByTestId("dashboard-total")).toHaveText(`${total} dossiers`);
  await expectNoSeriousAxeViolations(page);
  await page.getByLabel("Provincie", { exact: true }).selectOption("Oost-Vlaanderen");
  await page.getByRole("button", { name: "Filteren" }).click();
  await expect(page).toHaveURL(/provincie=Oost-Vlaanderen/);
  await expect(page.getByTestId("dashboard-total")).not.toHaveText(`${total} dossiers`);

  await page.goto("/jaaroverzicht?jaar=2025");
  await expect(page.getByRole("heading", { name: "Jaaroverzicht 2025", level: 1 })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  const xlsx = await page.request.get("/jaaroverzicht.xlsx?jaar=2025");
  expect(xlsx.status()).toBe(200);
  expect((await xlsx.body()).subarray(0, 2).toString("latin1")).toBe("PK");
  const csv = await page.request.get("/jaaroverzicht.csv?jaar=2025&tabel=perProvince");
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(await csv.text()).toMatch(/^\uFEFFProvincie;Kerken/);
});
