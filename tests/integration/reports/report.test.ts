import { beforeAll, describe, expect, it } from "vitest";
import { simulate } from "~/features/simulation/engine";
import { parseSimulationInput } from "~/features/simulation/schema";
import { formatMoney } from "~/platform/i18n/format";
import { localeCookie } from "~/platform/i18n/locale.server";
import { db } from "~/platform/db.server";
import { action, loader } from "~/routes/dossiers.$id.eindrapport";
import { loader as pdfLoader } from "~/routes/dossiers.$id.rapport[.]pdf";
import { callRoute, createUser, GENT, LEUVEN, makeRequest, sessionCookieFor } from "../../helpers/auth";
import { buildReportDossier } from "./fixtures";

let staff: { id: string };
let staffCookie: string;
let gentCookie: string;
let leuvenCookie: string;

beforeAll(async () => {
  staff = await createUser("STAFF");
  staffCookie = await sessionCookieFor(staff.id);
  gentCookie = await sessionCookieFor((await createUser("MUNICIPALITY", { municipalities: [GENT] })).id);
  leuvenCookie = await sessionCookieFor((await createUser("MUNICIPALITY", { municipalities: [LEUVEN] })).id);
});

const tab = (id: string) => `/dossiers/${id}/eindrapport`;
const load = (id: string, cookie: string | null) => callRoute(() => loader({ request: makeRequest(tab(id), { cookie }), params: { id }, context: {} }));
const post = (id: string, cookie: string | null, form: Record<string, string>) =>
  callRoute(() => action({ request: makeRequest(tab(id), { cookie, form, headers: { Accept: "*/*" } }), params: { id }, context: {} }));

function npvOf(inputs: string) {
  const parsed = parseSimulationInput(JSON.parse(inputs));
  if (!parsed.success) throw new Error("fixture inputs invalid");
  return simulate(parsed.data).metrics.npv;
}

async function pdfText(buffer: Uint8Array): Promise<string> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: buffer, useSystemFonts: false, disableFontFace: true, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  await doc.destroy();
  // pdfjs may split a line into several items: compare with single spaces.
  return pages.join("\n").replace(/\s+/g, " ");
}

