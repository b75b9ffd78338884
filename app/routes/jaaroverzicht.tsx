// The annual overview (jaaroverzicht) for a chosen year, as in the bureau's annual report,
// with downloads as XLSX (all tables) and CSV (per table). Staff only.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireUserWithPermission } from "~/features/auth/guards.server";
import { BarChart } from "~/features/reports/bar-chart";
import type { GuidedRow } from "~/features/reports/overview";
import { overviewQuery } from "~/features/reports/overview-query";
import { getAnnualOverview } from "~/features/reports/overview.server";
import stylesHref from "~/features/reports/reports.css?url";
import { TableWrap } from "~/features/reports/table-wrap";
import { formatDate } from "~/platform/i18n/format";
import { useT } from "~/platform/i18n/use-t";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Jaaroverzicht ${data?.overview.year ?? ""} · Herbestemming` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "viewInternal");
  const { jaar } = overviewQuery(new URL(request.url));
  const overview = await getAnnualOverview({ user, year: jaar });
  const thisYear = new Date().getUTCFullYear();
  const years = Array.from({ length: thisYear - 2016 + 2 }, (_, i) => thisYear + 1 - i);
  return { overview, years };
}

function CsvLink({ year, table, title }: { year: number; table: string; title: string }) {
  const t = useT();
  return (
    <a href={`/jaaroverzicht.csv?jaar=${year}&tabel=${table}`} download aria-label={t("reports.overview.downloadCsvOf", { table: title })}>
      {t("reports.overview.downloadCsv")}
    </a>
  );
}

function DossierTable({ id, title, rows, year, table, explain }: { id: string; title: string; rows: GuidedRow[]; year: number; table: string; explain?: string }) {
  const t = useT();
  return (
    <section className="card" aria-labelledby={id}>
      <div className="page-header">
        <h2 id={id}>
          {title} <span className="pill">{rows.length}</span>
        </h2>
        <CsvLink year={year} table={table} title={title} />
      </div>
      {explain ? <p className="muted">{explain}</p> : null}
      {rows.length === 0 ? (
        <p>{t("reports.overview.none")}</p>
      ) : (
        <TableWrap label={title}>
          <table className="table" data-testid={`overview-${table}`}>
            <thead>
              <tr>
                <th scope="col">{t("reports.overview.col.reference")}</th>
                <th scope="col">{t("reports.overview.col.church")}</th>
                <th scope="col">{t("reports.overview.col.municipality")}</th>
                <th scope="col">{t("reports.overview.col.province")}</th>
                <th scope="col">{t("reports.overview.col.phaseAtYearEnd")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/dossiers/${r.id}`}>{r.reference}</Link>
                  </td>
                  <td>{r.churchName}</td>
                  <td>{r.municipality}</td>
                  <td>{r.province}</td>
                  <td>{t(`dossiers.phase.${r.phaseAtYearEnd}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}

export default function AnnualOverviewPage() {
  const { overview: o, years } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <div className="page-header">
        <h1>{t("reports.overview.title", { year: o.year })}</h1>
        <a className="button button--secondary" href={`/jaaroverzicht.xlsx?jaar=${o.year}`} download>
          {t("reports.overview.downloadXlsx")}
        </a>
      </div>
      <p className="muted">{t("reports.overview.intro")}</p>
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="jaar">{t("reports.overview.year")}</label>
          <select id="jaar" name="jaar" defaultValue={o.year}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t("reports.overview.show")}
        </button>
      </Form>
      <div className="grid overview-summary" data-testid="overview-summary">
        {(
          [
            ["guided", o.guided.length],
            ["started", o.started.length],
            ["completed", o.completed.length],
            ["published", o.published.length],
          ] as const
        ).map(([key, count]) => (
          <div className="stat" key={key} data-testid={`stat-${key}`}>
            <span className="stat__value">{count}</span>
            <span className="stat__label">{t(`reports.overview.summary.${key}`)}</span>
          </div>
        ))}
      </div>
      <DossierTable id="guided" table="guided" year={o.year} title={t("reports.overview.guided", { year: o.year })} rows={o.guided} explain={t("reports.overview.guided.explain")} />
      <DossierTable id="started" table="started" year={o.year} title={t("reports.overview.started")} rows={o.started} />
      <DossierTable id="completed" table="completed" year={o.year} title={t("reports.overview.completed")} rows={o.completed} />
      <section className="card" aria-labelledby="published">
        <div className="page-header">
          <h2 id="published">
            {t("reports.overview.published")} <span className="pill">{o.published.length}</span>
          </h2>
          <CsvLink year={o.year} table="published" title={t("reports.overview.published")} />
        </div>
        {o.published.length === 0 ? (
          <p>{t("reports.overview.none")}</p>
        ) : (
          <TableWrap label={t("reports.overview.published")}>
            <table className="table" data-testid="overview-published">
              <thead>
                <tr>
                  <th scope="col">{t("reports.overview.col.reference")}</th>
                  <th scope="col">{t("reports.overview.col.title")}</th>
                  <th scope="col">{t("reports.overview.col.municipality")}</th>
                  <th scope="col">{t("reports.overview.col.publishedAt")}</th>
                </tr>
              </thead>
              <tbody>
                {o.published.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <Link to={`/dossiers/${r.id}`}>{r.reference}</Link>
                    </td>
                    <td>{r.title}</td>
                    <td>{r.municipality}</td>
                    <td>{formatDate(r.publishedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
      <div className="dashboard-grid">
        <section className="card" aria-labelledby="per-province">
          <div className="page-header">
            <h2 id="per-province">{t("reports.overview.perProvince")}</h2>
            <CsvLink year={o.year} table="perProvince" title={t("reports.overview.perProvince")} />
          </div>
          {o.perProvince.length === 0 ? (
            <p>{t("reports.overview.none")}</p>
          ) : (
            <BarChart
              id="chart-overview-province"
              title={t("reports.overview.perProvince")}
              labelHeader={t("reports.overview.col.province")}
              series={[t("reports.overview.col.churches")]}
              rows={o.perProvince.map((r) => ({ key: r.key, label: r.key, values: [r.count] }))}
            />
          )}
        </section>
        <section className="card" aria-labelledby="per-function">
          <div className="page-header">
            <h2 id="per-function">{t("reports.overview.perFunction")}</h2>
            <CsvLink year={o.year} table="perFunction" title={t("reports.overview.perFunction")} />
          </div>
          <p className="muted">{t("reports.overview.perFunction.explain")}</p>
          {o.perFunction.length === 0 ? (
            <p>{t("reports.overview.none")}</p>
          ) : (
            <BarChart
              id="chart-overview-function"
              title={t("reports.overview.perFunction")}
              labelHeader={t("reports.overview.col.function")}
              series={[t("reports.overview.col.churches")]}
              rows={o.perFunction.map((r) => ({ key: r.key, label: t(`reports.function.${r.key}`), values: [r.count] }))}
            />
          )}
        </section>
      </div>
    </>
  );
}
