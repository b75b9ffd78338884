// A read-only view of a version's inputs (what a reviewer checks), and the formatting of one
// input value, shared with the version comparison.
import { formatMoney, formatNumber } from "~/platform/i18n/format";
import { useT } from "~/platform/i18n/use-t";
import type { SimulationInput } from "./schema";

type T = ReturnType<typeof useT>;

const MONEY = new Set(["amount", "principal", "equity", "residualValue", "cap"]);

/** One input value as text; `field` is its name (the last part of the path). */
export function formatInputValue(field: string, value: unknown, t: T): string {
  if (value === null || value === undefined) {
    if (field === "untilYear") return t("simulation.inputs.lastYear");
    if (field === "cap") return t("simulation.inputs.noCap");
    return "–";
  }
  if (typeof value === "boolean") return t(value ? "common.yes" : "common.no");
  if (typeof value === "number") {
    if (MONEY.has(field)) return formatMoney(value);
    if (field.endsWith("Pct")) return `${formatNumber(value, 4)} %`;
    return String(value);
  }
  if (field === "category") return t(`simulation.category.${String(value)}`);
  if (field === "type") return t(`simulation.loanType.${String(value)}`);
  return String(value);
}

const COLUMNS = {
  investments: ["label", "category", "amount", "vatPct", "yearOffset", "subsidyEligible"],
  grants: ["label", "amount", "yearOffset"],
  loans: ["label", "principal", "ratePct", "termYears", "type", "yearOffset"],
  revenues: ["label", "category", "amount", "indexationPct", "occupancyPct", "fromYear", "untilYear"],
  operatingCosts: ["label", "category", "amount", "indexationPct", "fromYear", "untilYear"],
} as const;

const GENERAL = ["startYear", "horizonYears", "discountRatePct", "vatRecoverable", "equity", "residualValue"] as const;
const SUBSIDY = ["label", "ratePct", "baseUpliftPct", "delayYears", "cap"] as const;

export function InputsView({ input }: { input: SimulationInput }) {
  const t = useT();
  return (
    <div data-testid="inputs-view">
      <table className="table" style={{ maxWidth: "34rem" }}>
        <caption style={{ textAlign: "left", fontWeight: 600 }}>{t("simulation.editor.general")}</caption>
        <tbody>
          {GENERAL.map((field) => (
            <tr key={field}>
              <th scope="row">{t(`simulation.field.${field}`)}</th>
              <td className="num">{formatInputValue(field, input[field], t)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="table" style={{ maxWidth: "34rem", marginTop: "1rem" }}>
        <caption style={{ textAlign: "left", fontWeight: 600 }}>{t("simulation.field.subsidy")}</caption>
        <tbody>
          {input.subsidy ? (
            SUBSIDY.map((field) => (
              <tr key={field}>
                <th scope="row">{t(`simulation.field.subsidy.${field}`)}</th>
                <td className="num">{formatInputValue(field, input.subsidy?.[field], t)}</td>
              </tr>
            ))
          ) : (
            <tr>
              <td>{t("simulation.inputs.noSubsidy")}</td>
            </tr>
          )}
        </tbody>
      </table>
      {(Object.keys(COLUMNS) as (keyof typeof COLUMNS)[]).map((list) => (
        <div key={list} className="table-wrap" style={{ marginTop: "1rem" }}>
          <table className="table">
            <caption style={{ textAlign: "left", fontWeight: 600, padding: "0.5rem 0.75rem" }}>{t(`simulation.field.${list}`)}</caption>
            <thead>
              <tr>
                {COLUMNS[list].map((c) => (
                  <th key={c} scope="col">
                    {t(`simulation.field.${list}.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {input[list].length === 0 ? (
                <tr>
                  <td colSpan={COLUMNS[list].length} className="muted">
                    {t("simulation.editor.noRows")}
                  </td>
                </tr>
              ) : (
                (input[list] as Record<string, unknown>[]).map((row, i) => (
                  <tr key={i}>
                    {COLUMNS[list].map((c) => (
                      <td key={c}>{formatInputValue(c, row[c], t)}</td>
                    ))}
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}
