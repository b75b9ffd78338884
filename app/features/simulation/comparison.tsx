// The comparison of two versions: the change in each key figure and every changed input.
import { useT } from "~/platform/i18n/use-t";
import type { InputChange, MetricChange } from "./diff";
import { formatInputValue } from "./inputs-view";
import { formatMetric, formatMetricDelta } from "./results";

export function MetricChanges({ changes, labels }: { changes: MetricChange[]; labels: [string, string] }) {
  const t = useT();
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={t("simulation.compare.metrics")}>
      <table className="table sim-compare" data-testid="metric-changes">
        <caption className="visually-hidden">{t("simulation.compare.metrics")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("simulation.compare.figure")}</th>
            <th scope="col" className="num">
              {labels[0]}
            </th>
            <th scope="col" className="num">
              {labels[1]}
            </th>
            <th scope="col" className="num">
              {t("simulation.compare.change")}
            </th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.key} data-testid={`metric-change-${c.key}`}>
              <th scope="row">{t(c.key === "fundingGap" ? "simulation.total.fundingGap" : `simulation.metric.${c.key}`)}</th>
              <td className="num">{formatMetric(c.key, c.before, t)}</td>
              <td className="num">{formatMetric(c.key, c.after, t)}</td>
              <td className="num">{formatMetricDelta(c.key, c.delta, t)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function lastPart(path: string) {
  return path.split(".").pop() ?? path;
}

export function InputChanges({ changes }: { changes: InputChange[] }) {
  const t = useT();
  if (changes.length === 0) return <p data-testid="input-changes">{t("simulation.compare.noInputChanges")}</p>;
  return (
    <ul className="sim-changes" data-testid="input-changes">
      {changes.map((c) => {
        const where = c.list
          ? `${t(`simulation.field.${c.list}`)}${c.list === "subsidy" ? "" : ` '${c.rowLabel}'`}`
          : t("simulation.editor.general");
        if (c.kind !== "changed") {
          return (
            <li key={`${c.kind}-${c.path}`}>
              <strong>{t(`simulation.compare.${c.kind}`)}:</strong> {t(`simulation.field.${c.list}`)} '{c.rowLabel}'
            </li>
          );
        }
        const field = lastPart(c.field);
        return (
          <li key={c.path}>
            <strong>{where}</strong> · {t(`simulation.field.${c.field}`)}:{" "}
            <span className="before">{formatInputValue(field, c.before, t)}</span> → <span>{formatInputValue(field, c.after, t)}</span>
          </li>
        );
      })}
    </ul>
  );
}
