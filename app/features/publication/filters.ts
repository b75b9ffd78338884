// The filters of the public map, shared by the map page, the embed and the open-data
// downloads: one set of URL parameters, so a filtered view can be shared and downloaded
// as it is. Pure.
import { FUNCTION_CATEGORIES, type FunctionCategory, PROTECTION_STATUSES, type ProtectionStatus, PROVINCES, type PublicCase } from "./public-case";

export type CaseFilters = {
  functionCategory?: FunctionCategory;
  province?: string;
  nisCode?: string;
  year?: number;
  protectionStatus?: ProtectionStatus;
};

/** URL parameter per filter (Dutch, like the rest of the public URLs). */
export const FILTER_PARAMS = {
  functionCategory: "functie",
  province: "provincie",
  nisCode: "gemeente",
  year: "jaar",
  protectionStatus: "bescherming",
} as const satisfies Record<keyof CaseFilters, string>;

const FILTER_ORDER = Object.keys(FILTER_PARAMS) as (keyof CaseFilters)[];

function oneOf<T extends string>(list: readonly T[], value: string): T | undefined {
  return (list as readonly string[]).includes(value) ? (value as T) : undefined;
}

/**
 * Reads the filters from a query string. Empty values mean "all"; values that are not
 * valid are reported in `invalid` (the page ignores them, the API refuses them).
 */
export function parseCaseFilters(params: URLSearchParams): { filters: CaseFilters; invalid: string[] } {
  const filters: CaseFilters = {};
  const invalid: string[] = [];
  for (const key of FILTER_ORDER) {
    const raw = params.get(FILTER_PARAMS[key])?.trim();
    if (!raw) continue;
    let value: string | number | undefined;
    switch (key) {
      case "functionCategory":
        value = oneOf(FUNCTION_CATEGORIES, raw);
        break;
      case "province":
        value = oneOf(PROVINCES, raw);
        break;
      case "nisCode":
        value = /^\d{5}$/.test(raw) ? raw : undefined;
        break;
      case "year":
        value = /^\d{4}$/.test(raw) ? Number(raw) : undefined;
        break;
      case "protectionStatus":
        value = oneOf(PROTECTION_STATUSES, raw);
        break;
    }
    if (value === undefined) invalid.push(FILTER_PARAMS[key]);
    else (filters as Record<string, unknown>)[key] = value;
  }
  return { filters, invalid };
}

/** The filters as query parameters, in a fixed order (also the cache key). */
export function filtersToSearchParams(filters: CaseFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_ORDER) {
    const value = filters[key];
    if (value !== undefined && value !== "") params.set(FILTER_PARAMS[key], String(value));
  }
  return params;
}

export function filterKey(filters: CaseFilters): string {
  return filtersToSearchParams(filters).toString();
}

export function hasFilters(filters: CaseFilters): boolean {
  return filterKey(filters) !== "";
}

export function matchesFilters(item: PublicCase, filters: CaseFilters): boolean {
  return (
    (filters.functionCategory === undefined || item.functionCategory === filters.functionCategory) &&
    (filters.province === undefined || item.province === filters.province) &&
    (filters.nisCode === undefined || item.nisCode === filters.nisCode) &&
    (filters.year === undefined || item.completionYear === filters.year) &&
    (filters.protectionStatus === undefined || item.protectionStatus === filters.protectionStatus)
  );
}

export function applyFilters(cases: readonly PublicCase[], filters: CaseFilters): PublicCase[] {
  return hasFilters(filters) ? cases.filter((c) => matchesFilters(c, filters)) : [...cases];
}

export type FilterOptions = {
  functionCategories: FunctionCategory[];
  provinces: string[];
  municipalities: { nisCode: string; name: string }[];
  years: number[];
  protectionStatuses: ProtectionStatus[];
};

/** The choices worth offering: only values that occur among the published cases. */
export function filterOptions(cases: readonly PublicCase[]): FilterOptions {
  const municipalities = new Map<string, string>();
  const years = new Set<number>();
  const functions = new Set<string>();
  const provinces = new Set<string>();
  const statuses = new Set<string>();
  for (const c of cases) {
    municipalities.set(c.nisCode, c.municipality);
    years.add(c.completionYear);
    functions.add(c.functionCategory);
    provinces.add(c.province);
    statuses.add(c.protectionStatus);
  }
  return {
    functionCategories: FUNCTION_CATEGORIES.filter((f) => functions.has(f)),
    provinces: [...provinces].sort((a, b) => a.localeCompare(b, "nl")),
    municipalities: [...municipalities].map(([nisCode, name]) => ({ nisCode, name })).sort((a, b) => a.name.localeCompare(b.name, "nl")),
    years: [...years].sort((a, b) => b - a),
    protectionStatuses: PROTECTION_STATUSES.filter((s) => statuses.has(s)),
  };
}

/** Newest first, then by title: the order of the list, the GeoJSON and the CSV. */
export function compareCases(a: PublicCase, b: PublicCase): number {
  return b.completionYear - a.completionYear || a.title.localeCompare(b.title, "nl") || a.slug.localeCompare(b.slug);
}
