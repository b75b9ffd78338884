// What the map page and the embed need for one request: the filtered cases' page of the
// list, the count and the filter choices; the markers come from the GeoJSON download.
import { applyFilters, filterOptions, parseCaseFilters } from "./filters";
import { type MapPageData, PAGE_SIZE } from "./map-data";
import { getPublishedCases } from "./public-cases.server";

export async function getMapPageData(url: URL): Promise<MapPageData> {
  const { filters } = parseCaseFilters(url.searchParams);
  const { cases } = await getPublishedCases();
  const matching = applyFilters(cases, filters);
  const pages = Math.max(1, Math.ceil(matching.length / PAGE_SIZE));
  const requested = Number(url.searchParams.get("pagina") ?? "1");
  const page = Number.isInteger(requested) ? Math.min(Math.max(requested, 1), pages) : 1;
  const items = matching.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((c) => ({
    slug: c.slug,
    url: c.url,
    title: c.title,
    municipality: c.municipality,
    province: c.province,
    functionCategory: c.functionCategory,
    completionYear: c.completionYear,
  }));
  return { items, total: matching.length, page, pages, filters, options: filterOptions(cases) };
}
