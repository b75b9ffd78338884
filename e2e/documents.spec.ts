import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { tinyPdf } from "../tests/unit/documents/samples";
import { expect, test } from "./support/fixtures";

// One journey over a Gent dossier of the demo data: the bureau uploads an internal and a
// shared document, Gent sees and downloads only the shared one, Leuven sees nothing.
test.describe.configure({ mode: "serial" });

const GENT = "44021";
const INTERNAL_TITLE = "Intern verslag plaatsbezoek (e2e)";
const SHARED_TITLE = "Gedeeld ontwerp (e2e)";
const SHARED_PDF = tinyPdf("Gedeeld ontwerp");

let dossierId: string;

test.beforeAll(async () => {
  const { db } = await import("../app/platform/db.server");
  const dossier = await db.dossier.findFirstOrThrow({ where: { church: { nisCode: GENT } }, orderBy: { reference: "asc" } });
  dossierId = dossier.id;
});

const tab = () => `/dossiers/${dossierId}/documenten`;

async function upload(page: Page, fields: { title: string; visibility: string; kind: string; fileName: string; bytes: Buffer }) {
  const form = page.locator("form", { has: page.getByRole("heading", { name: "Document opladen" }) });
  await form.getByLabel("Titel").fill(fields.title);
  await form.getByLabel("Soort document").selectOption({ label: fields.kind });
  await form.getByLabel("Zichtbaarheid").selectOption({ label: fields.visibility });
  await form.getByLabel("Bestand").setInputFiles({ name: fields.fileName, mimeType: "application/pdf", buffer: fields.bytes });
  await form.getByRole("button", { name: "Opladen" }).click();
  await expect(page.getByRole("status")).toContainText("Het document is opgeladen.");
}

async function expectNoSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id} ${v.nodes[0]?.target}`)).toEqual([]);
}

test("the bureau uploads an internal PDF (with JavaScript) and refuses a fake one", async ({ loginAs }) => {
  const page = await loginAs("team");
  await page.goto(tab());
  await expect(page.getByRole("heading", { name: "Documenten" })).toBeVisible();
  await upload(page, {
    title: INTERNAL_TITLE,
    kind: "Verslag plaatsbezoek",
    visibility: "Intern",
    fileName: "verslag-plaatsbezoek.pdf",
    bytes: tinyPdf("Intern verslag"),
  });
  const row = page.getByRole("row", { name: new RegExp(INTERNAL_TITLE.replace(/[()]/g, "\\$&")) });
  await expect(row).toContainText("Intern");
  await expect(row).toContainText("verslag-plaatsbezoek.pdf");

  // Text dressed up as a PDF is refused on the file field; the typed title stays.
  const form = page.locator("form", { has: page.getByRole("heading", { name: "Document opladen" }) });
  await form.getByLabel("Titel").fill("Vals bestand");
  await form.getByLabel("Bestand").setInputFiles({ name: "vals.pdf", mimeType: "application/pdf", buffer: Buffer.from("geen pdf") });
  await form.getByRole("button", { name: "Opladen" }).click();
  await expect(form.getByRole("alert")).toContainText("De inhoud van dit bestand is geen PDF");
  await expect(form.getByLabel("Titel")).toHaveValue("Vals bestand");
  await expectNoSeriousAxeViolations(page);

  // A new version on the document's page keeps the first one in the history.
  await page.getByRole("link", { name: INTERNAL_TITLE, exact: true }).click();
  await expect(page.getByRole("heading", { name: "Nieuwe versie opladen" })).toBeVisible();
  await page.getByLabel("Bestand").setInputFiles({ name: "verslag-plaatsbezoek-v2.pdf", mimeType: "application/pdf", buffer: tinyPdf("Versie 2") });
  await page.getByRole("button", { name: "Nieuwe versie opladen" }).click();
  await expect(page.getByRole("status")).toContainText("De nieuwe versie is opgeladen.");
  const history = page.getByRole("table", { name: "Versiegeschiedenis" });
  await expect(history.getByRole("row")).toHaveCount(3);
  await expect(history).toContainText("verslag-plaatsbezoek-v2.pdf");
  await expect(history).toContainText("verslag-plaatsbezoek.pdf");
  await expectNoSeriousAxeViolations(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the bureau uploads a shared PDF through the plain form", async ({ loginAs }) => {
    const page = await loginAs("team");
    await page.goto(tab());
    await upload(page, { title: SHARED_TITLE, kind: "Ontwerp", visibility: "Gedeeld met gemeente", fileName: "Ontwerp – schets.pdf", bytes: SHARED_PDF });
    await expect(page.getByRole("row", { name: /Gedeeld ontwerp/ })).toContainText("Gedeeld met gemeente");
  });
});

test("Gent sees only the shared document, can download it, and gets 404 for the internal one", async ({ loginAs }) => {
  const page = await loginAs("gent");
  await page.goto(tab());
  const table = page.getByTestId("documents-table");
  await expect(table).toContainText(SHARED_TITLE);
  await expect(table).not.toContainText(INTERNAL_TITLE);
  await expect(page.getByRole("heading", { name: "Document opladen" })).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Ontwerp – schets.pdf" }).click()]);
  expect(download.suggestedFilename()).toBe("Ontwerp – schets.pdf");
  const path = await download.path();
  const { readFile } = await import("node:fs/promises");
  expect(await readFile(path)).toEqual(SHARED_PDF);

  // The internal document's file, asked for directly, does not exist for Gent.
  const { db } = await import("../app/platform/db.server");
  const internal = await db.documentVersion.findFirstOrThrow({ where: { document: { dossierId, title: INTERNAL_TITLE } } });
  const response = await page.request.get(`/documenten/${internal.id}/download`);
  expect(response.status()).toBe(404);
});

test("Leuven gets 404 on the documents of a Gent dossier", async ({ loginAs }) => {
  const page = await loginAs("leuven");
  const response = await page.goto(tab());
  expect(response?.status()).toBe(404);
  await expect(page.getByText(SHARED_TITLE)).toHaveCount(0);
});
