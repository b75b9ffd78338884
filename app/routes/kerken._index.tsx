import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireUserWithPermission } from "~/features/auth/guards.server";
import { listChurches, listMunicipalityOptions } from "~/features/churches/churches.server";
import {
  CHURCH_SORTS,
  type ChurchQuery,
  ChurchQuerySchema,
  churchQueryString,
  CURRENT_USES,
  POLICY_DESTINATIONS,
  PROTECTION_STATUSES,
} from "~/features/churches/schemas";
import { formatDate } from "~/platform/i18n/format";
import { useT } from "~/platform/i18n/use-t";

export const meta: MetaFunction = () => [{ title: "Kerken · Herbestemming" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireUserWithPermission(request, "editRegister");
  const query = ChurchQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [list, municipalities] = await Promise.all([listChurches({ actor, query }), listMunicipalityOptions()]);
  return { query: { ...query, page: list.page }, municipalities, ...list };
}

function SortHeader({ query, sort, label }: { query: ChurchQuery; sort: ChurchQuery["sort"]; label: string }) {
  const t = useT();
  const active = query.sort === sort;
  const nextDir = active && query.dir === "asc" ? "desc" : "asc";
  return (
    <th scope="col" aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link to={churchQueryString({ ...query, sort, dir: nextDir, page: 1 })} aria-label={t("churches.list.sortBy", { column: label })}>
        {label}
        {active ? <span aria-hidden="true">{query.dir === "asc" ? " ▲" : " ▼"}</span> : null}
      </Link>
    </th>
  );
}

export default function ChurchesPage() {
  const { query, rows, total, page, pages, municipalities } = useLoaderData<typeof loader>();
  const t = useT();
  const provinces = [...new Set(municipalities.map((m) => m.province))].sort();
  const shownMunicipalities = query.province ? municipalities.filter((m) => m.province === query.province) : municipalities;
  return (
    <>
      <div className="page-header">
        <h1>{t("churches.title")}</h1>
        <span className="muted">{t("common.results", { count: total })}</span>
        <div className="actions" style={{ marginTop: 0 }}>
          <Link to="/kerken/import" className="button button--secondary">
            {t("churches.import.link")}
          </Link>
          <Link to="/kerken/nieuw" className="button">
            {t("churches.new")}
          </Link>
        </div>
      </div>
      <Form method="get" className="filters" role="search" aria-label={t("churches.list.searchLabel")}>
        <div className="field">
          <label htmlFor="q">{t("common.search")}</label>
          <input id="q" name="q" type="search" defaultValue={query.q ?? ""} aria-describedby="q-hint" />
          <span id="q-hint" className="field__hint">
            {t("churches.list.searchHint")}
          </span>
        </div>
        <div className="field">
          <label htmlFor="province">{t("churches.field.province")}</label>
          <select id="province" name="province" defaultValue={query.province ?? ""}>
            <option value="">{t("common.all")}</option>
            {provinces.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="nisCode">{t("churches.field.nisCode")}</label>
          <select id="nisCode" name="nisCode" defaultValue={query.nisCode ?? ""}>
            <option value="">{t("common.all")}</option>
            {shownMunicipalities.map((m) => (
              <option key={m.nisCode} value={m.nisCode}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="protection">{t("churches.field.protectionStatus")}</label>
          <select id="protection" name="protection" defaultValue={query.protection ?? ""}>
            <option value="">{t("common.all")}</option>
            {PROTECTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`churches.protection.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="use">{t("churches.field.currentUse")}</label>
          <select id="use" name="use" defaultValue={query.use ?? ""}>
            <option value="">{t("common.all")}</option>
            {CURRENT_USES.map((u) => (
              <option key={u} value={u}>
                {t(`churches.use.${u}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="destination">{t("churches.field.policyDestination")}</label>
          <select id="destination" name="destination" defaultValue={query.destination ?? ""}>
            <option value="">{t("common.all")}</option>
            {POLICY_DESTINATIONS.map((d) => (
              <option key={d} value={d}>
                {t(`churches.destination.${d}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="sort">{t("common.sortBy")}</label>
          <select id="sort" name="sort" defaultValue={query.sort}>
            {CHURCH_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`churches.sort.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="dir">{t("churches.list.direction")}</label>
          <select id="dir" name="dir" defaultValue={query.dir}>
            <option value="asc">{t("churches.list.asc")}</option>
            <option value="desc">{t("churches.list.desc")}</option>
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t("common.filter")}
        </button>
        <Link to="/kerken">{t("common.reset")}</Link>
      </Form>
      {rows.length ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t("churches.list.caption")}</caption>
            <thead>
              <tr>
                <SortHeader query={query} sort="name" label={t("churches.field.name")} />
                <th scope="col">{t("churches.field.parish")}</th>
                <SortHeader query={query} sort="municipality" label={t("churches.field.nisCode")} />
                <SortHeader query={query} sort="protection" label={t("churches.field.protectionStatus")} />
                <th scope="col">{t("churches.field.currentUse")}</th>
                <th scope="col">{t("churches.field.policyDestination")}</th>
                <th scope="col" className="num">
                  {t("churches.list.dossiers")}
                </th>
                <SortHeader query={query} sort="updated" label={t("churches.list.updated")} />
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/kerken/${c.id}`}>{c.name}</Link>
                  </td>
                  <td>{c.parish ?? "–"}</td>
                  <td>
                    {c.municipality.name}
                    <br />
                    <span className="muted">{c.municipality.province}</span>
                  </td>
                  <td>
                    <span className="pill">{t(`churches.protection.${c.protectionStatus}`)}</span>
                  </td>
                  <td>{t(`churches.use.${c.currentUse}`)}</td>
                  <td>{t(`churches.destination.${c.policyDestination}`)}</td>
                  <td className="num">{c._count.dossiers}</td>
                  <td>{formatDate(c.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="card">{t("churches.list.none")}</p>
      )}
      {pages > 1 ? (
        <nav className="pagination" aria-label={t("churches.list.pagination")}>
          {page > 1 ? <Link to={churchQueryString({ ...query, page: page - 1 })}>{t("common.previous")}</Link> : <span />}
          <span>{t("common.page", { page, pages })}</span>
          {page < pages ? <Link to={churchQueryString({ ...query, page: page + 1 })}>{t("common.next")}</Link> : <span />}
        </nav>
      ) : null}
    </>
  );
}
