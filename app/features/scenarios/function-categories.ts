// The new functions a church can get (the FunctionCategory enum of the data model), in one
// place for the scenario form, publication and the map filters. Pure and tiny on purpose:
// the public map's bundle imports it.
export const FUNCTION_CATEGORIES = [
  "CULTURE",
  "LIBRARY",
  "HOUSING",
  "CARE",
  "EDUCATION",
  "SPORT",
  "HOSPITALITY",
  "OFFICES",
  "COMMUNITY_CENTRE",
  "SHARED_WORSHIP",
  "OTHER",
] as const;
export type FunctionCategory = (typeof FUNCTION_CATEGORIES)[number];
