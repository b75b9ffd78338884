// The shape of the map page's data (shared by the loader and the components). Pure.
import type { CaseFilters, FilterOptions } from "./filters";
import type { PublicCase } from "./public-case";

/** Cases per page of the list (the map always shows all of the selection). */
export const PAGE_SIZE = 50;

export type CaseListItem = Pick<PublicCase, "slug" | "url" | "title" | "municipality" | "province" | "functionCategory" | "completionYear">;

export type MapPageData = {
  items: CaseListItem[];
  total: number;
  page: number;
  pages: number;
  filters: CaseFilters;
  options: FilterOptions;
};
