// What changed since the version the municipality last decided on: which version that was
// and what they said, then the changed inputs and the key figures (the simulation
// feature's comparison, so staff and municipality read the same thing).
import { Link } from "@remix-run/react";
import { InputChanges, MetricChanges } from "~/features/simulation/comparison";
import type { InputChange, MetricChange } from "~/features/simulation/diff";
import { formatDate } from "~/platform/i18n/format";
import { useT } from "~/platform/i18n/use-t";

export type Changes = {
  versionId: string;
  number: number;
  decision: string;
  reason: string | null;
  decidedAt: Date | string;
  inputs: InputChange[];
  metrics: MetricChange[];
};

export function ChangesView({ changes, currentNumber }: { changes: Changes | null; currentNumber: number }) {
  const t = useT();
  if (!changes) return <p className="muted">{t("review.changes.none")}</p>;
  const labels: [string, string] = [t("review.changes.before", { number: changes.number }), t("review.changes.after", { number: currentNumber })];
  return (
    <div data-testid="changes">
      <p>
        {t("review.changes.intro", { number: changes.number, date: formatDate(changes.decidedAt) })}{" "}
        <strong>{t(`review.decision.${changes.decision}`)}</strong>
        {changes.reason ? <> — “{changes.reason}”</> : null}{" "}
        <Link to={`/beoordelingen/${changes.versionId}`}>{t("review.changes.openPrevious", { number: changes.number })}</Link>
      </p>
      <h3>{t("review.changes.inputsTitle", { count: changes.inputs.length })}</h3>
      <InputChanges changes={changes.inputs} />
      <h3>{t("review.changes.figuresTitle")}</h3>
      <MetricChanges changes={changes.metrics} labels={labels} />
    </div>
  );
}
