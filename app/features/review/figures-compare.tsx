// Key figures of this version beside the other scenarios' submitted versions of the dossier.
import { Link } from "@remix-run/react";
import { METRIC_KEYS, type MetricKey } from "~/features/simulation/diff";
import { formatMetric } from "~/features/simulation/results";
import { useT } from "~/platform/i18n/use-t";

type Figures = Record<MetricKey, number | null>;
export type OtherVersion = { versionId: string; scenario: string; number: number; status: string; figures: Figures };

export function FiguresCompare({ current, others }: { current: { scenario: string; number: number; figures: Figures }; others: OtherVersion[] }) {
  const t = useT();
  return (
    <>
      {others.length === 0 ? <p className="muted">{t("review.compare.noOthers")}</p> : null}
      <div className="table-wrap">
        <table className="table" data-testid="figures-compare">
          <caption>{t("review.compare.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("review.figures.figure")}</th>
              <th scope="col" className="num">
                {t("review.compare.thisVersion", { scenario: current.scenario, number: current.number })}
              </th>
              {others.map((o) => (
                <th key={o.versionId} scope="col" className="num">
                  <Link to={`/beoordelingen/${o.versionId}`}>{t("review.compare.version", { scenario: o.scenario, number: o.number })}</Link>
                  <br />
                  <span className="muted">{t(`review.status.${o.status}`)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {METRIC_KEYS.map((key) => (
              <tr key={key}>
                <th scope="row">{t(key === "fundingGap" ? "simulation.total.fundingGap" : `simulation.metric.${key}`)}</th>
                <td className="num">{formatMetric(key, current.figures[key], t)}</td>
                {others.map((o) => (
                  <td key={o.versionId} className="num">
                    {formatMetric(key, o.figures[key], t)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
