import { describe, expect, it } from "vitest";
import {
  analyseCsv,
  columnOf,
  decodeCsv,
  detectSeparator,
  enumValueOf,
  isImportable,
  MAX_IMPORT_ROWS,
  parseCsv,
} from "~/features/churches/csv-import";
import { lambert72ToWgs84 } from "~/features/churches/lambert72";
import { messages } from "~/features/churches/messages";

const MUNICIPALITIES = [
  { nisCode: "44021", name: "Gent" },
  { nisCode: "24062", name: "Leuven" },
  { nisCode: "11002", name: "Antwerpen" },
  { nisCode: "37020", name: "Wingene" },
];
const URI = "https://id.erfgoed.net/erfgoedobjecten/25393";

const issueKeys = (analysis: ReturnType<typeof analyseCsv>) => analysis.rows.flatMap((r) => r.issues.map((i) => i.key));

describe("decodeCsv", () => {
  it("drops a UTF-8 BOM and keeps accents", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("naam\nOnze-Lieve-Vrouw ter Sneeuw, Geïnventariseerd")]);
    expect(decodeCsv(bytes)).toBe("naam\nOnze-Lieve-Vrouw ter Sneeuw, Geïnventariseerd");
  });
  it("refuses bytes that are not UTF-8 (a Latin-1 ë)", () => {
    expect(decodeCsv(new Uint8Array([0x6e, 0x61, 0xeb, 0x6d]))).toBeNull();
  });
});

describe("detectSeparator", () => {
  it("takes the separator of the header line, ignoring quoted ones and later lines", () => {
    expect(detectSeparator("naam;gemeente;x\na,b,c,d,e")).toBe(";");
    expect(detectSeparator("naam,gemeente,x\na;b;c;d")).toBe(",");
    expect(detectSeparator('"naam;met;puntkomma",gemeente,x')).toBe(",");
    expect(detectSeparator("\uFEFFnaam,gemeente")).toBe(",");
  });
  it("prefers ; on a tie (a one-column file)", () => {
    expect(detectSeparator("naam\nx")).toBe(";");
  });
});

describe("parseCsv", () => {
  it("splits simple records with LF and CRLF and keeps line numbers", () => {
    const { records, issue } = parseCsv("a;b\r\nc;d\r\n\r\ne;f\n", ";");
    expect(issue).toBeNull();
    expect(records).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["c", "d"] },
      { line: 4, cells: ["e", "f"] },
    ]);
  });
  it("handles quoted fields with separators, doubled quotes and line breaks", () => {
    const text = 'naam,notes\n"Sint-Pieter, Leuven","Zei ""hallo""\nop twee regels"\nvolgende,x';
    const { records } = parseCsv(text, ",");
    expect(records[1]).toEqual({ line: 2, cells: ["Sint-Pieter, Leuven", 'Zei "hallo"\nop twee regels'] });
    expect(records[2]).toEqual({ line: 4, cells: ["volgende", "x"] });
  });
  it("turns CRLF inside a quoted field into LF and counts the line", () => {
    const { records } = parseCsv('a;"x\r\ny"\r\nb;c', ";");
    expect(records).toEqual([
      { line: 1, cells: ["a", "x\ny"] },
      { line: 3, cells: ["b", "c"] },
    ]);
  });
  it("keeps empty cells and a last line without newline; skips separator-only lines", () => {
    const { records } = parseCsv("a;;c\n;;\nd;e;", ";");
    expect(records).toEqual([
      { line: 1, cells: ["a", "", "c"] },
      { line: 3, cells: ["d", "e", ""] },
    ]);
  });
  it("reports a quote that is never closed with the line it opens on", () => {
    const { issue } = parseCsv('a;b\nc;"open\nstill open', ";");
    expect(issue).toEqual({ line: 2, column: null, key: "churches.import.error.unclosedQuote" });
  });
  it("treats a quote inside an unquoted field as text", () => {
    expect(parseCsv('Sint-"X";b', ";").records[0].cells).toEqual(['Sint-"X"', "b"]);
  });
});

describe("columns and values", () => {
  it("recognises Dutch and English headers regardless of case, accents and punctuation", () => {
    expect(columnOf("Naam")).toBe("name");
    expect(columnOf(" NAME ")).toBe("name");
    expect(columnOf("Parochie")).toBe("parish");
    expect(columnOf("NIS-code")).toBe("municipality");
    expect(columnOf("gemeente")).toBe("municipality");
    expect(columnOf("inventory_uri")).toBe("inventoryUri");
    expect(columnOf("Oppervlakte (m2)")).toBe("floorAreaM2");
    expect(columnOf("Lambert X")).toBe("x");
    expect(columnOf("kleur")).toBeNull();
  });
  it("accepts codes and Dutch/English labels for enum columns", () => {
    expect(enumValueOf("protectionStatus", "Beschermd")).toBe("PROTECTED");
    expect(enumValueOf("protectionStatus", "geïnventariseerd")).toBe("INVENTORIED");
    expect(enumValueOf("protectionStatus", "ESTABLISHED")).toBe("ESTABLISHED");
    expect(enumValueOf("currentUse", "shared_use")).toBe("SHARED_USE");
    expect(enumValueOf("policyDestination", "Herbestemming")).toBe("REPURPOSE");
    expect(enumValueOf("condition", "zeer slecht")).toBe("BAD");
    expect(enumValueOf("condition", "prima")).toBeNull();
  });
});

