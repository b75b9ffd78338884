// A version's inputs, read-only: the general settings, then one table per list. Each row
// says how many comments are about it and links to the comment form with that row chosen.
import { Link } from "@remix-run/react";
import { formatInputValue } from "~/features/simulation/inputs-view";
import type { SimulationInput } from "~/features/simulation/schema";
import { useT } from "~/platform/i18n/use-t";
import { INPUT_LISTS, type InputList } from "./input-rows";

const GENERAL = ["startYear", "horizonYears", "discountRatePct", "vatRecoverable", "equity", "residualValue"] as const;

const COLUMNS: Record<InputList | "subsidy", readonly string[]> = {
  investments: ["label", "category", "amount", "vatPct", "yearOffset", "subsidyEligible"],
  grants: ["label", "amount", "yearOffset"],
  loans: ["label", "principal", "ratePct", "termYears", "type", "yearOffset"],
  revenues: ["label", "category", "amount", "indexationPct", "occupancyPct", "fromYear", "untilYear"],
  operatingCosts: ["label", "category", "amount", "indexationPct", "fromYear", "untilYear"],
  subsidy: ["label", "ratePct", "baseUpliftPct", "delayYears", "cap"],
};

export function rowAnchor(path: string) {
  return `row-${path.replace(/[^a-zA-Z0-9]+/g, "-").replace(/-$/, "")}`;
}

type Props = { input: SimulationInput; commentCounts: Record<string, number>; canComment: boolean };

export function InputsView({ input, commentCounts, canComment }: Props) {
  const t = useT();
  return (
    <div data-testid="inputs">
      <table className="table review-general">
        <caption>{t("review.inputs.general")}</caption>
        <tbody>
          {GENERAL.map((field) => (
            <tr key={field}>
              <th scope="row">{t(`simulation.field.${field}`)}</th>
              <td className="num">{formatInputValue(field, input[field], t)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {INPUT_LISTS.map((list) => (
        <RowsTable key={list} list={list} rows={input[list] as Record<string, unknown>[]} commentCounts={commentCounts} canComment={canComment} />
      ))}
      <RowsTable list="subsidy" rows={input.subsidy ? [input.subsidy as Record<string, unknown>] : []} commentCounts={commentCounts} canComment={canComment} />
    </div>
  );
}

function RowsTable({
  list,
  rows,
  commentCounts,
  canComment,
}: {
  list: InputList | "subsidy";
  rows: Record<string, unknown>[];
  commentCounts: Record<string, number>;
  canComment: boolean;
}) {
  const t = useT();
  const columns = COLUMNS[list];
  return (
    <div className="table-wrap">
      <table className="table review-rows" data-testid={`inputs-${list}`}>
        <caption>{t(`simulation.field.${list}`)}</caption>
        {rows.length === 0 ? (
          <tbody>
            <tr>
              <td>{t("review.inputs.noRows")}</td>
            </tr>
          </tbody>
        ) : (
          <>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c} scope="col">
                    {t(`simulation.field.${list}.${c}`)}
                  </th>
                ))}
                <th scope="col">{t("review.comments.title")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => {
                const path = list === "subsidy" ? "subsidy" : `${list}[${i}]`;
                const count = commentCounts[path] ?? 0;
                return (
                  <tr key={path} id={rowAnchor(path)}>
                    {columns.map((c, k) =>
                      k === 0 ? (
                        <th key={c} scope="row">
                          {String(row[c])}
                        </th>
                      ) : (
                        <td key={c}>{formatInputValue(c, row[c], t)}</td>
                      ),
                    )}
                    <td>
                      {count > 0 ? <span className="pill">{t("review.comments.count", { count })}</span> : null}{" "}
                      {canComment ? (
                        <Link to={`?rij=${encodeURIComponent(path)}#comment-form`} aria-label={t("review.comments.aboutRowLabel", { row: String(row.label) })}>
                          {t("review.comments.aboutRow")}
                        </Link>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </>
        )}
      </table>
    </div>
  );
}
