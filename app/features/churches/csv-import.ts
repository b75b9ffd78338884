/**
 * CSV import of churches, the pure part: decode, split into records, recognise the columns,
 * and validate and map every row. No database here: the caller passes the municipalities
 * and decides, per row, whether it creates or updates a church (import.server.ts).
 *
 * Problems are message keys with parameters (see ./messages.ts), each tied to the line
 * in the file and the column as it is named in the file.
 */
import { z } from "~/platform/validation";
import { isInFlanders, lambert72CoordinateSchema, lambert72ToWgs84 } from "./lambert72";
import {
  type ChurchData,
  churchFields,
  CONDITIONS,
  CURRENT_USES,
  parseDecimal,
  POLICY_DESTINATIONS,
  PROTECTION_STATUSES,
} from "./schemas";

export const MAX_IMPORT_ROWS = 5000;

export type CsvIssue = { line: number | null; column: string | null; key: string; params?: Record<string, string | number> };
export type CsvRecord = { line: number; cells: string[] };

// ---------------------------------------------------------------------------------------
// Decoding and splitting
// ---------------------------------------------------------------------------------------

/** UTF-8 with or without BOM; null when the bytes are not valid UTF-8. */
export function decodeCsv(bytes: Uint8Array): string | null {
  try {
    // TextDecoder drops a leading BOM by default; `fatal` refuses Latin-1 and other encodings.
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** `;` or `,`, whichever occurs more often outside quotes in the header line (`;` on a tie: Belgian Excel). */
export function detectSeparator(text: string): ";" | "," {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of text.replace(/^\uFEFF/, "")) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && ch === ";") semicolons++;
    else if (!quoted && ch === ",") commas++;
  }
  return commas > semicolons ? "," : ";";
}

/**
 * RFC 4180 records: quoted fields may hold the separator, doubled quotes and line breaks;
 * lines end in LF, CRLF or CR. Each record keeps the line it starts on. Blank lines are skipped.
 */
export function parseCsv(text: string, separator: string): { records: CsvRecord[]; issue: CsvIssue | null } {
  const source = text.replace(/^\uFEFF/, "");
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 1;
  let fieldStarted = false;

  const endRecord = () => {
    cells.push(field);
    // Blank lines and separator-only lines (Excel leaves ";;;;" rows behind) are no records.
    if (!cells.every((c) => c.trim() === "")) records.push({ line: recordLine, cells });
    cells = [];
    field = "";
    fieldStarted = false;
  };

  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (quoted) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else if (ch === "\r" && source[i + 1] === "\n") {
        // CRLF inside a field becomes LF (browsers send form values back with CRLF).
        continue;
      } else {
        if (ch === "\n" || ch === "\r") line++;
        field += ch === "\r" ? "\n" : ch;
      }
      continue;
    }
    if (ch === '"' && field.trim() === "") {
      // A quote opens a quoted field only at its start (spaces before it are dropped).
      field = "";
      quoted = true;
      quoteLine = line;
      fieldStarted = true;
    } else if (ch === separator) {
      cells.push(field);
      field = "";
      fieldStarted = true;
    } else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && source[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += ch;
    }
  }
  if (quoted) return { records, issue: { line: quoteLine, column: null, key: "churches.import.error.unclosedQuote" } };
  if (field !== "" || cells.length > 0 || fieldStarted) endRecord();
  return { records, issue: null };
}

// ---------------------------------------------------------------------------------------
// Columns
// ---------------------------------------------------------------------------------------

