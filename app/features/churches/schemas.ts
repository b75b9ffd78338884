// Church form and list query: one zod schema for the browser (conform) and the server.
// Pure module: no Prisma, no React.
import { z } from "~/platform/validation";
import { isInFlanders, lambert72CoordinateSchema, lambert72ToWgs84 } from "./lambert72";

// The enums of prisma/models.prisma, repeated here because pure modules may not import the
// generated client; tests/unit/churches/schemas.test.ts keeps them in step.
import { PROTECTION_STATUSES } from "./protection";

export { PROTECTION_STATUSES };
export const CONDITIONS = ["GOOD", "FAIR", "POOR", "BAD"] as const;
export const CURRENT_USES = ["WORSHIP", "SHARED_USE", "PARTLY_UNUSED", "VACANT", "REPURPOSED"] as const;
export const POLICY_DESTINATIONS = ["WORSHIP", "SHARED_USE", "REPURPOSE", "DEMOLISH", "UNDECIDED"] as const;
export type ProtectionStatus = (typeof PROTECTION_STATUSES)[number];
export type ChurchCondition = (typeof CONDITIONS)[number];
export type CurrentUse = (typeof CURRENT_USES)[number];
export type PolicyDestination = (typeof POLICY_DESTINATIONS)[number];

/** The heritage inventory's URI of a heritage object (onroerend erfgoed). */
export const INVENTORY_URI_PATTERN = /^https:\/\/id\.erfgoed\.net\/erfgoedobjecten\/\d+$/;
export const NIS_CODE_PATTERN = /^\d{5}$/;
export const POSTAL_CODE_PATTERN = /^\d{4}$/;

/** "51,0543" and "51.0543" alike: Belgian users type a decimal comma. */
export function parseDecimal(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const text = value.trim().replace(/\s/g, "").replace(",", ".");
  if (text === "") return undefined;
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : Number.NaN;
}

/** A stored number as Belgians write it in a form: decimal comma. */
export function decimalText(value: number | null | undefined): string {
  return value === null || value === undefined ? "" : String(value).replace(".", ",");
}

const decimal = (inner: z.ZodNumber = z.number()) => z.preprocess(parseDecimal, inner);
const text = (max: number) => z.string().trim().max(max).optional();

const latitude = decimal(z.number().min(-90, { error: "churches.error.latRange" }).max(90, { error: "churches.error.latRange" }));
const longitude = decimal(z.number().min(-180, { error: "churches.error.lngRange" }).max(180, { error: "churches.error.lngRange" }));

export const inventoryUriSchema = z
  .string()
  .trim()
  .regex(INVENTORY_URI_PATTERN, { error: "churches.error.inventoryUri" });

/** The church fields themselves, as the import validates them too. */
export const churchFields = {
  name: z.string().trim().min(1).max(160),
  parish: text(160),
  street: text(160),
  postalCode: z.string().trim().regex(POSTAL_CODE_PATTERN, { error: "churches.error.postalCode" }).optional(),
  place: text(120),
  nisCode: z.string({ error: "churches.error.municipalityRequired" }).regex(NIS_CODE_PATTERN, {
    error: "churches.error.municipalityRequired",
  }),
  protectionStatus: z.enum(PROTECTION_STATUSES).default("NONE"),
  inventoryUri: inventoryUriSchema.optional(),
  buildingPeriod: text(80),
  floorAreaM2: decimal(
    z.number().positive({ error: "churches.error.floorArea" }).max(100_000, { error: "churches.error.floorArea" }),
  ).optional(),
  condition: z.enum(CONDITIONS).optional(),
  owner: text(160),
  currentUse: z.enum(CURRENT_USES).default("WORSHIP"),
  policyDestination: z.enum(POLICY_DESTINATIONS).default("UNDECIDED"),
  notes: text(4000),
};

const locationFields = {
  lat: latitude.optional(),
  lng: longitude.optional(),
  lambertX: lambert72CoordinateSchema("x", { coerce: true }).optional(),
  lambertY: lambert72CoordinateSchema("y", { coerce: true }).optional(),
};

type LocationInput = { lat?: number; lng?: number; lambertX?: number; lambertY?: number };

/**
 * Where the church lies, from what was typed: Lambert 72 when both x and y are filled in
 * (converted to WGS84), else latitude/longitude, else no location.
 */
export function resolveLocation(input: LocationInput): { lat: number; lng: number } | null {
  if (input.lambertX !== undefined && input.lambertY !== undefined) {
    return lambert72ToWgs84({ x: input.lambertX, y: input.lambertY });
  }
  if (input.lat !== undefined && input.lng !== undefined) return { lat: input.lat, lng: input.lng };
  return null;
}

