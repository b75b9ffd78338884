// The generated report as a real PDF (pdfkit), drawn from ReportData: cover, church and
// location, timeline, scenarios with key figures and a vector cash-flow chart, the approved
// version and its hash, conclusions, recommendation and decisions.
//
// Font: Liberation Sans (SIL OFL 1.1, ./fonts with its licence) is embedded, because pdfkit's
// built-in Helvetica only knows Windows-1252: € happens to be in it, but user text such as
// "Sint-Stefanús → ő" or curly quotes outside that set would print as garbage. Should the
// font files be missing, Helvetica is used and text outside Windows-1252 is replaced.
import { readFileSync } from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";
import type { Phase } from "~/features/dossiers/phases";
import { translate } from "~/platform/i18n/catalogue";
import { formatDate, formatMoney, formatNumber, formatPercent } from "~/platform/i18n/format";
import type { Locale } from "~/platform/i18n/locales";
import { chartGeometry } from "./chart-geometry";
import type { CashFlowPoint, KeyFigures } from "./key-figures";
import { type Inline, parseMarkdown } from "./markdown";
import type { ReportData } from "./report-data.server";

type Fonts = { regular: Buffer | string; bold: Buffer | string; italic: Buffer | string; embedded: boolean };

let fontCache: Fonts | undefined;

function loadFonts(): Fonts {
  if (fontCache) return fontCache;
  const dir = path.resolve(process.cwd(), "app/features/reports/fonts");
  try {
    fontCache = {
      regular: readFileSync(path.join(dir, "LiberationSans-Regular.ttf")),
      bold: readFileSync(path.join(dir, "LiberationSans-Bold.ttf")),
      italic: readFileSync(path.join(dir, "LiberationSans-Italic.ttf")),
      embedded: true,
    };
  } catch {
    fontCache = { regular: "Helvetica", bold: "Helvetica-Bold", italic: "Helvetica-Oblique", embedded: false };
  }
  return fontCache;
}

const COLOR = { text: "#1d2428", muted: "#5b6770", primary: "#1f5f73", positive: "#4f8fa3", negative: "#b5473a", line: "#1d2428", grid: "#d5dde1" };
const MARGIN = 56;