export const IMPORT_COLUMNS = [
  "name",
  "parish",
  "street",
  "postalCode",
  "place",
  "municipality",
  "lat",
  "lng",
  "x",
  "y",
  "protectionStatus",
  "inventoryUri",
  "buildingPeriod",
  "floorAreaM2",
  "condition",
  "owner",
  "currentUse",
  "policyDestination",
  "notes",
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Accepted headers per column (Dutch first); compared without case, accents, spaces or punctuation. */
export const COLUMN_ALIASES: Record<ImportColumn, readonly string[]> = {
  name: ["naam", "kerk", "kerknaam", "name", "church"],
  parish: ["parochie", "parish"],
  street: ["straat", "adres", "street", "address"],
  postalCode: ["postcode", "postal_code", "zip"],
  place: ["plaats", "deelgemeente", "place", "city"],
  municipality: ["niscode", "nis", "gemeente", "municipality"],
  lat: ["lat", "breedtegraad", "latitude"],
  lng: ["lng", "lon", "lengtegraad", "longitude"],
  x: ["x", "lambert_x", "x_lambert72"],
  y: ["y", "lambert_y", "y_lambert72"],
  protectionStatus: ["beschermingsstatus", "bescherming", "protection", "protection_status"],
  inventoryUri: ["erfgoedobject", "inventaris_uri", "inventory_uri", "uri"],
  buildingPeriod: ["bouwperiode", "periode", "building_period"],
  floorAreaM2: ["oppervlakte", "oppervlakte_m2", "floor_area", "floor_area_m2"],
  condition: ["staat", "toestand", "condition"],
  owner: ["eigenaar", "owner"],
  currentUse: ["gebruik", "huidig_gebruik", "current_use"],
  policyDestination: ["bestemming", "beleidsbestemming", "policy_destination", "destination"],
  notes: ["opmerkingen", "notities", "notes"],
};

/** Lower case, no accents, only letters and digits: "Oppervlakte (m²)" -> "oppervlaktem2". */
export function normaliseToken(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

const HEADER_LOOKUP = new Map<string, ImportColumn>(
  IMPORT_COLUMNS.flatMap((column) => COLUMN_ALIASES[column].map((alias) => [normaliseToken(alias), column] as const)),
);

export function columnOf(header: string): ImportColumn | null {
  return HEADER_LOOKUP.get(normaliseToken(header)) ?? null;
}

/** Accepted values of the enum columns, besides the codes themselves (Dutch and English). */
export const VALUE_ALIASES = {
  protectionStatus: {
    NONE: ["geen", "niet beschermd", "none"],
    INVENTORIED: ["geinventariseerd", "inventaris", "inventoried"],
    ESTABLISHED: ["vastgesteld", "vastgesteld bouwkundig erfgoed", "established"],
    PROTECTED: ["beschermd", "beschermd monument", "protected"],
  },
  condition: {
    GOOD: ["goed", "good"],
    FAIR: ["redelijk", "matig", "fair"],
    POOR: ["slecht", "poor"],
    BAD: ["zeer slecht", "bad"],
  },
  currentUse: {
    WORSHIP: ["eredienst", "worship"],
    SHARED_USE: ["medegebruik", "gedeeld gebruik", "shared use"],
    PARTLY_UNUSED: ["gedeeltelijk ongebruikt", "gedeeltelijk leeg", "partly unused"],
    VACANT: ["leegstaand", "leeg", "vacant"],
    REPURPOSED: ["herbestemd", "repurposed"],
  },
  policyDestination: {
    WORSHIP: ["eredienst", "worship"],
    SHARED_USE: ["nevenbestemming", "medegebruik", "shared use"],
    REPURPOSE: ["herbestemming", "repurpose"],
    DEMOLISH: ["sloop", "demolish"],
    UNDECIDED: ["onbeslist", "nog te bepalen", "undecided"],
  },
} as const satisfies Record<string, Record<string, readonly string[]>>;

type EnumColumn = keyof typeof VALUE_ALIASES;
const ENUM_CODES: Record<EnumColumn, readonly string[]> = {
  protectionStatus: PROTECTION_STATUSES,
  condition: CONDITIONS,
  currentUse: CURRENT_USES,
  policyDestination: POLICY_DESTINATIONS,
};

export function enumValueOf(column: EnumColumn, value: string): string | null {
  const token = normaliseToken(value);
  for (const code of ENUM_CODES[column]) {
    const aliases: readonly string[] = (VALUE_ALIASES[column] as Record<string, readonly string[]>)[code] ?? [];
    if (normaliseToken(code) === token || aliases.some((a) => normaliseToken(a) === token)) return code;
  }
  return null;
}

// ---------------------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------------------

export type MunicipalityRef = { nisCode: string; name: string };

/** The fields a row sets; a blank cell is absent (left unchanged on update, default on create). */
export type ImportChurch = Partial<ChurchData> & { name: string; nisCode: string };

export type ImportRow = { line: number; data: ImportChurch | null; issues: CsvIssue[] };

export type CsvAnalysis = {
  separator: ";" | ",";
  columns: { header: string; column: ImportColumn | null }[];
  fileIssues: CsvIssue[];
  rows: ImportRow[];
};

const RowSchema = z.object({
  name: churchFields.name,
  parish: churchFields.parish,
  street: churchFields.street,
  postalCode: churchFields.postalCode,
  place: churchFields.place,
  inventoryUri: churchFields.inventoryUri,
  buildingPeriod: churchFields.buildingPeriod,
  floorAreaM2: churchFields.floorAreaM2,
  owner: churchFields.owner,
  notes: churchFields.notes,
  lat: z.preprocess(parseDecimal, z.number().min(-90, { error: "churches.error.latRange" }).max(90, { error: "churches.error.latRange" })).optional(),
  lng: z.preprocess(parseDecimal, z.number().min(-180, { error: "churches.error.lngRange" }).max(180, { error: "churches.error.lngRange" })).optional(),
  x: lambert72CoordinateSchema("x", { coerce: true }).optional(),
  y: lambert72CoordinateSchema("y", { coerce: true }).optional(),
});

/** Decides the columns and checks the file's shape: required columns, no column twice. */
function readHeader(header: CsvRecord): { columns: CsvAnalysis["columns"]; issues: CsvIssue[] } {
  const columns = header.cells.map((h) => ({ header: h.trim(), column: columnOf(h) }));
  const issues: CsvIssue[] = [];
  const seen = new Map<ImportColumn, string>();
  for (const { header: h, column } of columns) {
    if (!column) {
      if (h !== "") issues.push({ line: header.line, column: h, key: "churches.import.error.unknownColumn" });
      continue;
    }
    if (seen.has(column)) issues.push({ line: header.line, column: h, key: "churches.import.error.duplicateColumn", params: { other: seen.get(column)! } });
    else seen.set(column, h);
  }
  if (!seen.has("name")) issues.push({ line: header.line, column: null, key: "churches.import.error.missingColumn", params: { column: COLUMN_ALIASES.name[0] } });
  if (!seen.has("municipality")) {
    issues.push({ line: header.line, column: null, key: "churches.import.error.missingColumn", params: { column: COLUMN_ALIASES.municipality[0] } });
  }
  if (seen.has("x") !== seen.has("y")) issues.push({ line: header.line, column: null, key: "churches.import.error.lambertPairColumns" });
  if (seen.has("lat") !== seen.has("lng")) issues.push({ line: header.line, column: null, key: "churches.import.error.latLngPairColumns" });
  return { columns, issues };
}

function mapRow(record: CsvRecord, columns: CsvAnalysis["columns"], municipalities: { byNis: Map<string, string>; byName: Map<string, string> }): ImportRow {
  const issues: CsvIssue[] = [];
  const raw: Partial<Record<ImportColumn, string>> = {};
  const headerOf: Partial<Record<ImportColumn, string>> = {};
  columns.forEach(({ header, column }, i) => {
    if (!column) return;
    headerOf[column] = header;
    const cell = (record.cells[i] ?? "").trim();
    if (cell !== "") raw[column] = cell;
  });
  if (record.cells.length > columns.length && record.cells.slice(columns.length).some((c) => c.trim() !== "")) {
    issues.push({ line: record.line, column: null, key: "churches.import.error.tooManyCells", params: { count: record.cells.length, expected: columns.length } });
  }
  const issue = (column: ImportColumn, key: string, params?: CsvIssue["params"]) =>
    issues.push({ line: record.line, column: headerOf[column] ?? column, key, params });

  // Municipality: a NIS code, or the name of one of the 285 municipalities.
  let nisCode: string | undefined;
  if (raw.municipality === undefined) issue("municipality", "churches.error.municipalityRequired");
  else if (/^\d{5}$/.test(raw.municipality)) {
    if (municipalities.byNis.has(raw.municipality)) nisCode = raw.municipality;
    else issue("municipality", "churches.import.error.unknownMunicipality", { value: raw.municipality });
  } else {
    nisCode = municipalities.byName.get(normaliseToken(raw.municipality));
    if (!nisCode) issue("municipality", "churches.import.error.unknownMunicipality", { value: raw.municipality });
  }

  const enums: Partial<Record<EnumColumn, string>> = {};
  for (const column of Object.keys(VALUE_ALIASES) as EnumColumn[]) {
    const value = raw[column];
    if (value === undefined) continue;
    const code = enumValueOf(column, value);
    if (code) enums[column] = code;
    else issue(column, "churches.import.error.unknownValue", { value });
  }

  const parsed = RowSchema.safeParse({ ...raw, name: raw.name ?? "" });
  if (!parsed.success) {
    for (const zodIssue of parsed.error.issues) issue(zodIssue.path[0] as ImportColumn, zodIssue.message);
  }

  let location: { lat: number; lng: number } | undefined;
  if (parsed.success) {
    const v = parsed.data;
    if ((v.x === undefined) !== (v.y === undefined)) issue(v.x === undefined ? "x" : "y", "churches.error.lambertRequired");
    else if (v.x !== undefined && v.y !== undefined) location = lambert72ToWgs84({ x: v.x, y: v.y });
    else if ((v.lat === undefined) !== (v.lng === undefined)) issue(v.lat === undefined ? "lat" : "lng", "churches.error.latLngPair");
    else if (v.lat !== undefined && v.lng !== undefined) location = { lat: v.lat, lng: v.lng };
    if (location && !isInFlanders(location)) {
      issue(v.x !== undefined ? "x" : "lat", "churches.import.error.outsideFlanders");
      location = undefined;
    }
  }

  if (issues.length || !parsed.success || !nisCode) return { line: record.line, data: null, issues };
  const { x: _x, y: _y, lat: _lat, lng: _lng, ...fields } = parsed.data;
  const data: ImportChurch = { ...dropUndefined(fields), name: parsed.data.name, nisCode, ...(enums as Partial<ChurchData>) };
  if (location) Object.assign(data, location);
  return { line: record.line, data, issues };
}

function dropUndefined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== "")) as Partial<T>;
}