describe("final report tab: who may see and write it", () => {
  it("staff and the dossier's own municipality read it; another municipality gets 404; anonymous is sent to log in", async () => {
    const f = await buildReportDossier({ staffId: staff.id });
    const asStaff = await load(f.dossier.id, staffCookie);
    expect(asStaff.status).toBe(200);
    expect(asStaff.data?.canEdit).toBe(true);
    expect(asStaff.data?.scenarios.map((s) => s.name)).not.toContain("Gearchiveerd idee");
    const asGent = await load(f.dossier.id, gentCookie);
    expect(asGent.status).toBe(200);
    expect(asGent.data?.canEdit).toBe(false);
    // Municipality users never see INTERNAL documents, not even as a choice for a decision.
    expect(asGent.data?.documents.map((d) => d.title)).not.toContain("Interne nota");
    expect(asStaff.data?.documents.map((d) => d.title)).toContain("Interne nota");
    expect((await load(f.dossier.id, leuvenCookie)).status).toBe(404);
    expect((await load("no-such-dossier", staffCookie)).status).toBe(404);
    const anonymous = await load(f.dossier.id, null);
    expect(anonymous.status).toBe(302);
    expect(anonymous.response?.headers.get("Location")).toMatch(/^\/login/);
  });

  it("lists what is missing for completion until the document and the preferred scenario with an approved version are there", async () => {
    const f = await buildReportDossier({ staffId: staff.id });
    const before = await load(f.dossier.id, staffCookie);
    expect(before.data?.checklist.map((c) => [c.id, c.done])).toEqual([
      ["document", false],
      ["preferredScenario", false],
      ["approvedVersion", false],
    ]);
    // Preferring the scenario without an approved version says so.
    await post(f.dossier.id, staffCookie, { intent: "saveReport", conclusions: "x", recommendation: "", preferredScenarioId: f.housing.id, documentId: "", version: "0" });
    const housing = await load(f.dossier.id, staffCookie);
    expect(housing.data?.preferred?.approved).toBeNull();
    expect(housing.data?.checklist.map((c) => c.done)).toEqual([false, true, false]);
    expect(housing.data?.checklist[0].fixHref).toBe(`/dossiers/${f.dossier.id}/eindrapport#documentId`);
  });

  it("staff save the report: preferred scenario on the dossier, its approved version on the report, audited", async () => {
    const f = await buildReportDossier({ staffId: staff.id });
    const res = await post(f.dossier.id, staffCookie, {
      intent: "saveReport",
      conclusions: "# Besluit\n\nDe **bibliotheek** is haalbaar.",
      recommendation: "Verder met scenario A.",
      preferredScenarioId: f.library.id,
      documentId: f.document.id,
      version: "0",
    });
    expect(res.status).toBe(200);
    const report = await db.finalReport.findUniqueOrThrow({ where: { dossierId: f.dossier.id } });
    expect(report.approvedVersionId).toBe(f.approved.id);
    expect(report.documentId).toBe(f.document.id);
    expect(report.version).toBe(1);
    expect((await db.dossier.findUniqueOrThrow({ where: { id: f.dossier.id } })).preferredScenarioId).toBe(f.library.id);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { dossierId: f.dossier.id, entityType: "FinalReport" } });
    expect(audit.action).toBe("CREATE");
    expect(audit.userId).toBe(staff.id);
    const page = await load(f.dossier.id, staffCookie);
    expect(page.data?.checklist.every((c) => c.done)).toBe(true);
    // A chosen report document that is deleted afterwards no longer counts.
    await db.document.update({ where: { id: f.document.id }, data: { deletedAt: new Date() } });
    expect((await load(f.dossier.id, staffCookie)).data?.checklist.map((c) => c.done)).toEqual([false, true, true]);
    await db.document.update({ where: { id: f.document.id }, data: { deletedAt: null } });

    // A second save from the same starting version is a conflict, and changes nothing.
    const stale = await post(f.dossier.id, staffCookie, {
      intent: "saveReport",
      conclusions: "overschreven",
      recommendation: "",
      preferredScenarioId: "",
      documentId: "",
      version: "0",
    });
    expect(stale.status).toBe(409);
    expect((await db.finalReport.findUniqueOrThrow({ where: { dossierId: f.dossier.id } })).conclusions).toContain("bibliotheek");
    const next = await post(f.dossier.id, staffCookie, {
      intent: "saveReport",
      conclusions: "Nieuw",
      recommendation: "",
      preferredScenarioId: f.library.id,
      documentId: f.document.id,
      version: "1",
    });
    expect(next.status).toBe(200);
    expect((await db.finalReport.findUniqueOrThrow({ where: { dossierId: f.dossier.id } })).version).toBe(2);
  });

  it("refuses a scenario or document of another dossier, or a document that is not a final report, per field", async () => {
    const f = await buildReportDossier({ staffId: staff.id });
    const other = await buildReportDossier({ staffId: staff.id });
    const res = await post(f.dossier.id, staffCookie, {
      intent: "saveReport",
      conclusions: "Getypte tekst blijft",
      recommendation: "",
      preferredScenarioId: other.library.id,
      documentId: f.internalDocument.id,
      version: "0",
    });
    expect(res.status).toBe(400);
    const result = (res.data as unknown as { result: { error: Record<string, string[]>; initialValue: Record<string, string> } }).result;
    expect(result.error.preferredScenarioId).toEqual(["error.invalidChoice"]);
    expect(result.error.documentId).toEqual(["error.invalidChoice"]);
    expect(result.initialValue.conclusions).toBe("Getypte tekst blijft");
    expect(await db.finalReport.count({ where: { dossierId: f.dossier.id } })).toBe(0);
  });

  it("municipality users may not write: 403 for their own dossier, 404 for another's; anonymous 401", async () => {
    const f = await buildReportDossier({ staffId: staff.id });
    const form = { intent: "saveReport", conclusions: "x", recommendation: "", preferredScenarioId: "", documentId: "", version: "0" };
    expect((await post(f.dossier.id, gentCookie, form)).status).toBe(403);
    expect((await post(f.dossier.id, leuvenCookie, form)).status).toBe(404);
    expect((await post(f.dossier.id, null, form)).status).toBe(401);
    const decision = { intent: "addDecision", body: "COLLEGE", date: "2025-11-03", outcome: "PROCEED", note: "", documentId: "" };
    expect((await post(f.dossier.id, gentCookie, decision)).status).toBe(403);
    expect((await post(f.dossier.id, leuvenCookie, decision)).status).toBe(404);
    expect(await db.decision.count({ where: { dossierId: f.dossier.id } })).toBe(0);
    // Access is checked before the input: bad input from them is still 403/404, never 400.
    for (const bad of [{ intent: "addDecision", body: "NONSENSE" }, { intent: "nonsense" }, {}]) {
      expect((await post(f.dossier.id, gentCookie, bad as Record<string, string>)).status).toBe(403);
      expect((await post(f.dossier.id, leuvenCookie, bad as Record<string, string>)).status).toBe(404);
    }
  });

  it("a completed dossier's report no longer changes", async () => {
    const f = await buildReportDossier({ staffId: staff.id, phase: "COMPLETED" });
    const res = await post(f.dossier.id, staffCookie, { intent: "saveReport", conclusions: "x", recommendation: "", preferredScenarioId: "", documentId: "", version: "0" });
    expect(res.status).toBe(409);
    expect((await load(f.dossier.id, staffCookie)).data?.locked).toBe(true);
  });
});