export function renderReportPdf(data: ReportData, locale: Locale, now = new Date()): Promise<Buffer> {
  const fonts = loadFonts();
  const t = (key: string, params?: Record<string, string | number>) => clean(translate(locale, key, params));
  // Without the embedded font, keep to what Windows-1252 Helvetica can print.
  const clean = (text: string) => (fonts.embedded ? text : text.replace(/[^\t\n\r\u0020-\u00ff€–—‘’“”•…]/g, "?"));
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    lang: locale === "en" ? "en-GB" : "nl-BE",
    info: { Title: `${data.dossier.reference} · ${data.church.name}`, Author: "Herbestemming", Subject: translate(locale, "reports.pdf.title") },
  });
  doc.registerFont("body", fonts.regular);
  doc.registerFont("bold", fonts.bold);
  doc.registerFont("italic", fonts.italic);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const left = MARGIN;
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN;
  const ensureSpace = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };
  const heading = (text: string) => {
    ensureSpace(60);
    doc.moveDown(0.6).font("bold").fontSize(15).fillColor(COLOR.primary).text(clean(text), left, doc.y, { width });
    doc.moveDown(0.3).fillColor(COLOR.text);
  };
  const subheading = (text: string) => {
    ensureSpace(40);
    doc.moveDown(0.4).font("bold").fontSize(12).fillColor(COLOR.text).text(clean(text), left, doc.y, { width });
    doc.moveDown(0.2);
  };
  const paragraph = (text: string, opts: { muted?: boolean; size?: number } = {}) => {
    doc.font("body").fontSize(opts.size ?? 10).fillColor(opts.muted ? COLOR.muted : COLOR.text).text(clean(text), left, doc.y, { width });
    doc.fillColor(COLOR.text);
  };
  const keyValue = (label: string, value: string, labelWidth = 150) => {
    ensureSpace(16);
    const y = doc.y;
    doc.font("bold").fontSize(10).fillColor(COLOR.text).text(clean(label), left, y, { width: labelWidth - 8 });
    const afterLabel = doc.y;
    doc.font("body").text(clean(value), left + labelWidth, y, { width: width - labelWidth });
    doc.y = Math.max(afterLabel, doc.y) + 2;
  };
  const phaseName = (p: Phase) => t(`dossiers.phase.${p}`);

  // --- Cover ------------------------------------------------------------------------------
  doc.rect(0, 0, doc.page.width, 12).fill(COLOR.primary);
  doc.y = 190;
  doc.font("body").fontSize(13).fillColor(COLOR.muted).text(t("reports.pdf.title"), left, doc.y, { width });
  doc.moveDown(0.5).font("bold").fontSize(28).fillColor(COLOR.text).text(clean(data.church.name), { width });
  doc.moveDown(0.3).font("body").fontSize(16).fillColor(COLOR.primary).text(clean(data.dossier.reference), { width });
  doc.moveDown(2).fillColor(COLOR.text);
  keyValue(t("reports.pdf.reference"), data.dossier.reference);
  keyValue(t("reports.pdf.church"), data.church.name);
  keyValue(t("reports.pdf.municipality"), `${data.church.municipality} (${data.church.province})`);
  keyValue(t("reports.pdf.applicant"), data.dossier.applicantName);
  keyValue(t("reports.pdf.date"), formatDate(now));

  // --- Church and location ----------------------------------------------------------------
  doc.addPage();
  heading(t("reports.pdf.section.church"));
  const c = data.church;
  if (c.parish) keyValue(t("reports.pdf.church.parish"), c.parish);
  const address = [c.street, [c.postalCode, c.place].filter(Boolean).join(" ")].filter(Boolean).join(", ");
  if (address) keyValue(t("reports.pdf.church.address"), address);
  keyValue(
    t("reports.pdf.church.location"),
    c.lat !== null && c.lng !== null
      ? t("reports.pdf.church.locationValue", { lat: formatNumber(c.lat, 6, 6), lng: formatNumber(c.lng, 6, 6), municipality: c.municipality, province: c.province })
      : t("reports.pdf.church.locationUnknown", { municipality: c.municipality, province: c.province }),
  );
  keyValue(t("reports.pdf.church.protection"), t(`reports.protection.${c.protectionStatus}`));
  if (c.inventoryUri) keyValue(t("reports.pdf.church.inventory"), c.inventoryUri);
  if (c.buildingPeriod) keyValue(t("reports.pdf.church.period"), c.buildingPeriod);
  if (c.floorAreaM2 !== null) keyValue(t("reports.pdf.church.area"), `${formatNumber(c.floorAreaM2, 0)} m²`);
  if (c.condition) keyValue(t("reports.pdf.church.condition"), t(`reports.condition.${c.condition}`));
  if (c.owner) keyValue(t("reports.pdf.church.owner"), c.owner);
  keyValue(t("reports.pdf.church.use"), t(`reports.use.${c.currentUse}`));

  // --- Timeline ---------------------------------------------------------------------------
  heading(t("reports.pdf.section.timeline"));
  if (!data.timeline.length) paragraph(t("reports.pdf.timeline.empty"), { muted: true });
  for (const step of data.timeline) {
    const from = step.fromPhase ? ` (${t("reports.pdf.timeline.from", { from: phaseName(step.fromPhase) })})` : "";
    keyValue(formatDate(step.at), `${phaseName(step.toPhase)}${from}${step.reason ? ` – ${step.reason}` : ""}`, 90);
  }

  // --- Scenarios --------------------------------------------------------------------------
  heading(t("reports.pdf.section.scenarios"));
  if (!data.scenarios.length) paragraph(t("reports.pdf.scenarios.empty"), { muted: true });
  for (const s of data.scenarios) {
    ensureSpace(s.result ? 330 : 60);
    subheading(`${s.name}${s.preferred ? ` (${t("reports.pdf.scenario.preferred")})` : ""}`);
    paragraph(`${t("reports.pdf.scenario.function")}: ${t(`reports.function.${s.functionCategory}`)}`);
    if (!s.result) {
      paragraph(t("reports.pdf.scenario.noVersion"), { muted: true });
      continue;
    }
    const v = s.result.version;
    paragraph(
      v.status === "DRAFT"
        ? t("reports.pdf.scenario.basisDraft", { number: v.number })
        : t("reports.pdf.scenario.basis", { number: v.number, status: t(`reports.status.${v.status}`) }),
      { muted: true, size: 9 },
    );
    doc.moveDown(0.3);
    figuresTable(s.result.figures);
    doc.moveDown(0.5);
    cashFlowChart(s.result.cashFlow);
  }

  // --- Approved version -------------------------------------------------------------------
  heading(t("reports.pdf.section.approved"));
  if (data.approved) {
    keyValue(t("reports.preferredScenario"), t("reports.pdf.approved.value", { scenario: data.approved.scenario, number: data.approved.number }));
    if (data.approved.contentHash) {
      // The full width, so the 64 hex digits stay on one line and can be compared as one word.
      doc.moveDown(0.3).font("bold").fontSize(10).text(t("reports.hash"), left, doc.y, { width });
      doc.font("body").fontSize(9).text(data.approved.contentHash, left, doc.y, { width, lineBreak: false });
      doc.moveDown(0.5);
    }
  } else {
    paragraph(t("reports.pdf.approved.none"), { muted: true });
  }

  // --- Conclusions, recommendation, decisions ----------------------------------------------
  heading(t("reports.pdf.section.conclusions"));
  markdown(data.conclusions);
  heading(t("reports.pdf.section.recommendation"));
  markdown(data.recommendation);
  if (data.documentTitle) {
    doc.moveDown(0.5);
    paragraph(t("reports.pdf.document", { title: data.documentTitle }), { muted: true });
  }
  if (data.decisions.length) {
    heading(t("reports.pdf.section.decisions"));
    for (const d of data.decisions) {
      keyValue(
        formatDate(d.date),
        `${t(`reports.body.${d.body}`)}: ${t(`reports.outcome.${d.outcome}`)}${d.note ? ` – ${d.note}` : ""}`,
        90,
      );
    }
  }

  // --- Footer on every page but the cover ---------------------------------------------------
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    if (i === range.start) continue;
    doc.switchToPage(i);
    // Writing below the bottom margin would add a page; lift the margin while we do.
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font("body")
      .fontSize(8)
      .fillColor(COLOR.muted)
      .text(`${data.dossier.reference} · ${clean(data.church.name)}`, left, doc.page.height - 36, { width: width / 2, lineBreak: false });
    doc.text(t("reports.pdf.page", { page: i + 1, pages: range.count }), left + width / 2, doc.page.height - 36, {
      width: width / 2,
      align: "right",
      lineBreak: false,
    });
    doc.page.margins.bottom = saved;
  }
  doc.end();
  return done;

  function figuresTable(f: KeyFigures) {
    const rows: [string, string][] = [
      [t("reports.figure.npv"), formatMoney(f.npv)],
      [t("reports.figure.irr"), f.irrPct === null ? "–" : formatPercent(f.irrPct)],
      [t("reports.figure.payback"), f.paybackYear === null ? t("reports.figure.notReached") : String(f.paybackYear)],
      [t("reports.figure.fundingGap"), formatMoney(f.fundingGap)],
      [t("reports.figure.breakEven"), f.breakEvenExtraRevenue === null ? "–" : formatMoney(f.breakEvenExtraRevenue)],
      [t("reports.figure.minDscr"), f.minDscr === null ? "–" : formatNumber(f.minDscr, 2, 2)],
    ];
    for (const [label, value] of rows) {
      const y = doc.y;
      doc.font("body").fontSize(10).fillColor(COLOR.text).text(label, left, y, { width: 280 });
      doc.font("bold").text(value, left + 280, y, { width: width - 280, align: "right" });
      doc.y = y + 15;
      doc.moveTo(left, doc.y - 2).lineTo(left + width, doc.y - 2).lineWidth(0.3).strokeColor(COLOR.grid).stroke();
    }
  }

  function cashFlowChart(points: CashFlowPoint[]) {
    if (!points.length) return;
    const top = doc.y;
    doc.font("bold").fontSize(9).fillColor(COLOR.text).text(t("reports.pdf.chart.title"), left, top, { width });
    const maxAbs = Math.max(...points.flatMap((p) => [Math.abs(p.net), Math.abs(p.cumulative)]));
    const [divisor, unit] = maxAbs >= 5e6 ? [1e6, "× 1.000.000 €"] : maxAbs >= 5e3 ? [1e3, "× 1.000 €"] : [1, "€"];
    const box = { x: left + 52, y: top + 28, width: width - 60, height: 150 };
    const g = chartGeometry(points, box);
    doc.font("body").fontSize(7).fillColor(COLOR.muted).text(unit, left, top + 14, { width: 60 });
    for (const tick of g.ticks) {
      doc.moveTo(box.x, tick.y).lineTo(box.x + box.width, tick.y).lineWidth(0.3).strokeColor(COLOR.grid).stroke();
      doc.text(formatNumber(tick.value / divisor, divisor === 1 ? 0 : 1), left, tick.y - 3.5, { width: 48, align: "right", lineBreak: false });
    }
    for (const bar of g.bars) {
      if (bar.height > 0) doc.rect(bar.x, bar.y, bar.width, bar.height).fill(bar.negative ? COLOR.negative : COLOR.positive);
    }
    doc.moveTo(box.x, g.zeroY).lineTo(box.x + box.width, g.zeroY).lineWidth(0.8).strokeColor(COLOR.text).stroke();
    g.line.forEach((p, i) => (i === 0 ? doc.moveTo(p.x, p.y) : doc.lineTo(p.x, p.y)));
    doc.lineWidth(1.4).strokeColor(COLOR.line).stroke();
    for (const p of g.line) doc.circle(p.x, p.y, 1.4).fill(COLOR.line);
    doc.font("body").fontSize(7).fillColor(COLOR.muted);
    g.bars.forEach((bar, i) => {
      if (i % g.labelEvery === 0) doc.text(String(bar.year), bar.x + bar.width / 2 - 14, box.y + box.height + 4, { width: 28, align: "center", lineBreak: false });
    });
    // Legend.
    const ly = box.y + box.height + 18;
    doc.rect(box.x, ly, 8, 8).fill(COLOR.positive);
    doc.fillColor(COLOR.text).text(t("reports.pdf.chart.net"), box.x + 12, ly, { lineBreak: false });
    doc.moveTo(box.x + 110, ly + 4).lineTo(box.x + 126, ly + 4).lineWidth(1.4).strokeColor(COLOR.line).stroke();
    doc.fillColor(COLOR.text).text(t("reports.pdf.chart.cumulative"), box.x + 130, ly, { lineBreak: false });
    doc.x = left;
    doc.y = ly + 16;
  }

  function markdown(source: string) {
    const blocks = parseMarkdown(source);
    if (!blocks.length) {
      paragraph(t("reports.pdf.empty"), { muted: true });
      return;
    }
    for (const block of blocks) {
      ensureSpace(30);
      if (block.type === "heading") {
        doc.moveDown(0.3);
        runs(block.children, { size: block.level === 1 ? 12.5 : 11, bold: true });
      } else if (block.type === "paragraph") {
        runs(block.children, {});
        doc.moveDown(0.4);
      } else {
        block.items.forEach((item, i) => {
          ensureSpace(16);
          const y = doc.y;
          doc.font("body").fontSize(10).fillColor(COLOR.text).text(block.ordered ? `${i + 1}.` : "•", left + 4, y, { width: 14 });
          doc.y = y;
          runs(item, { indent: 20 });
        });
        doc.moveDown(0.4);
      }
    }
  }

  function runs(nodes: Inline[], opts: { size?: number; bold?: boolean; indent?: number }) {
    const segments: { text: string; bold: boolean; italic: boolean; link: string | null }[] = [];
    const walk = (list: Inline[], bold: boolean, italic: boolean, link: string | null) => {
      for (const n of list) {
        if (n.type === "text" || n.type === "code") segments.push({ text: n.value, bold, italic, link });
        else if (n.type === "strong") walk(n.children, true, italic, link);
        else if (n.type === "em") walk(n.children, bold, true, link);
        else walk(n.children, bold, italic, n.href);
      }
    };
    walk(nodes, Boolean(opts.bold), false, null);
    if (!segments.length) return;
    const x = left + (opts.indent ?? 0);
    const w = width - (opts.indent ?? 0);
    segments.forEach((s, i) => {
      doc
        .font(s.bold ? "bold" : s.italic ? "italic" : "body")
        .fontSize(opts.size ?? 10)
        .fillColor(s.link ? COLOR.primary : COLOR.text);
      const options = { width: w, continued: i < segments.length - 1, link: s.link, underline: Boolean(s.link) };
      if (i === 0) doc.text(clean(s.text), x, doc.y, options);
      else doc.text(clean(s.text), options);
    });
    doc.fillColor(COLOR.text);
    doc.x = left;
  }
}