describe("analyseCsv", () => {
  it("maps a good ';' file with Lambert 72 columns, a BOM and decimal commas", () => {
    const text = `\uFEFFNaam;Parochie;Gemeente;X;Y;Beschermingsstatus;Erfgoedobject;Oppervlakte\r\nSint-Jacobskerk;Sint-Jacobus;Gent;105361,2;194257,9;beschermd;${URI};1.250,5\r\n`;
    // "1.250,5" is not a plain number: thousands separators are refused, not guessed.
    const withThousands = analyseCsv(text, MUNICIPALITIES);
    expect(issueKeys(withThousands)).toEqual(["error.invalidNumber"]);
    expect(withThousands.rows[0].issues[0]).toMatchObject({ line: 2, column: "Oppervlakte" });

    const analysis = analyseCsv(text.replace("1.250,5", "1250,5"), MUNICIPALITIES);
    expect(analysis.separator).toBe(";");
    expect(analysis.fileIssues).toEqual([]);
    expect(isImportable(analysis)).toBe(true);
    const expected = lambert72ToWgs84({ x: 105361.2, y: 194257.9 });
    expect(analysis.rows[0].data).toEqual({
      name: "Sint-Jacobskerk",
      parish: "Sint-Jacobus",
      nisCode: "44021",
      protectionStatus: "PROTECTED",
      inventoryUri: URI,
      floorAreaM2: 1250.5,
      lat: expected.lat,
      lng: expected.lng,
    });
    expect(expected.lat).toBeCloseTo(51.05, 1); // Gent
    expect(expected.lng).toBeCloseTo(3.73, 1);
  });

  it("maps a ',' file with WGS84 columns and a NIS code, quoted values included", () => {
    const text = 'name,municipality,lat,lng,notes,current_use\n"Sint-Pieterskerk, Leuven",24062,50.8794,4.7010,"Toren ""scheef""",vacant\n';
    const analysis = analyseCsv(text, MUNICIPALITIES);
    expect(analysis.separator).toBe(",");
    expect(analysis.rows[0].data).toEqual({
      name: "Sint-Pieterskerk, Leuven",
      nisCode: "24062",
      lat: 50.8794,
      lng: 4.701,
      notes: 'Toren "scheef"',
      currentUse: "VACANT",
    });
  });

  it("reports bad numbers, unknown municipalities, bad URIs and bad values per line and column", () => {
    const text = [
      "naam;gemeente;lat;lng;erfgoedobject;bescherming",
      "Kerk A;Gent;abc;3,72;;",
      "Kerk B;Atlantis;51,05;3,72;;",
      "Kerk C;Gent;51,05;3,72;http://example.com/25393;",
      "Kerk D;99999;51,05;3,72;;",
      "Kerk E;Gent;51,05;3,72;;half beschermd",
      ";Gent;51,05;3,72;;",
      "Kerk G;Gent;48,85;2,35;;",
      "Kerk H;Gent;51,05;;;",
    ].join("\n");
    const analysis = analyseCsv(text, MUNICIPALITIES);
    expect(isImportable(analysis)).toBe(false);
    const byLine = Object.fromEntries(analysis.rows.map((r) => [r.line, r.issues.map((i) => [i.column, i.key, i.params ?? null])]));
    expect(byLine[2]).toEqual([["lat", "error.invalidNumber", null]]);
    expect(byLine[3]).toEqual([["gemeente", "churches.import.error.unknownMunicipality", { value: "Atlantis" }]]);
    expect(byLine[4]).toEqual([["erfgoedobject", "churches.error.inventoryUri", null]]);
    expect(byLine[5]).toEqual([["gemeente", "churches.import.error.unknownMunicipality", { value: "99999" }]]);
    expect(byLine[6]).toEqual([["bescherming", "churches.import.error.unknownValue", { value: "half beschermd" }]]);
    expect(byLine[7]).toEqual([["naam", "error.required", null]]);
    expect(byLine[8]).toEqual([["lat", "churches.import.error.outsideFlanders", null]]);
    expect(byLine[9]).toEqual([["lng", "churches.error.latLngPair", null]]);
    expect(analysis.rows.every((r) => r.data === null)).toBe(true);
  });

  it("reports Lambert 72 values that are not numbers or out of range", () => {
    const text = "naam;niscode;x;y\nA;44021;abc;194257\nB;44021;999999;194257\nC;44021;105361;\nD;44021;250000;20000";
    const byLine = Object.fromEntries(analyseCsv(text, MUNICIPALITIES).rows.map((r) => [r.line, r.issues.map((i) => `${i.column}:${i.key}`)]));
    expect(byLine[2]).toEqual(["x:churches.error.lambertNotANumber"]);
    expect(byLine[3]).toEqual(["x:churches.error.lambertOutOfRange"]);
    expect(byLine[4]).toEqual(["y:churches.error.lambertRequired"]);
    expect(byLine[5]).toEqual(["x:churches.import.error.outsideFlanders"]);
  });

  it("matches municipality names without regard to case or accents", () => {
    const analysis = analyseCsv("naam;gemeente\nKerk;ANTWERPEN\nKerk 2; wingene ", MUNICIPALITIES);
    expect(analysis.rows.map((r) => r.data?.nisCode)).toEqual(["11002", "37020"]);
  });

  it("leaves blank cells out, so an update keeps the stored value", () => {
    const analysis = analyseCsv("naam;gemeente;parochie;eigenaar\nKerk;Gent;;Kerkfabriek", MUNICIPALITIES);
    expect(analysis.rows[0].data).toEqual({ name: "Kerk", nisCode: "44021", owner: "Kerkfabriek" });
  });

  it("flags the same church twice in one file", () => {
    const text = `naam;gemeente;erfgoedobject\nKerk;Gent;${URI}\nAndere naam;Gent;${URI}\nkerk;gent;`;
    const analysis = analyseCsv(text, MUNICIPALITIES);
    expect(analysis.rows[1].issues).toEqual([{ line: 3, column: null, key: "churches.import.error.duplicateInFile", params: { line: 2 } }]);
    expect(analysis.rows[2].issues[0].params).toEqual({ line: 2 });
  });

  it("checks the file's shape: missing columns, duplicate columns, unknown columns only warn", () => {
    expect(analyseCsv("naam;plaats\nKerk;Gent", MUNICIPALITIES).fileIssues.map((i) => i.key)).toEqual(["churches.import.error.missingColumn"]);
    expect(analyseCsv("naam;gemeente;niscode\nKerk;Gent;44021", MUNICIPALITIES).fileIssues[0]).toMatchObject({
      key: "churches.import.error.duplicateColumn",
      column: "niscode",
      params: { other: "gemeente" },
    });
    expect(analyseCsv("naam;gemeente;x\nKerk;Gent;1", MUNICIPALITIES).fileIssues.map((i) => i.key)).toEqual(["churches.import.error.lambertPairColumns"]);
    const unknown = analyseCsv("naam;gemeente;kleur\nKerk;Gent;rood", MUNICIPALITIES);
    expect(unknown.fileIssues).toEqual([{ line: 1, column: "kleur", key: "churches.import.error.unknownColumn" }]);
    expect(isImportable(unknown)).toBe(true);
    expect(analyseCsv("", MUNICIPALITIES).fileIssues.map((i) => i.key)).toEqual(["churches.import.error.empty"]);
    expect(analyseCsv("naam;gemeente\n", MUNICIPALITIES).fileIssues.map((i) => i.key)).toEqual(["churches.import.error.noRows"]);
  });

  it("refuses more rows than the maximum and rows with cells beyond the header", () => {
    const big = `naam;gemeente\n${Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `Kerk ${i};Gent`).join("\n")}`;
    expect(analyseCsv(big, MUNICIPALITIES).fileIssues.map((i) => i.key)).toEqual(["churches.import.error.tooManyRows"]);
    expect(issueKeys(analyseCsv("naam;gemeente\nKerk;Gent;extra", MUNICIPALITIES))).toEqual(["churches.import.error.tooManyCells"]);
  });

  it("has a message in both languages for every problem it can report", () => {
    const keys = [
      "churches.import.error.unclosedQuote",
      "churches.import.error.unknownColumn",
      "churches.import.error.duplicateColumn",
      "churches.import.error.missingColumn",
      "churches.import.error.lambertPairColumns",
      "churches.import.error.latLngPairColumns",
      "churches.import.error.tooManyCells",
      "churches.import.error.unknownMunicipality",
      "churches.import.error.unknownValue",
      "churches.import.error.outsideFlanders",
      "churches.import.error.duplicateInFile",
      "churches.import.error.empty",
      "churches.import.error.noRows",
      "churches.import.error.tooManyRows",
    ];
    for (const key of keys) {
      expect(messages.nl, key).toHaveProperty([key]);
      expect(messages.en, key).toHaveProperty([key]);
    }
  });
});
