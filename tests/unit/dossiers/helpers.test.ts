import { describe, expect, it } from "vitest";
import { auditSummaryParts } from "~/features/dossiers/audit-summary";
import { CSV_BOM, csvField, toCsv } from "~/features/dossiers/csv";
import { DOSSIER_TABS, dossierTabsFor } from "~/features/dossiers/dossier-tabs";
import { catalogues } from "~/platform/i18n/catalogue";
import { parseListQuery, toSearchParams } from "~/features/dossiers/list-query";
import { formatReference, referenceYear } from "~/features/dossiers/reference";
import { isOverdue } from "~/features/dossiers/tasks";

describe("references", () => {
  it("pads the number to three digits and keeps larger numbers whole", () => {
    expect(formatReference(2019, 14)).toBe("HK-2019-014");
    expect(formatReference(2026, 1)).toBe("HK-2026-001");
    expect(formatReference(2026, 1234)).toBe("HK-2026-1234");
  });
  it("takes the year of the start date as stored (UTC)", () => {
    expect(referenceYear(new Date("2026-12-31T00:00:00Z"))).toBe(2026);
    expect(referenceYear(new Date("2027-01-01T00:00:00Z"))).toBe(2027);
  });
});

describe("CSV", () => {
  it("quotes only what needs quoting and doubles quotes", () => {
    expect(csvField("Sint-Anna")).toBe("Sint-Anna");
    expect(csvField("a;b")).toBe('"a;b"');
    expect(csvField('de "oude" kerk')).toBe('"de ""oude"" kerk"');
    expect(csvField("twee\nregels")).toBe('"twee\nregels"');
    expect(csvField(null)).toBe("");
    expect(csvField(7)).toBe("7");
  });
  it("defuses spreadsheet formulas", () => {
    expect(csvField("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvField("@cmd")).toBe("'@cmd");
  });
  it("starts with a BOM, separates with ; and ends every line with CRLF", () => {
    expect(toCsv(["a", "b"], [["1", null], ["x;y", "z"]])).toBe(`${CSV_BOM}a;b\r\n1;\r\n"x;y";z\r\n`);
  });
});

describe("list query", () => {
  it("reads filters, sort and page from the URL with defaults", () => {
    expect(parseListQuery(new URLSearchParams(""))).toEqual({ sort: "reference", dir: "desc", page: 1 });
    expect(parseListQuery(new URLSearchParams("q=anna&phase=KICKOFF&status=open&municipality=44021&year=2025&sort=church&dir=asc&page=3"))).toEqual({
      q: "anna",
      phase: "KICKOFF",
      status: "open",
      municipality: "44021",
      year: 2025,
      sort: "church",
      dir: "asc",
      page: 3,
    });
  });
  it("drops malformed values instead of failing", () => {
    expect(parseListQuery(new URLSearchParams("phase=X&status=maybe&municipality=abc&year=1&sort=x&dir=up&page=0&q="))).toEqual({
      sort: "reference",
      dir: "desc",
      page: 1,
    });
  });
  it("writes a short URL: no defaults, no empty values", () => {
    const query = parseListQuery(new URLSearchParams("q=anna&page=2"));
    expect(toSearchParams(query).toString()).toBe("q=anna&page=2");
    expect(toSearchParams(query, { page: 1, sort: "phase", dir: "asc" }).toString()).toBe("q=anna&sort=phase&dir=asc");
  });
});

describe("tasks", () => {
  const now = new Date("2026-03-10T15:00:00Z");
  it("is overdue only when open and due before today", () => {
    expect(isOverdue({ doneAt: null, dueDate: new Date("2026-03-09T00:00:00Z") }, now)).toBe(true);
    expect(isOverdue({ doneAt: null, dueDate: new Date("2026-03-10T00:00:00Z") }, now)).toBe(false);
    expect(isOverdue({ doneAt: new Date(), dueDate: new Date("2026-01-01T00:00:00Z") }, now)).toBe(false);
    expect(isOverdue({ doneAt: null, dueDate: null }, now)).toBe(false);
    expect(isOverdue({ doneAt: null, dueDate: "2026-03-01T00:00:00.000Z" }, now)).toBe(true);
  });
});

describe("dossier tabs", () => {
  it("shows the audit trail to staff only", () => {
    expect(dossierTabsFor("STAFF").map((t) => t.path)).toEqual(["", "documenten", "scenarios", "eindrapport", "publicatie", "audit"]);
    expect(dossierTabsFor("ADMIN").map((t) => t.path)).toContain("audit");
    expect(dossierTabsFor("MUNICIPALITY").map((t) => t.path)).toEqual(["", "documenten", "scenarios", "eindrapport"]);
  });
  it("has a label in both languages for every tab", () => {
    // Tabs of other features (final report, publication) carry their feature's keys.
    for (const tab of DOSSIER_TABS) {
      expect(catalogues.nl).toHaveProperty([tab.label]);
      expect(catalogues.en).toHaveProperty([tab.label]);
    }
  });
});

describe("audit summary", () => {
  it("lists fields, and changes as before → after", () => {
    expect(auditSummaryParts(JSON.stringify({ version: 2, changes: { applicantName: ["A", "B"], targetDate: [null, "2026-01-01"] } }))).toEqual([
      { label: "version", value: "2" },
      { label: "applicantName", value: "A → B" },
      { label: "targetDate", value: "– → 2026-01-01" },
    ]);
    expect(auditSummaryParts(null)).toEqual([]);
    expect(auditSummaryParts("not json")).toEqual([{ label: "summary", value: "not json" }]);
  });
  it("shortens long values", () => {
    const [part] = auditSummaryParts(JSON.stringify({ notes: "x".repeat(500) }));
    expect(part.value.length).toBe(160);
    expect(part.value.endsWith("…")).toBe(true);
  });
});
