// Publishing a case and finding it everywhere the public looks: the map, the list, the
// GeoJSON and the CSV (with filters in the URL); unpublishing removes it everywhere and its
// page answers 404. Plus accessibility checks of the public pages.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";

// Tiles never load here; refusing them at once keeps the test independent of the network.
async function blockTiles(page: Page) {
  await page.route(/tile\.openstreetmap\.org|geo\.api\.vlaanderen\.be/, (route) => route.abort());
}

async function seriousViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${label}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** A COMPLETED demo dossier that has no publication yet, with its municipality. */
async function completedDossierWithoutPublication() {
  const { db } = await import("../app/platform/db.server");
  const dossier = await db.dossier.findFirstOrThrow({
    where: { phase: "COMPLETED", publication: null },
    orderBy: { reference: "asc" },
    select: { id: true, reference: true, church: { select: { nisCode: true, municipality: { select: { name: true, province: true } } } } },
  });
  return dossier;
}

test("staff publish a case; it shows on the map, in the list, the GeoJSON and the CSV; unpublished it is gone and 404", async ({ loginAs, browser, request }) => {
  test.setTimeout(90_000);
  const dossier = await completedDossierWithoutPublication();
  const nis = dossier.church.nisCode;
  const title = `E2E-kerk wordt sporthal ${Date.now().toString(36)}`;

  // 1. Publish as staff.
  const staff = await loginAs("team");
  await blockTiles(staff);
  await staff.goto(`/dossiers/${dossier.id}/publicatie`);
  await expect(staff.getByTestId("publication-status")).toHaveText("Nog niet voorbereid");
  await staff.getByLabel("Titel").fill(title);
  await staff.getByLabel("Samenvatting").fill("De kerk wordt een sporthal met klimmuur.\n\nDe parochie houdt een kapel.");
  await staff.getByLabel("Nieuwe functie").selectOption("SPORT");
  await staff.getByLabel("Jaar van afronding").fill("2022");
  await staff.getByLabel("Ontwerpbureau (optioneel)").fill("Atelier E2E");
  await staff.getByRole("button", { name: "Opslaan en publiceren" }).click();
  await expect(staff.getByText("De case is gepubliceerd.")).toBeVisible();
  await expect(staff.getByTestId("publication-status")).toHaveText("Gepubliceerd");
  // The preview renders the same public component.
  await expect(staff.getByTestId("public-case").getByRole("heading", { name: title })).toBeVisible();
  const publicPath = (await staff.getByTestId("public-url").textContent())!.trim();
  expect(publicPath).toMatch(/^\/kaart\/e2e-kerk-wordt-sporthal-/);
  const slug = publicPath.replace("/kaart/", "");

  // 2. The public (a fresh context, no session) finds it with a filter in the URL.
  const publicContext = await browser.newContext({ locale: "nl-BE" });
  const visitor = await publicContext.newPage();
  await blockTiles(visitor);
  const filtered = `?functie=SPORT&gemeente=${nis}`;
  await visitor.goto(`/kaart${filtered}`);
  await expect(visitor.getByLabel("Nieuwe functie")).toHaveValue("SPORT");
  const list = visitor.getByTestId("case-list");
  await expect(list.getByRole("link", { name: title })).toBeVisible();
  // On the map: a marker of its own, focusable, that opens with Enter.
  await expect(visitor.getByTestId("case-map")).toHaveAttribute("data-state", "ready");
  await visitor.getByRole("button", { name: `Toon ${title} op de kaart` }).click();
  const marker = visitor.locator(`.case-marker[data-slug="${slug}"]`);
  await expect(marker).toHaveAttribute("aria-current", "true");
  await expect(marker).toHaveAttribute("role", "button");
  await expect(marker).toHaveAttribute("aria-label", new RegExp(title));
  await marker.focus();
  await visitor.keyboard.press("Enter");
  await expect(visitor.locator(".leaflet-popup").getByRole("link", { name: "Bekijk de case" })).toBeFocused();
  await expect(list.locator(`li[data-slug="${slug}"]`)).toHaveAttribute("aria-current", "true");
  // With a filter that excludes it, it is not listed.
  await visitor.goto(`/kaart?functie=HOUSING&gemeente=${nis}`);
  await expect(visitor.getByTestId("case-count")).toBeVisible();
  await expect(visitor.getByRole("link", { name: title })).toHaveCount(0);

  const geojson = await request.get(`/api/cases.geojson${filtered}`);
  expect(geojson.status()).toBe(200);
  expect(geojson.headers()["access-control-allow-origin"]).toBe("*");
  const features = ((await geojson.json()) as { features: { properties: { slug: string; title: string; functionCategory: string } }[] }).features;
  expect(features.map((f) => f.properties.slug)).toContain(slug);
  expect(features.every((f) => f.properties.functionCategory === "SPORT")).toBe(true);
  const otherFunction = await request.get(`/api/cases.geojson?functie=HOUSING&gemeente=${nis}`);
  expect(await otherFunction.text()).not.toContain(slug);
  const csv = await request.get(`/api/cases.csv${filtered}`);
  expect(csv.status()).toBe(200);
  const csvText = await csv.text();
  expect(csvText).toContain(`${slug};${title};`);
  expect(csvText).toContain("Atelier E2E");

  // Without JavaScript: the list and the GET form of filters do the job.
  const noScript = await browser.newContext({ locale: "nl-BE", javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto("/kaart");
  await expect(plain.getByText("De kaart heeft JavaScript nodig.")).toBeVisible();
  await plain.getByLabel("Nieuwe functie").selectOption("SPORT");
  await plain.getByLabel("Gemeente").selectOption(nis);
  await plain.getByRole("button", { name: "Toepassen" }).click();
  await expect(plain).toHaveURL(new RegExp(`functie=SPORT.*gemeente=${nis}`));
  await expect(plain.getByTestId("case-list").getByRole("link", { name: title })).toBeVisible();
  for (const text of await plain.getByTestId("case-list").locator("li").allTextContents()) expect(text).toContain(dossier.church.municipality.name);
  await noScript.close();

  // The case page, with its sharing tags; and axe on it.
  await visitor.goto(publicPath);
  await expect(visitor.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(visitor.locator('meta[property="og:title"]')).toHaveAttribute("content", title);
  await expect(visitor.locator('meta[name="twitter:card"]')).toHaveAttribute("content", /summary/);
  expect(await seriousViolations(visitor, "case page")).toEqual([]);

  // 3. Unpublish.
  await staff.goto(`/dossiers/${dossier.id}/publicatie`);
  await staff.getByRole("button", { name: "Offline halen" }).click();
  await expect(staff.getByText("De case is offline gehaald.")).toBeVisible();
  await expect(staff.getByTestId("publication-status")).toHaveText("Offline gehaald");

  // 4. Gone everywhere; the page is a real 404.
  await visitor.goto(`/kaart${filtered}`);
  await expect(visitor.getByTestId("case-count")).toBeVisible();
  await expect(visitor.getByRole("link", { name: title })).toHaveCount(0);
  expect(await (await request.get(`/api/cases.geojson${filtered}`)).text()).not.toContain(slug);
  expect(await (await request.get("/api/cases.geojson")).text()).not.toContain(slug);
  expect(await (await request.get(`/api/cases.csv${filtered}`)).text()).not.toContain(slug);
  const gone = await visitor.goto(publicPath);
  expect(gone?.status()).toBe(404);
  await expect(visitor.getByRole("heading", { name: "Pagina niet gevonden" })).toBeVisible();
  await publicContext.close();
});

test("the map page and the embed pass an accessibility check", async ({ page }) => {
  await blockTiles(page);
  await page.goto("/kaart");
  await expect(page.getByTestId("case-map")).toHaveAttribute("data-state", "ready");
  const violations = await seriousViolations(page, "/kaart");
  await page.goto("/embed/kaart");
  await expect(page.getByTestId("case-map")).toHaveAttribute("data-state", "ready");
  violations.push(...(await seriousViolations(page, "/embed/kaart")));
  await page.goto("/open-data");
  violations.push(...(await seriousViolations(page, "/open-data")));
  expect(violations).toEqual([]);
});

test("on a phone the list and the map toggle", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "nl-BE" });
  const page = await context.newPage();
  await blockTiles(page);
  await page.goto("/kaart");
  await expect(page.getByTestId("case-list").or(page.getByText("Geen cases voor deze filters."))).toBeVisible();
  await expect(page.getByTestId("case-map")).toBeHidden();
  await page.getByRole("button", { name: "Kaart", exact: true }).click();
  await expect(page.getByTestId("case-map")).toBeVisible();
  await expect(page.getByTestId("case-map")).toHaveAttribute("data-state", "ready");
  await page.getByRole("button", { name: "Lijst", exact: true }).click();
  await expect(page.getByTestId("case-map")).toBeHidden();
  await page.screenshot({ path: test.info().outputPath("phone.png") });
  await context.close();
});
