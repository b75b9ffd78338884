// The versions waiting for the municipality's decision, as a table with a link to each.
import { Link } from "@remix-run/react";
import { formatDateTime } from "~/platform/i18n/format";
import { useLocale, useT } from "~/platform/i18n/use-t";

export type WaitingVersion = {
  id: string;
  number: number;
  submittedAt: Date | string | null;
  submittedBy: string | null;
  scenario: string;
  dossier: { id: string; reference: string; church: string; place: string | null };
};

export function WaitingTable({ waiting, caption }: { waiting: WaitingVersion[]; caption: string }) {
  const t = useT();
  const locale = useLocale();
  if (waiting.length === 0) return <p className="muted">{t("review.waiting.none")}</p>;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="waiting">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("review.col.dossier")}</th>
            <th scope="col">{t("review.col.scenario")}</th>
            <th scope="col">{t("review.col.submitted")}</th>
            <th scope="col">{t("common.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {waiting.map((w) => (
            <tr key={w.id}>
              <th scope="row">
                {w.dossier.reference}
                <br />
                <span className="muted">{w.dossier.church}</span>
              </th>
              <td>{t("review.compare.version", { scenario: w.scenario, number: w.number })}</td>
              <td>
                {formatDateTime(w.submittedAt, locale)}
                {w.submittedBy ? <span className="muted"> · {w.submittedBy}</span> : null}
              </td>
              <td>
                <Link to={`/beoordelingen/${w.id}`} className="button button--small" aria-label={t("review.waiting.openLabel", { reference: w.dossier.reference, scenario: w.scenario, number: w.number })}>
                  {t("review.waiting.open")}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
