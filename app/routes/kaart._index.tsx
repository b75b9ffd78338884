// /kaart: the public map and list of published cases, with filters in the URL. No login.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import leafletStyles from "leaflet/dist/leaflet.css?url";
import { filtersToSearchParams } from "~/features/publication/filters";
import { getMapPageData } from "~/features/publication/map-data.server";
import { MapPage } from "~/features/publication/map-page";
import { metaText } from "~/features/publication/meta";
import mapStyles from "~/features/publication/publication.css?url";
import { useT } from "~/platform/i18n/use-t";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: leafletStyles },
  { rel: "stylesheet", href: mapStyles },
];

export const meta: MetaFunction<typeof loader> = ({ matches }) => [
  { title: `${metaText(matches, "publication.map.title")} · Herbestemming` },
  { name: "description", content: metaText(matches, "publication.map.metaDescription") },
];

export async function loader({ request }: LoaderFunctionArgs) {
  return getMapPageData(new URL(request.url));
}

export default function MapRoute() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const query = filtersToSearchParams(data.filters).toString();
  const suffix = query ? `?${query}` : "";
  return (
    <div className="case-map-page">
      <div className="page-header">
        <h1>{t("publication.map.title")}</h1>
        <Link to="/open-data">{t("publication.openData.link")}</Link>
      </div>
      <p className="lead">{t("publication.map.intro")}</p>
      <MapPage data={data} path="/kaart" />
      <p className="case-downloads">
        <a href={`/api/cases.geojson${suffix}`}>{t("publication.openData.downloadGeoJson")}</a> ·{" "}
        <a href={`/api/cases.csv${suffix}`}>{t("publication.openData.downloadCsv")}</a> ·{" "}
        <Link to="/open-data">{t("publication.openData.link")}</Link>
      </p>
    </div>
  );
}
