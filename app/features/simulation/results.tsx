// The results of a simulation: key figures, warnings, the cash-flow chart, the sensitivity
// (tornado) chart with its table, and the yearly table. Every figure in Belgian notation.
import { useId } from "react";
import { formatMoney, formatNumber, formatPercent } from "~/platform/i18n/format";
import { useT } from "~/platform/i18n/use-t";
import { linear, niceTicks } from "./chart";
import { type SensitivityVariable, type SimulationResult, type SimulationWarning, YEAR_COLUMNS } from "./engine";
import { METRIC_KEYS, type MetricKey } from "./diff";


const MONEY_COLUMNS = YEAR_COLUMNS.slice(2);

type T = ReturnType<typeof useT>;

/** A key figure as text; "none" where the engine found none. */
export function formatMetric(key: MetricKey, value: number | null, t: T): string {
  if (value === null) return t("simulation.metric.none");
  switch (key) {
    case "irrPct":
      return formatPercent(value, 4);
    case "paybackYear":
      return String(value);
    case "minDscr":
      return formatNumber(value, 4, 4);
    default:
      return formatMoney(value);
  }
}

/** The change of a key figure as text, with its sign. */
export function formatMetricDelta(key: MetricKey, delta: number | null, t: T): string {
  if (delta === null) return "–";
  const sign = delta > 0 ? "+" : "";
  switch (key) {
    case "irrPct":
      return `${sign}${formatNumber(delta, 4, 4)} ${t("simulation.unit.percentPoints")}`;
    case "paybackYear":
      return `${sign}${delta} ${t("simulation.unit.years")}`;
    case "minDscr":
      return `${sign}${formatNumber(delta, 4, 4)}`;
    default:
      return `${sign}${formatMoney(delta)}`;
  }
}

export function KeyFigures({ result, id }: { result: SimulationResult; id?: string }) {
  const t = useT();
  const values: Record<MetricKey, number | null> = { ...result.metrics, fundingGap: result.totals.fundingGap };
  return (
    <dl className="sim-figures" id={id} data-testid="key-figures">
      {METRIC_KEYS.map((key) => (
        <div key={key}>
          <dt>{t(key === "fundingGap" ? "simulation.total.fundingGap" : `simulation.metric.${key}`)}</dt>
          <dd data-testid={`metric-${key}`} className={(values[key] ?? 0) < 0 && key !== "paybackYear" ? "negative" : undefined}>
            {formatMetric(key, values[key], t)}
          </dd>
        </div>
      ))}
    </dl>
  );
}

const TOTAL_KEYS = ["investmentExclVat", "vat", "investmentCost", "subsidy", "grants", "netInvestment", "fundingGap"] as const;

