import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUserWithPermission } from "~/features/auth/guards.server";
import { listCalls } from "~/features/calls/calls.server";
import { callStatus } from "~/features/calls/schemas";
import { formatDate } from "~/platform/i18n/format";
import { useT } from "~/platform/i18n/use-t";

export const meta: MetaFunction = () => [{ title: "Oproepen · Herbestemming" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireUserWithPermission(request, "editRegister");
  return { calls: await listCalls({ actor }) };
}

const STATUS_PILL = { open: "pill pill--ok", upcoming: "pill", closed: "pill pill--muted" } as const;

export default function CallsPage() {
  const { calls } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <div className="page-header">
        <h1>{t("calls.title")}</h1>
        <Link to="/oproepen/nieuw" className="button">
          {t("calls.new")}
        </Link>
      </div>
      {calls.length ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t("calls.caption")}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t("calls.field.number")}
                </th>
                <th scope="col">{t("calls.field.title")}</th>
                <th scope="col">{t("calls.field.opensOn")}</th>
                <th scope="col">{t("calls.field.closesOn")}</th>
                <th scope="col">{t("calls.col.status")}</th>
                <th scope="col" className="num">
                  {t("calls.applications")}
                </th>
              </tr>
            </thead>
            <tbody>
              {calls.map((c) => {
                const status = callStatus(c);
                return (
                  <tr key={c.id}>
                    <td className="num">{c.number}</td>
                    <td>
                      <Link to={`/oproepen/${c.id}`}>{c.title}</Link>
                    </td>
                    <td>{formatDate(c.opensOn)}</td>
                    <td>{formatDate(c.closesOn)}</td>
                    <td>
                      <span className={STATUS_PILL[status]}>{t(`calls.status.${status}`)}</span>
                    </td>
                    <td className="num" data-testid={`applications-${c.number}`}>
                      {c.applications}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="card">{t("calls.none")}</p>
      )}
    </>
  );
}