/** Same church twice in one file (same inventory URI, or same name in the same municipality). */
function markDuplicates(rows: ImportRow[]) {
  const byUri = new Map<string, number>();
  const byName = new Map<string, number>();
  for (const row of rows) {
    if (!row.data) continue;
    const uri = row.data.inventoryUri;
    const nameKey = `${row.data.nisCode}|${normaliseToken(row.data.name)}`;
    const earlier = (uri ? byUri.get(uri) : undefined) ?? byName.get(nameKey);
    if (earlier !== undefined) {
      row.issues.push({ line: row.line, column: null, key: "churches.import.error.duplicateInFile", params: { line: earlier } });
      row.data = null;
      continue;
    }
    if (uri) byUri.set(uri, row.line);
    byName.set(nameKey, row.line);
  }
}

/** Everything the preview needs and the import re-checks, from the file's text. */
export function analyseCsv(text: string, municipalityList: readonly MunicipalityRef[]): CsvAnalysis {
  const separator = detectSeparator(text);
  const { records, issue } = parseCsv(text, separator);
  if (issue) return { separator, columns: [], fileIssues: [issue], rows: [] };
  if (records.length === 0) return { separator, columns: [], fileIssues: [{ line: null, column: null, key: "churches.import.error.empty" }], rows: [] };
  const [header, ...body] = records;
  const { columns, issues } = readHeader(header);
  const fileIssues = issues.filter((i) => i.key !== "churches.import.error.unknownColumn");
  if (body.length === 0) fileIssues.push({ line: null, column: null, key: "churches.import.error.noRows" });
  if (body.length > MAX_IMPORT_ROWS) fileIssues.push({ line: null, column: null, key: "churches.import.error.tooManyRows", params: { max: MAX_IMPORT_ROWS } });
  // Unknown columns are only a warning: they are shown and ignored.
  const warnings = issues.filter((i) => i.key === "churches.import.error.unknownColumn");
  if (fileIssues.length) return { separator, columns, fileIssues: [...fileIssues, ...warnings], rows: [] };
  const municipalities = {
    byNis: new Map(municipalityList.map((m) => [m.nisCode, m.name])),
    byName: new Map(municipalityList.map((m) => [normaliseToken(m.name), m.nisCode])),
  };
  const rows = body.map((record) => mapRow(record, columns, municipalities));
  markDuplicates(rows);
  return { separator, columns, fileIssues: warnings, rows };
}

/** True when nothing stands in the way of importing (unknown columns are only warnings). */
export function isImportable(analysis: CsvAnalysis): boolean {
  return (
    analysis.rows.length > 0 &&
    analysis.fileIssues.every((i) => i.key === "churches.import.error.unknownColumn") &&
    analysis.rows.every((r) => r.data !== null && r.issues.length === 0)
  );
}
