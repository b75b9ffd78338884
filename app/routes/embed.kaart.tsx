// /embed/kaart: the map and list without the site's chrome, for municipal websites
// (<iframe src="https://…/embed/kaart?provincie=Limburg">). The only page other sites may
// frame (see the security headers). Same filters and data as /kaart.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import leafletStyles from "leaflet/dist/leaflet.css?url";
import { getMapPageData } from "~/features/publication/map-data.server";
import { MapPage } from "~/features/publication/map-page";
import { metaText } from "~/features/publication/meta";
import mapStyles from "~/features/publication/publication.css?url";
import { useT } from "~/platform/i18n/use-t";

/** Read by root.tsx: render this route without the site header. */
export const handle = { bare: true };

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: leafletStyles },
  { rel: "stylesheet", href: mapStyles },
];

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaText(matches, "publication.embed.title")} · Herbestemming` }];

export async function loader({ request }: LoaderFunctionArgs) {
  return getMapPageData(new URL(request.url));
}

export default function EmbedMapRoute() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="case-embed">
      <h1 className="case-embed__title">{t("publication.embed.title")}</h1>
      <MapPage data={data} path="/embed/kaart" embedded />
      <p className="case-embed__source">
        {t("publication.embed.source")} ·{" "}
        <a href="/kaart" target="_blank" rel="noopener">
          {t("publication.embed.openFull")}
        </a>{" "}
        · CC BY 4.0
      </p>
    </div>
  );
}
