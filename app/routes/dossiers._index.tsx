import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUserWithPermission } from "~/features/auth/guards.server";
import { listDossiers } from "~/features/dossiers/dossiers.server";
import { PHASES } from "~/features/dossiers/phases";
import { formatDate } from "~/platform/i18n/format";
import { useT } from "~/platform/i18n/use-t";

export const meta: MetaFunction = () => [{ title: "Dossiers · Herbestemming" }];

const QuerySchema = z.object({
  phase: z.enum(PHASES).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "viewDossier");
  const query = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return { query, ...(await listDossiers({ user, ...query, q: query.q || undefined })) };
}

export default function DossiersPage() {
  const { query, rows, total, page, pages } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <div className="page-header">
        <h1>{t("nav.dossiers")}</h1>
        <span className="muted">{t("common.results", { count: total })}</span>
      </div>
      <Form method="get" className="filters" role="search">
        <div className="field">
          <label htmlFor="q">{t("common.search")}</label>
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
        <button type="submit" className="button button--secondary">
          {t("common.filter")}
        </button>
      </Form>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("dossiers.list.reference")}</th>
              <th scope="col">{t("dossiers.list.church")}</th>
              <th scope="col">{t("dossiers.list.municipality")}</th>
              <th scope="col">{t("dossiers.list.phase")}</th>
              <th scope="col">{t("dossiers.list.startDate")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.id}>
                <td>{d.reference}</td>
                <td>{d.church.name}</td>
                <td>{d.church.municipality.name}</td>
                <td>
                  <span className="pill">{t(`dossiers.phase.${d.phase}`)}</span>
                </td>
                <td>{formatDate(d.startDate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <nav className="pagination" aria-label={t("common.page", { page, pages })}>
          {page > 1 ? <Link to={`?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), ...(query.phase ? { phase: query.phase } : {}), page: String(page - 1) })}`}>{t("common.previous")}</Link> : <span />}
          <span>{t("common.page", { page, pages })}</span>
          {page < pages ? <Link to={`?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), ...(query.phase ? { phase: query.phase } : {}), page: String(page + 1) })}`}>{t("common.next")}</Link> : <span />}
        </nav>
      ) : null}
    </>
  );
}