export function Totals({ result }: { result: SimulationResult }) {
  const t = useT();
  return (
    <table className="table" style={{ maxWidth: "32rem" }}>
      <caption className="visually-hidden">{t("simulation.results.totals")}</caption>
      <tbody>
        {TOTAL_KEYS.map((key) => (
          <tr key={key}>
            <th scope="row">{t(`simulation.total.${key}`)}</th>
            <td className="num">{formatMoney(result.totals[key])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Warning parameters in Belgian notation (amounts with cents, the DSCR with 4 decimals). */
export function warningText(warning: SimulationWarning, t: T): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(warning.params ?? {})) {
    if (typeof value !== "number" || name === "year") params[name] = value;
    else if (name === "minDscr") params[name] = formatNumber(value, 4, 4);
    else params[name] = formatNumber(value, 2, 2);
  }
  return t(warning.key, params);
}

export function Warnings({ result }: { result: SimulationResult }) {
  const t = useT();
  if (result.warnings.length === 0) return <p className="muted">{t("simulation.results.noWarnings")}</p>;
  return (
    <div className="alert alert--warn">
      <ul className="sim-warnings" data-testid="warnings">
        {result.warnings.map((w, i) => (
          <li key={`${w.key}-${i}`}>{warningText(w, t)}</li>
        ))}
      </ul>
    </div>
  );
}

export function YearTable({ result, caption }: { result: SimulationResult; caption: string }) {
  const t = useT();
  const sums = Object.fromEntries(MONEY_COLUMNS.map((c) => [c, result.years.reduce((acc, y) => acc + y[c], 0)]));
  return (
    // A focusable scroll container, so keyboard users can scroll it (axe: scrollable-region-focusable).
    <div className="sim-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="sim-table" data-testid="year-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {YEAR_COLUMNS.map((c) => (
              <th key={c} scope="col">
                {t(`simulation.column.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.years.map((y) => (
            <tr key={y.t}>
              <th scope="row">{y.t}</th>
              <td>{y.year}</td>
              {MONEY_COLUMNS.map((c) => (
                <td key={c} className={y[c] < -0.005 ? "negative" : undefined}>
                  {formatMoney(y[c])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {t("simulation.results.total")}
            </th>
            {MONEY_COLUMNS.map((c) => (
              <td key={c}>{c === "cumulativeNetCashFlow" ? "" : formatMoney(sums[c])}</td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** Axis label in thousands of euro: "-1.250 k€". */
function kEuro(value: number, t: T) {
  return t("simulation.chart.kEuro", { value: formatNumber(value / 1000, 0) });
}

const W = 760;
const H = 300;
const PAD = { left: 70, right: 12, top: 12, bottom: 30 };

export function CashFlowChart({ result, title }: { result: SimulationResult; title: string }) {
  const t = useT();
  const uid = useId();
  const years = result.years;
  const values = years.flatMap((y) => [y.netCashFlow, y.cumulativeNetCashFlow]);
  const ticks = niceTicks(Math.min(...values), Math.max(...values));
  const y = linear(ticks[0], ticks[ticks.length - 1], H - PAD.bottom, PAD.top);
  const slot = (W - PAD.left - PAD.right) / Math.max(1, years.length);
  const x = (i: number) => PAD.left + i * slot;
  const barWidth = Math.max(1, slot * 0.7);
  const last = years[years.length - 1];
  const line = years.map((r, i) => `${i === 0 ? "M" : "L"}${(x(i) + slot / 2).toFixed(1)},${y(r.cumulativeNetCashFlow).toFixed(1)}`).join(" ");
  const labelEvery = Math.max(1, Math.ceil(years.length / 10));
  const desc = t("simulation.chart.cashFlowDesc", {
    from: years[0]?.year ?? "",
    to: last?.year ?? "",
    min: formatMoney(Math.min(...years.map((r) => r.netCashFlow))),
    max: formatMoney(Math.max(...years.map((r) => r.netCashFlow))),
    end: formatMoney(last?.cumulativeNetCashFlow ?? 0),
  });
  return (
    <figure style={{ margin: 0 }}>
      <svg className="sim-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${uid}-t ${uid}-d`} data-testid="cashflow-chart">
        <title id={`${uid}-t`}>{title}</title>
        <desc id={`${uid}-d`}>{desc}</desc>
        {ticks.map((v) => (
          <g key={v}>
            <line className={v === 0 ? "axis" : "grid"} x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} />
            <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end">
              {kEuro(v, t)}
            </text>
          </g>
        ))}
        {years.map((r, i) => {
          const top = y(Math.max(0, r.netCashFlow));
          const height = Math.abs(y(r.netCashFlow) - y(0));
          return (
            <g key={r.t}>
              <rect className={r.netCashFlow < 0 ? "bar-neg" : "bar-pos"} x={x(i) + (slot - barWidth) / 2} y={top} width={barWidth} height={Math.max(0.5, height)} />
              {i % labelEvery === 0 ? (
                <text x={x(i) + slot / 2} y={H - PAD.bottom + 16} textAnchor="middle">
                  {r.year}
                </text>
              ) : null}
            </g>
          );
        })}
        <path className="line" d={line} />
      </svg>
      <figcaption>
        <ul className="sim-legend">
          <li>
            <span aria-hidden="true" className="key-bar" />
            {t("simulation.column.netCashFlow")}
          </li>
          <li>
            <span aria-hidden="true" className="key-line" />
            {t("simulation.column.cumulativeNetCashFlow")}
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}

const VARIABLES: SensitivityVariable[] = ["investment", "revenues", "operatingCosts", "discountRate"];

function deltaText(variable: SensitivityVariable, delta: number, t: T) {
  const d = `${delta > 0 ? "+" : ""}${formatNumber(delta, 2)}`;
  return t(variable === "discountRate" ? "simulation.sensitivity.deltaPoints" : "simulation.sensitivity.deltaPct", { delta: d });
}

/** Tornado chart: per variable, the NPV at its lowest and highest change around the base NPV. */
export function TornadoChart({ result, title }: { result: SimulationResult; title: string }) {
  const t = useT();
  const uid = useId();
  const base = result.metrics.npv;
  const rows = VARIABLES.map((variable) => {
    const points = result.sensitivity.filter((p) => p.variable === variable);
    const low = points.reduce((a, b) => (b.delta < a.delta ? b : a));
    const high = points.reduce((a, b) => (b.delta > a.delta ? b : a));
    return { variable, low, high, span: Math.abs(high.npv - low.npv) };
  }).sort((a, b) => b.span - a.span);
  const all = [base, ...rows.flatMap((r) => [r.low.npv, r.high.npv])];
  const ticks = niceTicks(Math.min(...all), Math.max(...all), 4);
  const left = 150;
  const width = 760;
  const rowH = 44;
  const height = rows.length * rowH + 40;
  const x = linear(ticks[0], ticks[ticks.length - 1], left, width - 20);
  const desc = rows
    .map((r) =>
      t("simulation.chart.tornadoRow", {
        variable: t(`simulation.sensitivity.${r.variable}`),
        low: deltaText(r.variable, r.low.delta, t),
        lowNpv: formatMoney(r.low.npv),
        high: deltaText(r.variable, r.high.delta, t),
        highNpv: formatMoney(r.high.npv),
      }),
    )
    .join(" ");
  return (
    <figure style={{ margin: 0 }}>
      <svg className="sim-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${uid}-t ${uid}-d`} data-testid="tornado-chart">
        <title id={`${uid}-t`}>{title}</title>
        <desc id={`${uid}-d`}>{`${t("simulation.chart.tornadoBase", { npv: formatMoney(base) })} ${desc}`}</desc>
        {ticks.map((v) => (
          <g key={v}>
            <line className="grid" x1={x(v)} x2={x(v)} y1={10} y2={height - 24} />
            <text x={x(v)} y={height - 8} textAnchor="middle">
              {kEuro(v, t)}
            </text>
          </g>
        ))}
        {rows.map((r, i) => {
          const cy = 16 + i * rowH;
          const bar = (npv: number, cls: string) => (
            <rect className={cls} x={Math.min(x(base), x(npv))} y={cy} width={Math.max(0.5, Math.abs(x(npv) - x(base)))} height={rowH - 16} />
          );
          return (
            <g key={r.variable}>
              <text x={left - 8} y={cy + (rowH - 16) / 2 + 4} textAnchor="end">
                {t(`simulation.sensitivity.${r.variable}`)}
              </text>
              {bar(r.low.npv, r.low.npv < base ? "bar-neg" : "bar-pos")}
              {bar(r.high.npv, r.high.npv < base ? "bar-neg" : "bar-pos")}
            </g>
          );
        })}
        <line className="axis" x1={x(base)} x2={x(base)} y1={8} y2={height - 24} strokeWidth={2} />
      </svg>
      <figcaption>
        <ul className="sim-legend">
          <li>
            <span aria-hidden="true" className="key-low" />
            {t("simulation.chart.lowerNpv")}
          </li>
          <li>
            <span aria-hidden="true" className="key-high" />
            {t("simulation.chart.higherNpv")}
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}

export function SensitivityTable({ result }: { result: SimulationResult }) {
  const t = useT();
  return (
    // Focusable: on a narrow screen the table scrolls sideways (axe: scrollable-region-focusable).
    <div className="table-wrap" tabIndex={0} role="region" aria-label={t("simulation.sensitivity.title")}>
      <table className="table" data-testid="sensitivity-table">
        <caption className="visually-hidden">{t("simulation.sensitivity.title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("simulation.results.variable")}</th>
            <th scope="col">{t("simulation.sensitivity.delta")}</th>
            <th scope="col" className="num">
              {t("simulation.metric.npv")}
            </th>
            <th scope="col" className="num">
              {t("simulation.results.npvChange")}
            </th>
          </tr>
        </thead>
        <tbody>
          {result.sensitivity.map((p) => (
            <tr key={`${p.variable}${p.delta}`}>
              <th scope="row">{t(`simulation.sensitivity.${p.variable}`)}</th>
              <td>{deltaText(p.variable, p.delta, t)}</td>
              <td className="num">{formatMoney(p.npv)}</td>
              <td className="num">{formatMoney(p.npv - result.metrics.npv)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Everything about one result, as sections with their own headings (level `level`). */
export function Results({ result, headingLevel = 2, idPrefix = "results" }: { result: SimulationResult; headingLevel?: 2 | 3 | 4; idPrefix?: string }) {
  const t = useT();
  const H = (["h2", "h3", "h4"] as const)[headingLevel - 2];
  return (
    <div data-testid="results">
      <H id={`${idPrefix}-figures`}>{t("simulation.results.keyFigures")}</H>
      <KeyFigures result={result} />
      <Warnings result={result} />
      <H id={`${idPrefix}-totals`}>{t("simulation.results.totals")}</H>
      <Totals result={result} />
      <H id={`${idPrefix}-chart`}>{t("simulation.results.cashFlowChart")}</H>
      <p className="muted">{t("simulation.results.chartAlternative")}</p>
      <CashFlowChart result={result} title={t("simulation.results.cashFlowChart")} />
      <H id={`${idPrefix}-sensitivity`}>{t("simulation.sensitivity.title")}</H>
      <TornadoChart result={result} title={t("simulation.chart.tornadoTitle")} />
      <SensitivityTable result={result} />
      <H id={`${idPrefix}-years`}>{t("simulation.results.yearTable")}</H>
      <YearTable result={result} caption={t("simulation.results.yearTable")} />
    </div>
  );
}
