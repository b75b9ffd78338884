// /open-data: what the downloads hold, how to filter them, the licence (CC BY 4.0) and the
// snippet to embed the map. Linked from the map.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FILTER_PARAMS } from "~/features/publication/filters";
import { metaText } from "~/features/publication/meta";
import { publicOrigin } from "~/features/publication/open-data.server";
import { FUNCTION_CATEGORIES } from "~/features/publication/public-case";
import { useT } from "~/platform/i18n/use-t";

export const meta: MetaFunction = ({ matches }) => [
  { title: `${metaText(matches, "publication.openDataPage.title")} · Herbestemming` },
  { name: "description", content: metaText(matches, "publication.openDataPage.intro") },
];

export function loader({ request }: LoaderFunctionArgs) {
  return { origin: publicOrigin(request) };
}

const FIELDS: { name: string; key: string; geojson: boolean; csv: boolean }[] = [
  { name: "slug", key: "publication.field.slug", geojson: true, csv: true },
  { name: "title", key: "publication.field.title", geojson: true, csv: true },
  { name: "summary", key: "publication.field.summary", geojson: false, csv: true },
  { name: "functionCategory", key: "publication.field.functionCategory", geojson: true, csv: true },
  { name: "completionYear", key: "publication.field.completionYear", geojson: true, csv: true },
  { name: "designOffice", key: "publication.field.designOffice", geojson: true, csv: true },
  { name: "municipality", key: "publication.field.municipality", geojson: true, csv: true },
  { name: "nisCode", key: "publication.field.nisCode", geojson: true, csv: true },
  { name: "province", key: "publication.field.province", geojson: true, csv: true },
  { name: "protectionStatus", key: "publication.field.protectionStatus", geojson: true, csv: true },
  { name: "lat, lng", key: "publication.field.latLng", geojson: true, csv: true },
  { name: "url", key: "publication.field.url", geojson: true, csv: true },
  { name: "reportUrl", key: "publication.field.reportUrl", geojson: false, csv: true },
  { name: "photoUrls", key: "publication.field.photoUrls", geojson: false, csv: true },
];

const PARAMS: { param: string; values: string }[] = [
  { param: FILTER_PARAMS.functionCategory, values: "publication.openDataPage.values.function" },
  { param: FILTER_PARAMS.province, values: "publication.openDataPage.values.province" },
  { param: FILTER_PARAMS.nisCode, values: "publication.openDataPage.values.municipality" },
  { param: FILTER_PARAMS.year, values: "publication.openDataPage.values.year" },
  { param: FILTER_PARAMS.protectionStatus, values: "publication.openDataPage.values.protection" },
];

export default function OpenDataRoute() {
  const { origin } = useLoaderData<typeof loader>();
  const t = useT();
  const snippet = `<iframe src="${origin}/embed/kaart" title="${t("publication.embed.title")}" width="100%" height="640" style="border:0" loading="lazy"></iframe>`;
  return (
    <div className="open-data">
      <p>
        <Link to="/kaart">← {t("publication.case.back")}</Link>
      </p>
      <h1>{t("publication.openDataPage.title")}</h1>
      <p className="lead">{t("publication.openDataPage.intro")}</p>
      <p>{t("publication.openDataPage.privacy")}</p>

      <section className="card" aria-labelledby="od-downloads">
        <h2 id="od-downloads">{t("publication.openDataPage.downloads")}</h2>
        <ul>
          <li>
            <a href="/api/cases.geojson">{`${origin}/api/cases.geojson`}</a>: {t("publication.openDataPage.geojson")}
          </li>
          <li>
            <a href="/api/cases.csv">{`${origin}/api/cases.csv`}</a>: {t("publication.openDataPage.csv")}
          </li>
        </ul>
        <h3>{t("publication.openDataPage.licence")}</h3>
        <p>
          <a href="https://creativecommons.org/licenses/by/4.0/deed.nl" rel="license">
            {t("publication.openDataPage.licenceText")}
          </a>
        </p>
      </section>

      <section className="card" aria-labelledby="od-filters">
        <h2 id="od-filters">{t("publication.openDataPage.filters")}</h2>
        <p>{t("publication.openDataPage.filtersIntro")}</p>
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("publication.openDataPage.param")}</th>
                <th scope="col">{t("publication.openDataPage.values")}</th>
              </tr>
            </thead>
            <tbody>
              {PARAMS.map((p) => (
                <tr key={p.param}>
                  <td>
                    <code>{p.param}</code>
                  </td>
                  <td>{t(p.values)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p>
          <code>{`${origin}/api/cases.geojson?${FILTER_PARAMS.province}=Limburg&${FILTER_PARAMS.functionCategory}=HOUSING`}</code>
        </p>
        <h3>{t("publication.filters.function")}</h3>
        <ul className="open-data__codes">
          {FUNCTION_CATEGORIES.map((f) => (
            <li key={f}>
              <code>{f}</code>: {t(`publication.function.${f}`)}
            </li>
          ))}
        </ul>
      </section>

      <section className="card" aria-labelledby="od-fields">
        <h2 id="od-fields">{t("publication.openDataPage.fields")}</h2>
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("publication.openDataPage.field")}</th>
                <th scope="col">{t("publication.openDataPage.meaning")}</th>
                <th scope="col">{t("publication.openDataPage.inGeoJson")}</th>
                <th scope="col">{t("publication.openDataPage.inCsv")}</th>
              </tr>
            </thead>
            <tbody>
              {FIELDS.map((f) => (
                <tr key={f.name}>
                  <td>
                    <code>{f.name}</code>
                  </td>
                  <td>{t(f.key)}</td>
                  <td>{f.geojson ? t("common.yes") : t("common.no")}</td>
                  <td>{f.csv ? t("common.yes") : t("common.no")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="card" aria-labelledby="od-caching">
        <h2 id="od-caching">{t("publication.openDataPage.caching")}</h2>
        <p>{t("publication.openDataPage.cachingText")}</p>
      </section>

      <section className="card" aria-labelledby="od-embed">
        <h2 id="od-embed">{t("publication.openDataPage.embed")}</h2>
        <p>{t("publication.openDataPage.embedText")}</p>
        <label htmlFor="embed-snippet" className="field">
          {t("publication.openDataPage.embedLabel")}
        </label>
        <textarea id="embed-snippet" readOnly rows={3} value={snippet} className="open-data__snippet" />
      </section>
    </div>
  );
}
