// The bureau's dashboard: dossiers per phase, province and year, time per phase, overdue
// tasks and calls, filterable by year and province through a GET form (the URL holds it).
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUserWithPermission } from "~/features/auth/guards.server";
import { BarChart } from "~/features/reports/bar-chart";
import { getDashboard } from "~/features/reports/dashboard.server";
import stylesHref from "~/features/reports/reports.css?url";
import { TableWrap } from "~/features/reports/table-wrap";
import { formatDate, formatNumber } from "~/platform/i18n/format";
import { useT } from "~/platform/i18n/use-t";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];
export const meta: MetaFunction = () => [{ title: "Dashboard · Herbestemming" }];

const QuerySchema = z.object({
  jaar: z.coerce.number().int().min(1900).max(2200).optional().catch(undefined),
  provincie: z.string().trim().max(80).optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  // Staff only: viewInternal is the bureau's own information (a municipality gets 403).
  const user = await requireUserWithPermission(request, "viewInternal");
  const query = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return getDashboard({ user, filter: { year: query.jaar, province: query.provincie || undefined } });
}

export default function DashboardPage() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <div className="page-header">
        <h1>{t("reports.dashboard.title")}</h1>
        <span className="muted" data-testid="dashboard-total">
          {t("reports.dashboard.total", { count: d.total })}
        </span>
      </div>
      <p className="muted">{t("reports.dashboard.intro")}</p>
      <Form method="get" className="filters" role="search">
        <div className="field">
          <label htmlFor="jaar">{t("reports.dashboard.filter.year")}</label>
          <select id="jaar" name="jaar" defaultValue={d.filter.year ?? ""}>
            <option value="">{t("reports.dashboard.filter.allYears")}</option>
            {d.options.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="provincie">{t("reports.dashboard.filter.province")}</label>
          <select id="provincie" name="provincie" defaultValue={d.filter.province ?? ""}>
            <option value="">{t("reports.dashboard.filter.allProvinces")}</option>
            {d.options.provinces.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t("common.filter")}
        </button>
      </Form>
      <p className="muted">{t("reports.dashboard.filter.explain")}</p>

      <div className="dashboard-grid">
        <section className="card" aria-labelledby="per-phase">
          <h2 id="per-phase">{t("reports.dashboard.perPhase")}</h2>
          <BarChart
            id="chart-phase"
            title={t("reports.dashboard.perPhase")}
            labelHeader={t("reports.dashboard.phase")}
            series={[t("reports.dashboard.count")]}
            rows={d.perPhase.map((r) => ({ key: r.key, label: t(`dossiers.phase.${r.key}`), values: [r.count] }))}
          />
        </section>
        <section className="card" aria-labelledby="per-province">
          <h2 id="per-province">{t("reports.dashboard.perProvince")}</h2>
          <BarChart
            id="chart-province"
            title={t("reports.dashboard.perProvince")}
            labelHeader={t("reports.dashboard.province")}
            series={[t("reports.dashboard.count")]}
            rows={d.perProvince.map((r) => ({ key: r.key, label: r.key, values: [r.count] }))}
          />
        </section>
        <section className="card" aria-labelledby="per-year">
          <h2 id="per-year">{t("reports.dashboard.perYear")}</h2>
          <BarChart
            id="chart-year"
            title={t("reports.dashboard.perYear")}
            labelHeader={t("reports.dashboard.year")}
            series={[t("reports.dashboard.started"), t("reports.dashboard.completed")]}
            rows={d.perYear.map((r) => ({ key: String(r.year), label: String(r.year), values: [r.started, r.completed] }))}
          />
        </section>

      </div>

      <section className="card" aria-labelledby="durations">
        <h2 id="durations">{t("reports.dashboard.durations")}</h2>
        <p className="muted">{t("reports.dashboard.durations.explain")}</p>
        <div className="durations">
          <BarChart
            id="chart-durations"
            title={t("reports.dashboard.durations")}
            labelHeader={t("reports.dashboard.phase")}
            series={[t("reports.dashboard.durations.average")]}
            rows={d.durations.map((r) => ({ key: r.phase, label: t(`dossiers.phase.${r.phase}`), values: [Math.round(r.averageDays ?? 0)] }))}
          />
          <TableWrap label={t("reports.dashboard.durations")}>
            <table className="table" data-testid="durations">
              <thead>
                <tr>
                  <th scope="col">{t("reports.dashboard.phase")}</th>
                  <th scope="col" className="numeric">{t("reports.dashboard.durations.average")}</th>
                  <th scope="col" className="numeric">{t("reports.dashboard.durations.stays")}</th>
                  <th scope="col" className="numeric">{t("reports.dashboard.durations.open")}</th>
                </tr>
              </thead>
              <tbody>
                {d.durations.map((r) => (
                  <tr key={r.phase}>
                    <th scope="row">{t(`dossiers.phase.${r.phase}`)}</th>
                    <td className="numeric">{r.averageDays === null ? "–" : formatNumber(r.averageDays, 1)}</td>
                    <td className="numeric">{r.stays}</td>
                    <td className="numeric">{r.open}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </div>
      </section>

      <section className="card" aria-labelledby="overdue">
        <h2 id="overdue">
          {t("reports.dashboard.overdue")} <span className="pill pill--warn">{d.overdueCount}</span>
        </h2>
        {d.overdue.length === 0 ? (
          <p>{t("reports.dashboard.overdue.empty")}</p>
        ) : (
          <TableWrap label={t("reports.dashboard.overdue")}>
            <table className="table" data-testid="overdue">
              <thead>
                <tr>
                  <th scope="col">{t("reports.dashboard.overdue.due")}</th>
                  <th scope="col">{t("reports.dashboard.overdue.task")}</th>
                  <th scope="col">{t("reports.dashboard.overdue.dossier")}</th>
                  <th scope="col">{t("reports.dashboard.overdue.owner")}</th>
                </tr>
              </thead>
              <tbody>
                {d.overdue.map((task) => (
                  <tr key={task.id}>
                    <td>{formatDate(task.dueDate)}</td>
                    <td>{task.title}</td>
                    <td>
                      <Link to={`/dossiers/${task.dossier.id}`}>
                        {task.dossier.reference} · {task.dossier.church.name}
                      </Link>
                    </td>
                    <td>{task.owner?.name ?? t("common.none")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>

      <section className="card" aria-labelledby="calls">
        <h2 id="calls">{t("reports.dashboard.calls")}</h2>
        {d.calls.length === 0 ? (
          <p>{t("reports.dashboard.calls.empty")}</p>
        ) : (
          <>
            <BarChart
              id="chart-calls"
              title={t("reports.dashboard.calls")}
              labelHeader={t("reports.dashboard.calls.call")}
              series={[t("reports.dashboard.calls.applications"), t("reports.dashboard.calls.accepted")]}
              rows={d.calls.map((c) => ({ key: c.id, label: `${t("reports.dashboard.calls.call")} ${c.number}`, values: [c.applications, c.accepted] }))}
            />
            <TableWrap label={t("reports.dashboard.calls")}>
              <table className="table" data-testid="calls">
                <thead>
                  <tr>
                    <th scope="col">{t("reports.dashboard.calls.call")}</th>
                    <th scope="col">{t("reports.dashboard.calls.period")}</th>
                    <th scope="col" className="numeric">{t("reports.dashboard.calls.applications")}</th>
                    <th scope="col" className="numeric">{t("reports.dashboard.calls.accepted")}</th>
                    <th scope="col" className="numeric">{t("reports.dashboard.calls.rejected")}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.calls.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">{c.title}</th>
                      <td>
                        {formatDate(c.opensOn)} – {formatDate(c.closesOn)}
                      </td>
                      <td className="numeric">{c.applications}</td>
                      <td className="numeric">{c.accepted}</td>
                      <td className="numeric">{c.rejected}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          </>
        )}
      </section>
    </>
  );
}
