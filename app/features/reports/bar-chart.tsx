// An accessible horizontal bar chart: SVG bars with the number printed beside each bar,
// followed by the same numbers in a table (screen readers and keyboard users read the
// table; the SVG is labelled as an image of it). No JavaScript needed.
import { useT } from "~/platform/i18n/use-t";

export type BarRow = { key: string; label: string; values: number[] };

const ROW = 22;
const LABEL_WIDTH = 160;
const BAR_AREA = 240;
const NUMBER_WIDTH = 44;

export function BarChart({
  id,
  title,
  rows,
  series,
  labelHeader,
}: {
  id: string;
  title: string;
  rows: BarRow[];
  /** One name per value in a row (a legend when there are several). */
  series: string[];
  labelHeader: string;
}) {
  const t = useT();
  const max = Math.max(1, ...rows.flatMap((r) => r.values));
  const groupHeight = ROW * series.length + 6;
  const height = rows.length * groupHeight + 4;
  const width = LABEL_WIDTH + BAR_AREA + NUMBER_WIDTH;
  return (
    <figure className="chart-figure" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="visually-hidden">
        {title}
      </figcaption>
      {series.length > 1 ? (
        <ul className="chart-legend">
          {series.map((s, i) => (
            <li key={s}>
              <span className={`chart-legend__swatch ${i ? "chart__swatch--alt" : "chart__swatch"}`} aria-hidden="true" />
              {s}
            </li>
          ))}
        </ul>
      ) : null}
      {/* Drawn at its natural size (12 px text) and only scaled down on narrow screens. */}
      <svg className="chart" viewBox={`0 0 ${width} ${height}`} style={{ maxWidth: width }} role="img" aria-labelledby={`${id}-title`}>
        {rows.map((row, r) => {
          const y0 = r * groupHeight + 2;
          return (
            <g key={row.key}>
              <text x={LABEL_WIDTH - 8} y={y0 + (ROW * series.length) / 2 + 4} textAnchor="end">
                {row.label}
              </text>
              {row.values.map((value, i) => {
                const w = (value / max) * BAR_AREA;
                const y = y0 + i * ROW;
                return (
                  <g key={i}>
                    <rect className={i ? "chart__bar chart__bar--alt" : "chart__bar"} x={LABEL_WIDTH} y={y + 3} width={Math.max(w, value > 0 ? 2 : 0)} height={ROW - 6} />
                    <text x={LABEL_WIDTH + w + 6} y={y + ROW / 2 + 4}>
                      {value}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      <details className="chart-table">
        <summary>{t("reports.dashboard.chartTable")}</summary>
        <table className="table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{labelHeader}</th>
              {series.map((s) => (
                <th scope="col" key={s} className="numeric">
                  {s}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                {row.values.map((v, i) => (
                  <td key={i} className="numeric">
                    {v}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
