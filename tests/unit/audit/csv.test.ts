import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "~/features/audit/csv";

describe("audit CSV", () => {
  it("writes semicolon-separated CRLF lines after a UTF-8 byte-order mark", () => {
    expect(toCsv(["a", "b"], [["1", null], ["é", 2]])).toBe("\uFEFFa;b\r\n1;\r\né;2\r\n");
  });

  it("quotes cells holding separators, quotes or line breaks", () => {
    expect(csvCell("a;b")).toBe('"a;b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
  });

  it("defuses cells a spreadsheet would run as a formula", () => {
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("+32 9 123")).toBe("'+32 9 123");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell('=HYPERLINK("x";"y")')).toBe(`"'=HYPERLINK(""x"";""y"")"`);
    expect(csvCell("plain")).toBe("plain");
  });
});
