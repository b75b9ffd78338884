// The dossier list: filters, search, sorting and paging all live in the URL, so a view can
// be bookmarked and exported as it is (/dossiers/export.csv takes the same query).
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireUserWithPermission } from "~/features/auth/guards.server";
import { isStaff } from "~/features/auth/permissions";
import { listDossiers, listFilterOptions } from "~/features/dossiers/dossiers.server";
import stylesHref from "~/features/dossiers/dossiers.css?url";
import { type ListQuery, parseListQuery, type SortKey, STATUSES, toSearchParams } from "~/features/dossiers/list-query";
import { PHASES } from "~/features/dossiers/phases";
import { formatDate } from "~/platform/i18n/format";
import { useT } from "~/platform/i18n/use-t";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];

export const meta: MetaFunction = () => [{ title: "Dossiers · Herbestemming" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "viewDossier");
  const query = parseListQuery(new URL(request.url).searchParams);
  const [list, options] = await Promise.all([listDossiers({ user, query }), listFilterOptions(user)]);
  return { query, ...list, options, canCreate: isStaff(user) };
}

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: "reference", label: "dossiers.list.reference" },
  { key: "church", label: "dossiers.list.church" },
  { key: "municipality", label: "dossiers.list.municipality" },
  { key: "phase", label: "dossiers.list.phase" },
  { key: "startDate", label: "dossiers.list.startDate" },
  { key: "targetDate", label: "dossiers.list.targetDate" },
];

function SortHeader({ column, query }: { column: (typeof COLUMNS)[number]; query: ListQuery }) {
  const t = useT();
  const active = query.sort === column.key;
  // Clicking the active column flips the direction; another column starts ascending.
  const dir = active ? (query.dir === "asc" ? "desc" : "asc") : "asc";
  const href = `?${toSearchParams(query, { sort: column.key, dir, page: 1 })}`;
  return (
    <th scope="col" aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link to={href}>
        {t(column.label)}
        {active ? <span aria-hidden="true"> {query.dir === "asc" ? "▲" : "▼"}</span> : null}
        <span className="visually-hidden">
          {" "}
          ({t(dir === "asc" ? "dossiers.list.sortAsc" : "dossiers.list.sortDesc")})
        </span>
      </Link>
    </th>
  );
}

export default function DossiersPage() {
  const { query, rows, total, page, pages, options, canCreate } = useLoaderData<typeof loader>();
  const t = useT();
  const exportHref = `/dossiers/export.csv?${toSearchParams(query, { page: 1 })}`;
  return (
    <>
      <div className="page-header">
        <h1>{t("nav.dossiers")}</h1>
        <div className="actions" style={{ marginTop: 0 }}>
          <span className="muted" role="status">
            {t("common.results", { count: total })}
          </span>
          <a href={exportHref} className="button button--secondary" download>
            {t("dossiers.list.export")}
          </a>
          {canCreate ? (
            <Link to="/dossiers/nieuw" className="button">
              {t("dossiers.new.title")}
            </Link>
          ) : null}
        </div>
      </div>
      <Form method="get" className="filters" role="search" aria-label={t("dossiers.list.filters")}>
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="dir" value={query.dir} />
        <div className="field">
          <label htmlFor="q">{t("dossiers.list.search")}</label>
          <input id="q" name="q" type="search" defaultValue={query.q ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="phase">{t("dossiers.list.phase")}</label>
          <select id="phase" name="phase" defaultValue={query.phase ?? ""}>
            <option value="">{t("common.all")}</option>
            {PHASES.map((p) => (
              <option key={p} value={p}>
                {t(`dossiers.phase.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="status">{t("dossiers.list.status")}</label>
          <select id="status" name="status" defaultValue={query.status ?? ""}>
            <option value="">{t("common.all")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`dossiers.list.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="province">{t("dossiers.list.province")}</label>
          <select id="province" name="province" defaultValue={query.province ?? ""}>
            <option value="">{t("common.all")}</option>
            {options.provinces.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="municipality">{t("dossiers.list.municipality")}</label>
          <select id="municipality" name="municipality" defaultValue={query.municipality ?? ""}>
            <option value="">{t("common.all")}</option>
            {options.municipalities.map((m) => (
              <option key={m.nisCode} value={m.nisCode}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        {options.leads.length ? (
          <div className="field">
            <label htmlFor="lead">{t("dossiers.field.lead")}</label>
            <select id="lead" name="lead" defaultValue={query.lead ?? ""}>
              <option value="">{t("common.all")}</option>
              {options.leads.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="call">{t("dossiers.field.call")}</label>
          <select id="call" name="call" defaultValue={query.call ?? ""}>
            <option value="">{t("common.all")}</option>
            {options.calls.map((c) => (
              <option key={c.id} value={c.id}>
                {c.number}. {c.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="year">{t("dossiers.list.year")}</label>
          <select id="year" name="year" defaultValue={query.year ? String(query.year) : ""}>
            <option value="">{t("common.all")}</option>
            {options.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="actions" style={{ marginTop: 0 }}>
          <button type="submit" className="button button--secondary">
            {t("common.filter")}
          </button>
          <Link to="/dossiers">{t("common.reset")}</Link>
        </div>
      </Form>
      {rows.length === 0 ? (
        <p className="card">{t("dossiers.list.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">
              {t("nav.dossiers")} – {t("common.page", { page, pages })}
            </caption>
            <thead>
              <tr>
                {COLUMNS.map((column) => (
                  <SortHeader key={column.key} column={column} query={query} />
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((d) => (
                <tr key={d.id}>
                  <td>
                    <Link to={`/dossiers/${d.id}`}>{d.reference}</Link>
                  </td>
                  <td>{d.church.name}</td>
                  <td>{d.church.municipality.name}</td>
                  <td>
                    <span className="pill">{t(`dossiers.phase.${d.phase}`)}</span>
                  </td>
                  <td>{formatDate(d.startDate)}</td>
                  <td>{formatDate(d.targetDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <nav className="pagination" aria-label={t("dossiers.list.paging")}>
          {page > 1 ? <Link to={`?${toSearchParams(query, { page: page - 1 })}`}>{t("common.previous")}</Link> : <span />}
          <span aria-current="page">{t("common.page", { page, pages })}</span>
          {page < pages ? <Link to={`?${toSearchParams(query, { page: page + 1 })}`}>{t("common.next")}</Link> : <span />}
        </nav>
      ) : null}
    </>
  );
}
