// Open data: the published cases as GeoJSON (WGS84), with the map's filters. Public, CORS open.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { openDataOptions, openDataResponse } from "~/features/publication/open-data.server";

export function loader({ request }: LoaderFunctionArgs) {
  return openDataResponse(request, "geojson");
}

export function action({ request }: ActionFunctionArgs) {
  return openDataOptions(request);
}
