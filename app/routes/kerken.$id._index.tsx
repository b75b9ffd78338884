import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireUserWithPermission } from "~/features/auth/guards.server";
import { getChurch } from "~/features/churches/churches.server";
import { wgs84ToLambert72 } from "~/features/churches/lambert72";
import { LocationMap, leafletLinks } from "~/features/churches/location-map";
import { formatDate, formatDateTime, formatNumber } from "~/platform/i18n/format";
import { useLocale, useT } from "~/platform/i18n/use-t";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.church.name ?? "Kerk"} · Herbestemming` }];
export const links = () => leafletLinks;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireUserWithPermission(request, "editRegister");
  const church = await getChurch({ actor, id: params.id ?? "" });
  const lambert = church.lat !== null && church.lng !== null ? wgs84ToLambert72({ lat: church.lat, lng: church.lng }) : null;
  return { church, lambert };
}

export default function ChurchPage() {
  const { church, lambert } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  const dash = t("churches.value.empty");
  const point = church.lat !== null && church.lng !== null ? { lat: church.lat, lng: church.lng } : null;
  const rows: [string, string][] = [
    [t("churches.field.parish"), church.parish ?? dash],
    [t("churches.field.address"), [church.street, [church.postalCode, church.place].filter(Boolean).join(" ")].filter(Boolean).join(", ") || dash],
    [t("churches.field.nisCode"), `${church.municipality.name} (${church.nisCode}), ${church.municipality.province}`],
    [t("churches.field.protectionStatus"), t(`churches.protection.${church.protectionStatus}`)],
    [t("churches.field.buildingPeriod"), church.buildingPeriod ?? dash],
    [t("churches.field.floorAreaM2"), church.floorAreaM2 === null ? dash : `${formatNumber(church.floorAreaM2, 1)} m²`],
    [t("churches.field.condition"), church.condition ? t(`churches.condition.${church.condition}`) : t("churches.value.unknown")],
    [t("churches.field.owner"), church.owner ?? dash],
    [t("churches.field.currentUse"), t(`churches.use.${church.currentUse}`)],
    [t("churches.field.policyDestination"), t(`churches.destination.${church.policyDestination}`)],
  ];
  return (
    <>
      <p>
        <Link to="/kerken">← {t("churches.title")}</Link>
      </p>
      <div className="page-header">
        <h1>{church.name}</h1>
        <Link to="bewerken" className="button button--secondary">
          {t("common.edit")}
        </Link>
      </div>
      {search.get("opgeslagen") ? (
        <div className="alert alert--ok" role="status">
          <p style={{ margin: 0 }}>{t("churches.saved")}</p>
        </div>
      ) : null}
      <div className="grid" style={{ gridTemplateColumns: "repeat(auto-fit, minmax(20rem, 1fr))" }}>
        <section className="card" aria-labelledby="church-data">
          <h2 id="church-data">{t("churches.section.data")}</h2>
          <dl className="church-data">
            {rows.map(([label, value]) => (
              <div key={label}>
                <dt>
                  <strong>{label}</strong>
                </dt>
                <dd style={{ margin: "0 0 0.5rem" }}>{value}</dd>
              </div>
            ))}
            <div>
              <dt>
                <strong>{t("churches.field.inventoryUri")}</strong>
              </dt>
              <dd style={{ margin: "0 0 0.5rem" }}>
                {church.inventoryUri ? (
                  <a href={church.inventoryUri} rel="noreferrer">
                    {church.inventoryUri}
                  </a>
                ) : (
                  dash
                )}
              </dd>
            </div>
          </dl>
          {church.notes ? (
            <>
              <h3>{t("churches.field.notes")}</h3>
              <p style={{ whiteSpace: "pre-line" }}>{church.notes}</p>
            </>
          ) : null}
          <p className="muted">{t("churches.updatedAt", { date: formatDateTime(church.updatedAt, locale) })}</p>
        </section>
        <section className="card" aria-labelledby="church-location">
          <h2 id="church-location">{t("churches.section.location")}</h2>
          {point ? (
            <>
              <p data-testid="church-location">
                {t("churches.location.wgs84", { lat: formatNumber(point.lat, 6), lng: formatNumber(point.lng, 6) })}
                {lambert ? (
                  <>
                    <br />
                    {t("churches.location.lambert", { x: formatNumber(lambert.x, 0), y: formatNumber(lambert.y, 0) })}
                  </>
                ) : null}
              </p>
              <LocationMap point={point} label={t("churches.map.labelOf", { name: church.name })} />
            </>
          ) : (
            <p>{t("churches.location.none")}</p>
          )}
        </section>
      </div>
      <section className="card" aria-labelledby="church-dossiers">
        <div className="page-header">
          <h2 id="church-dossiers" style={{ margin: 0 }}>
            {t("churches.dossiers.title")}
          </h2>
          <Link to={`/dossiers/nieuw?kerk=${church.id}`} className="button">
            {t("churches.dossiers.new")}
          </Link>
        </div>
        {church.dossiers.length ? (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("dossiers.list.reference")}</th>
                  <th scope="col">{t("dossiers.list.phase")}</th>
                  <th scope="col">{t("dossiers.list.startDate")}</th>
                  <th scope="col">{t("churches.dossiers.call")}</th>
                </tr>
              </thead>
              <tbody>
                {church.dossiers.map((d) => (
                  <tr key={d.id}>
                    <td>
                      <Link to={`/dossiers/${d.id}`}>{d.reference}</Link>
                    </td>
                    <td>
                      <span className="pill">{t(`dossiers.phase.${d.phase}`)}</span>
                    </td>
                    <td>{formatDate(d.startDate)}</td>
                    <td>{d.call ? <Link to={`/oproepen/${d.call.id}`}>{t("calls.numbered", { number: d.call.number })}</Link> : dash}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>{t("churches.dossiers.none")}</p>
        )}
      </section>
    </>
  );
}
