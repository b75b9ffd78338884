import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { baseNameOf, extensionOf, MAX_FILE_NAME_BYTES, sanitizeFileName, titleFromFileName } from "~/features/documents/file-names";

const bytes = (s: string) => Buffer.byteLength(s, "utf8");

describe("sanitizeFileName", () => {
  it.each([
    ["../../etc/passwd.pdf", "passwd.pdf"],
    ["..\\..\\Windows\\win.ini.pdf", "win.ini.pdf"],
    ["C:\\Users\\An\\Desktop\\verslag.pdf", "verslag.pdf"],
    ["/absolute/path/plan.png", "plan.png"],
    ["..", "document"],
    ["", "document"],
    [".pdf", "pdf"],
    ["...pdf", "pdf"],
    ["  verslag   plaatsbezoek  .pdf  ", "verslag plaatsbezoek.pdf"],
    ["verslag.pdf...", "verslag.pdf"],
    ["rapport\u0000\u0007.pdf", "rapport.pdf"],
    ["lijn1\nlijn2\r\ttab.pdf", "lijn1 lijn2 tab.pdf"],
    // A right-to-left override would show "invoice\u202Efdp.exe" as "invoiceexe.pdf".
    ["invoice\u202Efdp.exe", "invoicefdp.exe"],
    ["zero\u200Bwidth.pdf", "zerowidth.pdf"],
    ['a<b>c:d"e|f?g*h.pdf', "a_b_c_d_e_f_g_h.pdf"],
    ["CON.pdf", "_CON.pdf"],
    ["Église Sint-Pieter – plan 北京 ©.pdf", "Église Sint-Pieter – plan 北京 ©.pdf"],
    ["Ökonomie-Übersicht.xlsx", "Ökonomie-Übersicht.xlsx"],
  ])("%j -> %j", (raw, expected) => {
    expect(sanitizeFileName(raw)).toBe(expected);
  });

  it("composes decomposed accents (NFD from macOS) to NFC", () => {
    const nfd = "E\u0301glise.pdf";
    expect(sanitizeFileName(nfd)).toBe("Église.pdf");
    expect(sanitizeFileName(nfd).length).toBe("Église.pdf".length);
  });

  it("shortens a very long name to the byte limit and keeps the extension", () => {
    const long = `${"é".repeat(400)}.pdf`;
    const safe = sanitizeFileName(long);
    expect(bytes(safe)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    expect(safe.endsWith(".pdf")).toBe(true);
    expect(safe.startsWith("éééé")).toBe(true);
  });

  it("never cuts an emoji (surrogate pair) in half", () => {
    const safe = sanitizeFileName(`${"🏛".repeat(120)}.png`);
    expect(safe.endsWith(".png")).toBe(true);
    expect(safe).not.toMatch(/[\uD800-\uDFFF](?![\uDC00-\uDFFF])/u);
    expect(Array.from(safe.slice(0, -4)).every((c) => c === "🏛")).toBe(true);
  });

  it("for any input: non-empty, no path separators or control characters, within the limit, stable", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (raw) => {
        const safe = sanitizeFileName(raw);
        expect(safe.length).toBeGreaterThan(0);
        expect(safe).not.toMatch(/[/\\<>:"|?*]/);
        expect(safe).not.toMatch(/[\p{Cc}\p{Cf}\p{Cs}]/u);
        expect(safe).not.toMatch(/^[.\s]|[.\s]$/);
        expect(bytes(safe)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
        expect(sanitizeFileName(safe)).toBe(safe);
      }),
      { numRuns: 500 },
    );
  });
});

describe("extensions and titles", () => {
  it.each([
    ["verslag.PDF", "pdf"],
    ["foto.jpeg", "jpeg"],
    ["archief.tar.gz", "gz"],
    ["geen-extensie", ""],
    [".bashrc", ""],
    ["punt.", ""],
    ["raar.p d f", ""],
  ])("extensionOf(%j) = %j", (name, ext) => {
    expect(extensionOf(name)).toBe(ext);
  });

  it("baseNameOf drops only the last extension", () => {
    expect(baseNameOf("plan.v2.pdf")).toBe("plan.v2");
  });

  it("makes a title from a file name", () => {
    expect(titleFromFileName("Verslag_plaatsbezoek__2026.pdf")).toBe("Verslag plaatsbezoek 2026");
    expect(titleFromFileName("../x/.pdf")).toBe("pdf");
  });
});
