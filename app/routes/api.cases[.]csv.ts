// Open data: the published cases as CSV (UTF-8 with BOM, ";"), with the map's filters.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { openDataOptions, openDataResponse } from "~/features/publication/open-data.server";

export function loader({ request }: LoaderFunctionArgs) {
  return openDataResponse(request, "csv");
}

export function action({ request }: ActionFunctionArgs) {
  return openDataOptions(request);
}