function checkLocation(value: LocationInput, ctx: z.RefinementCtx) {
  const hasX = value.lambertX !== undefined;
  const hasY = value.lambertY !== undefined;
  if (hasX !== hasY) {
    ctx.addIssue({ code: "custom", path: [hasX ? "lambertY" : "lambertX"], message: "churches.error.lambertRequired" });
    return;
  }
  if (hasX && hasY) {
    if (!isInFlanders(resolveLocation(value)!)) {
      ctx.addIssue({ code: "custom", path: ["lambertX"], message: "churches.error.outsideFlanders" });
    }
    return;
  }
  const hasLat = value.lat !== undefined;
  const hasLng = value.lng !== undefined;
  if (hasLat !== hasLng) {
    ctx.addIssue({ code: "custom", path: [hasLat ? "lng" : "lat"], message: "churches.error.latLngPair" });
    return;
  }
  if (hasLat && hasLng && !isInFlanders({ lat: value.lat!, lng: value.lng! })) {
    ctx.addIssue({ code: "custom", path: ["lat"], message: "churches.error.outsideFlanders" });
  }
}

function checkInventory(value: { protectionStatus: ProtectionStatus; inventoryUri?: string }, ctx: z.RefinementCtx) {
  // A protected or established heritage object is always in the inventory.
  if ((value.protectionStatus === "PROTECTED" || value.protectionStatus === "ESTABLISHED") && !value.inventoryUri) {
    ctx.addIssue({ code: "custom", path: ["inventoryUri"], message: "churches.error.inventoryUriRequired" });
  }
}

export const ChurchFormSchema = z
  .object({
    intent: z.literal("save"),
    /** The version the edit started from (absent when creating). */
    version: z.number().int().min(1).optional(),
    ...churchFields,
    ...locationFields,
  })
  .superRefine((value, ctx) => {
    checkLocation(value, ctx);
    checkInventory(value, ctx);
  });

/** The "convert" button only checks the Lambert 72 pair; everything else stays as typed. */
export const ConvertSchema = z
  .object({
    intent: z.literal("convert"),
    lambertX: lambert72CoordinateSchema("x", { coerce: true }),
    lambertY: lambert72CoordinateSchema("y", { coerce: true }),
  })
  .superRefine((value, ctx) => {
    if (!isInFlanders(lambert72ToWgs84({ x: value.lambertX, y: value.lambertY }))) {
      ctx.addIssue({ code: "custom", path: ["lambertX"], message: "churches.error.outsideFlanders" });
    }
  });

export type ChurchFormValue = z.infer<typeof ChurchFormSchema>;

/** What is stored: every Church column the form edits, blanks as null. */
export type ChurchData = {
  name: string;
  parish: string | null;
  street: string | null;
  postalCode: string | null;
  place: string | null;
  nisCode: string;
  lat: number | null;
  lng: number | null;
  protectionStatus: ProtectionStatus;
  inventoryUri: string | null;
  buildingPeriod: string | null;
  floorAreaM2: number | null;
  condition: ChurchCondition | null;
  owner: string | null;
  currentUse: CurrentUse;
  policyDestination: PolicyDestination;
  notes: string | null;
};

export const CHURCH_DATA_FIELDS = [
  "name",
  "parish",
  "street",
  "postalCode",
  "place",
  "nisCode",
  "lat",
  "lng",
  "protectionStatus",
  "inventoryUri",
  "buildingPeriod",
  "floorAreaM2",
  "condition",
  "owner",
  "currentUse",
  "policyDestination",
  "notes",
] as const satisfies readonly (keyof ChurchData)[];

const blank = <T>(v: T | undefined | ""): T | null => (v === undefined || v === "" ? null : v);

export function toChurchData(value: ChurchFormValue): ChurchData {
  const location = resolveLocation(value);
  return {
    name: value.name,
    parish: blank(value.parish),
    street: blank(value.street),
    postalCode: blank(value.postalCode),
    place: blank(value.place),
    nisCode: value.nisCode,
    lat: location?.lat ?? null,
    lng: location?.lng ?? null,
    protectionStatus: value.protectionStatus,
    inventoryUri: blank(value.inventoryUri),
    buildingPeriod: blank(value.buildingPeriod),
    floorAreaM2: value.floorAreaM2 ?? null,
    condition: value.condition ?? null,
    owner: blank(value.owner),
    currentUse: value.currentUse,
    policyDestination: value.policyDestination,
    notes: blank(value.notes),
  };
}

// ---------------------------------------------------------------------------------------
// The list's query string
// ---------------------------------------------------------------------------------------

export const CHURCH_SORTS = ["name", "municipality", "protection", "updated"] as const;
export type ChurchSort = (typeof CHURCH_SORTS)[number];

const optionalFilter = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema.optional()).catch(undefined);

export const ChurchQuerySchema = z.object({
  q: optionalFilter(z.string().trim().max(100)),
  province: optionalFilter(z.string().max(60)),
  nisCode: optionalFilter(z.string().regex(NIS_CODE_PATTERN)),
  protection: optionalFilter(z.enum(PROTECTION_STATUSES)),
  use: optionalFilter(z.enum(CURRENT_USES)),
  destination: optionalFilter(z.enum(POLICY_DESTINATIONS)),
  sort: z.enum(CHURCH_SORTS).default("name").catch("name"),
  dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type ChurchQuery = z.infer<typeof ChurchQuerySchema>;

/** The query string of a list page, leaving out defaults and blanks. */
export function churchQueryString(query: Partial<ChurchQuery>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === "") continue;
    if ((key === "sort" && value === "name") || (key === "dir" && value === "asc") || (key === "page" && value === 1)) continue;
    params.set(key, String(value));
  }
  return `?${params.toString()}`;
}
