import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/features/auth/guards.server";
import reviewStyles from "~/features/review/review.css?url";
import { getMunicipalityHome } from "~/features/review/review.server";
import { WaitingTable } from "~/features/review/waiting-table";
import { formatDate, formatDateTime } from "~/platform/i18n/format";
import { useLocale, useT } from "~/platform/i18n/use-t";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reviewStyles }];

export const meta: MetaFunction = () => [{ title: "Gemeente · Herbestemming" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return getMunicipalityHome(user);
}

export default function MunicipalityHome() {
  const { dossiers, waiting, decisions } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h1>{t("review.home.title")}</h1>
      <p className="lead">{t("review.home.intro")}</p>

      <section className="review-section" aria-labelledby="waiting">
        <h2 id="waiting">
          {t("review.waiting.title")} <span className="badge" data-testid="waiting-count">{waiting.length}</span>
        </h2>
        <WaitingTable waiting={waiting} caption={t("review.waiting.title")} />
      </section>

      <section className="review-section" aria-labelledby="my-dossiers">
        <h2 id="my-dossiers">{t("review.home.dossiers")}</h2>
        {dossiers.length === 0 ? (
          <p className="muted">{t("review.home.noDossiers")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="my-dossiers">
              <caption className="visually-hidden">{t("review.home.dossiers")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("review.col.dossier")}</th>
                  <th scope="col">{t("review.col.church")}</th>
                  <th scope="col">{t("review.col.phase")}</th>
                  <th scope="col">{t("review.col.nextStep")}</th>
                </tr>
              </thead>
              <tbody>
                {dossiers.map((d) => (
                  <tr key={d.id}>
                    <th scope="row">
                      <Link to={`/dossiers/${d.id}`}>{d.reference}</Link>
                    </th>
                    <td>
                      {d.church}
                      {d.place ? <span className="muted"> · {d.place}</span> : null}
                    </td>
                    <td>
                      {t(`dossiers.phase.${d.phase}`)}
                      <br />
                      <span className="muted">{t("review.home.since", { date: formatDate(d.phaseChangedAt) })}</span>
                    </td>
                    <td>{t(d.nextStep)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="review-section" aria-labelledby="decisions">
        <h2 id="decisions">{t("review.home.decisions")}</h2>
        {decisions.length === 0 ? (
          <p className="muted">{t("review.home.noDecisions")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="past-decisions">
              <caption className="visually-hidden">{t("review.home.decisions")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("review.col.version")}</th>
                  <th scope="col">{t("review.col.decision")}</th>
                  <th scope="col">{t("review.col.reason")}</th>
                  <th scope="col">{t("review.col.by")}</th>
                  <th scope="col">{t("review.col.hash")}</th>
                </tr>
              </thead>
              <tbody>
                {decisions.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">
                      <Link to={`/beoordelingen/${r.versionId}`}>
                        {r.dossier.reference} · {t("review.compare.version", { scenario: r.scenario, number: r.number })}
                      </Link>
                    </th>
                    <td>
                      <span className={r.decision === "APPROVED" ? "pill pill--ok" : "pill pill--warn"}>{t(`review.decision.${r.decision}`)}</span>
                    </td>
                    <td>{r.reason ?? "–"}</td>
                    <td>
                      {r.by}
                      <br />
                      <span className="muted">{formatDateTime(r.at, locale)}</span>
                    </td>
                    <td>
                      <code className="review-hash" title={r.hash}>
                        {r.hash.slice(0, 12)}…
                      </code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