describe("decisions", () => {
  it("staff record and delete a decision, both audited; bad input is refused per field", async () => {
    const f = await buildReportDossier({ staffId: staff.id });
    const bad = await post(f.dossier.id, staffCookie, { intent: "addDecision", body: "POPE", date: "2999-01-01", outcome: "PROCEED", note: "Notitie", documentId: "" });
    expect(bad.status).toBe(400);
    const errors = (bad.data as unknown as { result: { error: Record<string, string[]> } }).result.error;
    expect(errors.body).toEqual(["error.invalidChoice"]);
    expect(errors.date).toEqual(["reports.error.decisionInFuture"]);
    const otherDossier = await buildReportDossier({ staffId: staff.id });
    const foreignDoc = await post(f.dossier.id, staffCookie, { intent: "addDecision", body: "COLLEGE", date: "2025-11-03", outcome: "PROCEED", documentId: otherDossier.document.id });
    expect(foreignDoc.status).toBe(400);

    const ok = await post(f.dossier.id, staffCookie, {
      intent: "addDecision",
      body: "MUNICIPAL_COUNCIL",
      date: "2025-11-03",
      outcome: "PROCEED",
      note: "Unaniem goedgekeurd",
      documentId: f.document.id,
    });
    expect(ok.status).toBe(200);
    const page = await load(f.dossier.id, gentCookie);
    expect(page.data?.decisions).toHaveLength(1);
    expect(page.data?.decisions[0]).toMatchObject({ body: "MUNICIPAL_COUNCIL", outcome: "PROCEED", note: "Unaniem goedgekeurd", documentTitle: f.document.title });
    const id = page.data!.decisions[0].id;
    expect((await post(f.dossier.id, gentCookie, { intent: "deleteDecision", decisionId: id })).status).toBe(403);
    expect((await post(otherDossier.dossier.id, staffCookie, { intent: "deleteDecision", decisionId: id })).status).toBe(404);
    expect((await post(f.dossier.id, staffCookie, { intent: "deleteDecision", decisionId: id })).status).toBe(200);
    expect(await db.decision.count({ where: { dossierId: f.dossier.id } })).toBe(0);
    const audits = await db.auditEvent.findMany({ where: { dossierId: f.dossier.id, entityType: "Decision" }, orderBy: { at: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["CREATE", "DELETE"]);
  });
});

describe("generated PDF report", () => {
  const pdf = (id: string, cookie: string | null, headers: Record<string, string> = {}) =>
    callRoute(() => pdfLoader({ request: makeRequest(`/dossiers/${id}/rapport.pdf`, { cookie, headers: { Accept: "application/pdf", ...headers } }), params: { id }, context: {} }));

  it("holds the reference, the church, every scenario's NPV in Belgian notation and the approved hash; made in under 2 s", async () => {
    const f = await buildReportDossier({ staffId: staff.id });
    await post(f.dossier.id, staffCookie, {
      intent: "saveReport",
      conclusions: "De **bibliotheek** is haalbaar. <script>alert(1)</script>",
      recommendation: "- Verder met de bibliotheek\n- Subsidie aanvragen",
      preferredScenarioId: f.library.id,
      documentId: f.document.id,
      version: "0",
    });
    // The first PDF of a process also parses the embedded fonts; time a warm one as well.
    const coldStart = performance.now();
    await pdf(f.dossier.id, staffCookie);
    const cold = performance.now() - coldStart;
    const started = performance.now();
    const res = await pdf(f.dossier.id, staffCookie);
    const elapsed = performance.now() - started;
    expect(res.status).toBe(200);
    expect(res.response?.headers.get("Content-Type")).toBe("application/pdf");
    expect(res.response?.headers.get("Content-Disposition")).toBe(`attachment; filename="rapport-${f.dossier.reference}.pdf"`);
    const bytes = new Uint8Array(await res.response!.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    console.info(`PDF report: ${bytes.length} bytes; first ${cold.toFixed(0)} ms, then ${elapsed.toFixed(0)} ms`);
    expect(elapsed).toBeLessThan(2000);

    const text = await pdfText(bytes);
    expect(text).toContain(f.dossier.reference);
    expect(text).toContain("Sint-Stefanuskerk Ëlsegem");
    const versions = await db.simulationVersion.findMany({ where: { scenario: { dossierId: f.dossier.id }, status: { in: ["APPROVED", "SUBMITTED", "DRAFT"] } } });
    expect(versions).toHaveLength(3);
    for (const v of versions) {
      const money = formatMoney(npvOf(v.inputs));
      expect(money).toMatch(/^-?\d{1,3}(\.\d{3})*,\d{2} €$/);
      expect(text).toContain(money);
    }
    expect(text).toContain(f.approved.contentHash!);
    expect(text).toContain("Netto contante waarde");
    expect(text).toContain("Berekend op ontwerpversie 1");
    expect(text).toContain("<script>alert(1)</script>");
    expect(text).toContain("Verder met de bibliotheek");
    expect(text).not.toContain("Gearchiveerd idee");
    const audits = await db.auditEvent.findMany({ where: { dossierId: f.dossier.id, action: "DOWNLOAD" } });
    expect(audits.map((a) => a.userId)).toEqual([staff.id, staff.id]);
  });

  it("is in English when the user chose English", async () => {
    const f = await buildReportDossier({ staffId: staff.id });
    const lang = (await localeCookie.serialize("en")).split(";")[0];
    const res = await pdf(f.dossier.id, `${staffCookie}; ${lang}`);
    const text = await pdfText(new Uint8Array(await res.response!.arrayBuffer()));
    expect(text).toContain("Net present value");
    expect(text).toContain("There is no approved version of the preferred scenario");
  });

  it("the dossier's municipality may download it (without draft figures); another municipality 404; anonymous 401", async () => {
    const f = await buildReportDossier({ staffId: staff.id });
    const own = await pdf(f.dossier.id, gentCookie);
    expect(own.status).toBe(200);
    const text = await pdfText(new Uint8Array(await own.response!.arrayBuffer()));
    expect(text).toContain(formatMoney(npvOf(f.approved.inputs)));
    expect(text).not.toContain(formatMoney(npvOf((await db.simulationVersion.findFirstOrThrow({ where: { scenarioId: f.culture.id } })).inputs)));
    expect((await pdf(f.dossier.id, leuvenCookie)).status).toBe(404);
    expect((await pdf(f.dossier.id, null)).status).toBe(401);
    expect(await db.auditEvent.count({ where: { dossierId: f.dossier.id, action: "DOWNLOAD" } })).toBe(1);
  });
});
