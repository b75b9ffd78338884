// Comparison of two versions of one scenario (?a=<id>&b=<id>): every changed input and the
// change in each key figure, with both cash-flow charts.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/features/auth/guards.server";
import { param } from "~/features/scenarios/route-helpers.server";
import { VersionHistory } from "~/features/scenarios/version-history";
import { InputChanges, MetricChanges } from "~/features/simulation/comparison";
import { diffInputs, diffMetrics } from "~/features/simulation/diff";
import { simulate } from "~/features/simulation/engine";
import { CashFlowChart } from "~/features/simulation/results";
import { getVersion, listVersions } from "~/features/simulation/versions.server";
import { useT } from "~/platform/i18n/use-t";

export const meta: MetaFunction = () => [{ title: "Versies vergelijken · Herbestemming" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const where = { user, dossierId: param(params, "id"), scenarioId: param(params, "scenarioId") };
  const url = new URL(request.url);
  const versions = await listVersions(where);
  const a = url.searchParams.get("a") ?? versions[1]?.id ?? "";
  const b = url.searchParams.get("b") ?? versions[0]?.id ?? "";
  const [va, vb] = await Promise.all([getVersion({ ...where, versionId: a }), getVersion({ ...where, versionId: b })]);
  const ra = simulate(va.input);
  const rb = simulate(vb.input);
  return {
    dossier: va.dossier,
    scenario: { id: va.scenario.id, name: va.scenario.name },
    versions,
    a: { id: va.version.id, number: va.version.number, status: va.version.status, result: ra },
    b: { id: vb.version.id, number: vb.version.number, status: vb.version.status, result: rb },
    inputChanges: diffInputs(va.input, vb.input),
    metricChanges: diffMetrics(ra, rb),
  };
}

export default function CompareVersionsPage() {
  const { dossier, scenario, versions, a, b, inputChanges, metricChanges } = useLoaderData<typeof loader>();
  const t = useT();
  const base = `/dossiers/${dossier.id}/scenarios/${scenario.id}`;
  const label = (v: { number: number }) => t("scenarios.version.number", { n: v.number });
  return (
    <>
      <p>
        <Link to={base}>← {scenario.name}</Link>
      </p>
      <h2>{t("simulation.compare.title", { a: a.number, b: b.number })}</h2>
      <section aria-labelledby="metric-changes">
        <h3 id="metric-changes">{t("simulation.compare.metrics")}</h3>
        <MetricChanges changes={metricChanges} labels={[label(a), label(b)]} />
      </section>
      <section aria-labelledby="input-changes" className="card" style={{ marginTop: "1.25rem" }}>
        <h3 id="input-changes">{t("simulation.compare.inputs", { count: inputChanges.length })}</h3>
        <InputChanges changes={inputChanges} />
      </section>
      <section aria-labelledby="compare-charts">
        <h3 id="compare-charts">{t("simulation.results.cashFlowChart")}</h3>
        <div className="sim-grid-2">
          {[a, b].map((v) => (
            <div key={v.id}>
              <h4>
                <Link to={`${base}/versies/${v.id}`}>{label(v)}</Link> · {t(`scenarios.status.${v.status}`)}
              </h4>
              <CashFlowChart result={v.result} title={`${t("simulation.results.cashFlowChart")} · ${label(v)}`} />
            </div>
          ))}
        </div>
      </section>
      <VersionHistory versions={versions} basePath={base} />
    </>
  );
}
