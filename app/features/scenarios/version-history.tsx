// The history of a scenario's versions (status, author, dates, hash) and the form that
// picks two of them to compare (a GET form, so it works without JavaScript).
import { Form, Link } from "@remix-run/react";
import { formatDateTime } from "~/platform/i18n/format";
import { useLocale, useT } from "~/platform/i18n/use-t";
import { StatusPill } from "./status";

type VersionRow = {
  id: string;
  number: number;
  status: string;
  contentHash: string | null;
  createdAt: string | Date;
  submittedAt: string | Date | null;
  basedOn: { number: number } | null;
  createdBy: { name: string } | null;
  submittedBy: { name: string } | null;
};

export function VersionHistory({ versions, basePath }: { versions: VersionRow[]; basePath: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="card" aria-labelledby="version-history">
      <h3 id="version-history">{t("scenarios.versions.title")}</h3>
      {versions.length === 0 ? (
        <p className="muted">{t("scenarios.versions.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="version-history">
            <caption className="visually-hidden">{t("scenarios.versions.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("scenarios.list.version")}</th>
                <th scope="col">{t("scenarios.versions.status")}</th>
                <th scope="col">{t("scenarios.versions.createdBy")}</th>
                <th scope="col">{t("scenarios.versions.submittedBy")}</th>
                <th scope="col">{t("scenarios.versions.basedOn")}</th>
                <th scope="col">{t("scenarios.versions.hash")}</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.id}>
                  <td>
                    <Link to={`${basePath}/versies/${v.id}`}>{t("scenarios.version.number", { n: v.number })}</Link>
                  </td>
                  <td>
                    <StatusPill status={v.status} />
                  </td>
                  <td>
                    {v.createdBy?.name ?? "–"}
                    <br />
                    <span className="muted">{formatDateTime(v.createdAt, locale)}</span>
                  </td>
                  <td>
                    {v.submittedAt ? (
                      <>
                        {v.submittedBy?.name ?? "–"}
                        <br />
                        <span className="muted">{formatDateTime(v.submittedAt, locale)}</span>
                      </>
                    ) : (
                      "–"
                    )}
                  </td>
                  <td>{v.basedOn ? t("scenarios.version.number", { n: v.basedOn.number }) : "–"}</td>
                  <td>{v.contentHash ? <code title={v.contentHash}>{v.contentHash.slice(0, 12)}…</code> : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {versions.length > 1 ? (
        <Form method="get" action={`${basePath}/vergelijk`} className="filters" style={{ marginTop: "1rem" }} data-testid="compare-versions-form">
          <div className="field">
            <label htmlFor="compare-a">{t("scenarios.versions.compareFrom")}</label>
            <select id="compare-a" name="a" defaultValue={versions[1].id}>
              {versions.map((v) => (
                <option key={v.id} value={v.id}>
                  {t("scenarios.version.number", { n: v.number })} · {t(`scenarios.status.${v.status}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="compare-b">{t("scenarios.versions.compareTo")}</label>
            <select id="compare-b" name="b" defaultValue={versions[0].id}>
              {versions.map((v) => (
                <option key={v.id} value={v.id}>
                  {t("scenarios.version.number", { n: v.number })} · {t(`scenarios.status.${v.status}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button--secondary">
            {t("scenarios.versions.compare")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
