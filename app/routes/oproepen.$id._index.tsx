import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireUserWithPermission } from "~/features/auth/guards.server";
import { getCall } from "~/features/calls/calls.server";
import { callStatus } from "~/features/calls/schemas";
import { formatDate } from "~/platform/i18n/format";
import { useT } from "~/platform/i18n/use-t";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.call.title ?? "Oproep"} · Herbestemming` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireUserWithPermission(request, "editRegister");
  return { call: await getCall({ actor, id: params.id ?? "" }) };
}

export default function CallPage() {
  const { call } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const t = useT();
  const status = callStatus(call);
  return (
    <>
      <p>
        <Link to="/oproepen">← {t("calls.title")}</Link>
      </p>
      <div className="page-header">
        <h1>{call.title}</h1>
        <Link to="bewerken" className="button button--secondary">
          {t("common.edit")}
        </Link>
      </div>
      {search.get("opgeslagen") ? (
        <div className="alert alert--ok" role="status">
          <p style={{ margin: 0 }}>{t("calls.saved")}</p>
        </div>
      ) : null}
      <section className="card" aria-labelledby="call-data">
        <h2 id="call-data">{t("calls.data")}</h2>
        <p>
          {t("calls.numbered", { number: call.number })} · {t("calls.period", { opens: formatDate(call.opensOn), closes: formatDate(call.closesOn) })} · {t(`calls.status.${status}`)}
        </p>
        {call.description ? <p style={{ whiteSpace: "pre-line" }}>{call.description}</p> : null}
      </section>
      <section className="card" aria-labelledby="call-dossiers">
        <h2 id="call-dossiers">{t("calls.dossiers", { count: call.dossiers.length })}</h2>
        {call.dossiers.length ? (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("dossiers.list.reference")}</th>
                  <th scope="col">{t("dossiers.list.church")}</th>
                  <th scope="col">{t("dossiers.list.municipality")}</th>
                  <th scope="col">{t("calls.applicant")}</th>
                  <th scope="col">{t("dossiers.list.phase")}</th>
                </tr>
              </thead>
              <tbody>
                {call.dossiers.map((d) => (
                  <tr key={d.id}>
                    <td>
                      <Link to={`/dossiers/${d.id}`}>{d.reference}</Link>
                    </td>
                    <td>
                      <Link to={`/kerken/${d.church.id}`}>{d.church.name}</Link>
                    </td>
                    <td>{d.church.municipality.name}</td>
                    <td>{d.applicantName}</td>
                    <td>
                      <span className="pill">{t(`dossiers.phase.${d.phase}`)}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>{t("calls.noDossiers")}</p>
        )}
      </section>
    </>
  );
}
