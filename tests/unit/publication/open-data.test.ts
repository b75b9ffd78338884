import { describe, expect, it } from "vitest";
import { applyFilters, filterKey, filterOptions, parseCaseFilters } from "~/features/publication/filters";
import { CSV_COLUMNS, csvCell, toCsv } from "~/features/publication/open-data";
import type { PublicCase } from "~/features/publication/public-case";
import { baseSlug, slugify, uniqueSlug } from "~/features/publication/slug";

function item(overrides: Partial<PublicCase>): PublicCase {
  return {
    slug: "a",
    url: "/kaart/a",
    title: "A",
    summary: "S",
    functionCategory: "CULTURE",
    completionYear: 2020,
    designOffice: null,
    municipality: "Gent",
    nisCode: "44021",
    province: "Oost-Vlaanderen",
    protectionStatus: "NONE",
    lat: 51,
    lng: 3.7,
    photos: [],
    reportUrl: null,
    ...overrides,
  };
}

describe("filters", () => {
  it("reads the URL parameters and reports invalid ones", () => {
    const { filters, invalid } = parseCaseFilters(
      new URLSearchParams("functie=HOUSING&provincie=Limburg&gemeente=71022&jaar=2019&bescherming=PROTECTED"),
    );
    expect(filters).toEqual({ functionCategory: "HOUSING", province: "Limburg", nisCode: "71022", year: 2019, protectionStatus: "PROTECTED" });
    expect(invalid).toEqual([]);
    const bad = parseCaseFilters(new URLSearchParams("functie=CASINO&provincie=Brussel&gemeente=1&jaar=twintig&bescherming="));
    expect(bad.filters).toEqual({});
    expect(bad.invalid).toEqual(["functie", "provincie", "gemeente", "jaar"]);
  });

  it("gives one cache key per filter set, whatever the parameter order", () => {
    const a = parseCaseFilters(new URLSearchParams("jaar=2019&functie=HOUSING")).filters;
    const b = parseCaseFilters(new URLSearchParams("functie=HOUSING&jaar=2019")).filters;
    expect(filterKey(a)).toBe(filterKey(b));
    expect(filterKey({})).toBe("");
  });

  it("applies every filter", () => {
    const cases = [
      item({ slug: "a" }),
      item({ slug: "b", functionCategory: "HOUSING", province: "Limburg", nisCode: "71022", municipality: "Hasselt", completionYear: 2019, protectionStatus: "PROTECTED" }),
      item({ slug: "c", functionCategory: "HOUSING", completionYear: 2021 }),
    ];
    expect(applyFilters(cases, {}).map((c) => c.slug)).toEqual(["a", "b", "c"]);
    expect(applyFilters(cases, { functionCategory: "HOUSING" }).map((c) => c.slug)).toEqual(["b", "c"]);
    expect(applyFilters(cases, { functionCategory: "HOUSING", year: 2021 }).map((c) => c.slug)).toEqual(["c"]);
    expect(applyFilters(cases, { province: "Limburg" }).map((c) => c.slug)).toEqual(["b"]);
    expect(applyFilters(cases, { nisCode: "44021", protectionStatus: "NONE" }).map((c) => c.slug)).toEqual(["a", "c"]);
    expect(filterOptions(cases)).toMatchObject({ functionCategories: ["CULTURE", "HOUSING"], years: [2021, 2020, 2019], provinces: ["Limburg", "Oost-Vlaanderen"] });
  });
});

describe("CSV", () => {
  it("starts with a BOM and the header, separates with ; and ends lines with CRLF", () => {
    const csv = toCsv([item({ title: 'Kerk "De Hoop"; nu wonen', summary: "Regel 1\nRegel 2", designOffice: "=HYPERLINK(\"x\")" })], "https://x.test");
    expect(csv.startsWith(`\uFEFF${CSV_COLUMNS.join(";")}\r\n`)).toBe(true);
    expect(csv).toContain('"Kerk ""De Hoop""; nu wonen"');
    expect(csv).toContain('"Regel 1\nRegel 2"');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain("https://x.test/kaart/a");
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("leaves numbers alone", () => {
    expect(csvCell(51.05432)).toBe("51.05432");
    expect(csvCell(null)).toBe("");
  });
});

describe("slugs", () => {
  it("are lowercase ASCII from the title and the municipality", () => {
    expect(slugify("Sint-Gummaruskerk: één café & 'n bib")).toBe("sint-gummaruskerk-een-cafe-n-bib");
    expect(baseSlug("Bibliotheek in de Sint-Gummaruskerk", "Lier")).toBe("bibliotheek-in-de-sint-gummaruskerk-lier");
    expect(baseSlug("Buurthuis in Gent", "Gent")).toBe("buurthuis-in-gent");
    expect(slugify("!!!")).toBe("case");
  });

  it("get a number when taken", () => {
    const taken = new Set(["kerk-gent", "kerk-gent-2"]);
    expect(uniqueSlug("kerk-gent", (s) => taken.has(s))).toBe("kerk-gent-3");
    expect(uniqueSlug("kerk-aalst", (s) => taken.has(s))).toBe("kerk-aalst");
  });
});
