import { describe, expect, it } from "vitest";
import { catalogues, translate } from "~/platform/i18n/catalogue";
import { formatDate, formatMoney, formatNumber, formatPercent } from "~/platform/i18n/format";
import { localeFromAcceptLanguage } from "~/platform/i18n/locales";

describe("message catalogues", () => {
  it("Dutch and English have exactly the same keys", () => {
    const nl = Object.keys(catalogues.nl).sort();
    const en = Object.keys(catalogues.en).sort();
    expect(nl.filter((k) => !en.includes(k))).toEqual([]);
    expect(en.filter((k) => !nl.includes(k))).toEqual([]);
  });

  it("no message is empty and placeholders match between languages", () => {
    for (const key of Object.keys(catalogues.nl)) {
      expect(catalogues.nl[key].trim(), key).not.toBe("");
      expect(catalogues.en[key].trim(), key).not.toBe("");
      const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(params(catalogues.en[key]), key).toEqual(params(catalogues.nl[key]));
    }
  });

  it("fills placeholders", () => {
    expect(translate("nl", "common.page", { page: 2, pages: 7 })).toBe("Pagina 2 van 7");
    expect(translate("en", "common.page", { page: 2, pages: 7 })).toBe("Page 2 of 7");
  });
});

describe("Belgian formats", () => {
  it("money: 1.234.567,89 €", () => {
    expect(formatMoney(1234567.891)).toBe("1.234.567,89 €");
    expect(formatMoney(-647497.37)).toBe("-647.497,37 €");
    expect(formatMoney(-0.001)).toBe("0,00 €");
    expect(formatMoney(null)).toBe("–");
  });
  it("numbers and percentages", () => {
    expect(formatNumber(1234.5)).toBe("1.234,5");
    expect(formatPercent(0.74231, 4)).toBe("0,7423 %");
  });
  it("dates as d/m/yyyy", () => {
    expect(formatDate(new Date(Date.UTC(2026, 2, 5)))).toBe("5/3/2026");
  });
});

describe("language negotiation", () => {
  it("picks the first supported language by weight, else Dutch", () => {
    expect(localeFromAcceptLanguage("en-GB,en;q=0.9,nl;q=0.8")).toBe("en");
    expect(localeFromAcceptLanguage("fr-BE,fr;q=0.9,nl;q=0.5,en;q=0.4")).toBe("nl");
    expect(localeFromAcceptLanguage("de-DE")).toBe("nl");
    expect(localeFromAcceptLanguage(null)).toBe("nl");
    expect(localeFromAcceptLanguage("nl;q=0.1,en;q=0.9")).toBe("en");
  });
});
