// The dossier's scenarios side by side: key figures and cash-flow charts of each scenario's
// latest submitted or approved version (or a version chosen with ?v=<id>), to pick the
// preferred scenario.
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/features/auth/guards.server";
import { canChangeScenarios, requireScenarioDossier } from "~/features/scenarios/access.server";
import { param, refusalAs409 } from "~/features/scenarios/route-helpers.server";
import { listScenarios, setPreferredScenario } from "~/features/scenarios/scenarios.server";
import { readStoredInputs } from "~/features/simulation/canonical";
import { keyFigures, METRIC_KEYS } from "~/features/simulation/diff";
import { simulate } from "~/features/simulation/engine";
import { CashFlowChart, formatMetric } from "~/features/simulation/results";
import { versionsForComparison } from "~/features/simulation/versions.server";
import { useT } from "~/platform/i18n/use-t";

export const meta: MetaFunction = () => [{ title: "Scenario's vergelijken · Herbestemming" }];

const SHOWN_FIRST = ["APPROVED", "SUBMITTED"];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const dossierId = param(params, "id");
  const chosen = new Set(new URL(request.url).searchParams.getAll("v"));
  const [{ dossier, scenarios, preferredScenarioId }, versions] = await Promise.all([
    listScenarios({ user, dossierId }),
    versionsForComparison({ user, dossierId }),
  ]);
  const columns = scenarios
    .filter((s) => !s.archivedAt)
    .map((s) => {
      const own = versions.filter((v) => v.scenarioId === s.id); // newest first
      const version =
        own.find((v) => chosen.has(v.id)) ?? own.find((v) => SHOWN_FIRST.includes(v.status)) ?? own[0] ?? null;
      const result = version ? simulate(readStoredInputs(version.inputs)) : null;
      return {
        id: s.id,
        name: s.name,
        functionCategory: s.functionCategory,
        options: own.map((v) => ({ id: v.id, number: v.number, status: v.status })),
        version: version ? { id: version.id, number: version.number, status: version.status } : null,
        figures: result ? keyFigures(result) : null,
        result,
      };
    });
  return { dossier, columns, preferredScenarioId, canEdit: canChangeScenarios(user, dossier) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const dossierId = param(params, "id");
  await requireScenarioDossier(user, dossierId, { edit: true });
  const formData = await request.formData();
  if (formData.get("intent") !== "prefer") throw new Response("Bad Request", { status: 400 });
  return refusalAs409(async () => {
    await setPreferredScenario({ user, dossierId, scenarioId: String(formData.get("scenarioId") ?? "") });
    return { result: null, notice: { key: "scenarios.preferred.set", tone: "ok" as const } };
  });
}

export default function CompareScenariosPage() {
  const { dossier, columns, preferredScenarioId, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const base = `/dossiers/${dossier.id}/scenarios`;
  const notice = actionData?.notice;
  return (
    <>
      <p>
        <Link to={base}>← {t("scenarios.backToList", { reference: dossier.reference })}</Link>
      </p>
      <h2>{t("scenarios.compare.title")}</h2>
      {notice ? (
        <div className={`alert alert--${notice.tone}`} role={notice.tone === "error" ? "alert" : "status"}>
          {t(notice.key)}
        </div>
      ) : null}
      {columns.length === 0 ? <p className="muted">{t("scenarios.empty")}</p> : null}
      <Form method="get" className="filters">
        {columns.map((c) => (
          <div className="field" key={c.id}>
            <label htmlFor={`v-${c.id}`}>{c.name}</label>
            <select id={`v-${c.id}`} name="v" defaultValue={c.version?.id ?? ""}>
              {c.options.length === 0 ? <option value="">{t("scenarios.list.noVersion")}</option> : null}
              {c.options.map((o) => (
                <option key={o.id} value={o.id}>
                  {t("scenarios.version.number", { n: o.number })} · {t(`scenarios.status.${o.status}`)}
                </option>
              ))}
            </select>
          </div>
        ))}
        <button type="submit" className="button button--secondary">
          {t("scenarios.compare.show")}
        </button>
      </Form>
      <div className="table-wrap">
        <table className="table sim-compare" data-testid="scenario-comparison">
          <caption className="visually-hidden">{t("scenarios.compare.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("simulation.compare.figure")}</th>
              {columns.map((c) => (
                <th scope="col" key={c.id} className="num">
                  <Link to={`${base}/${c.id}`}>{c.name}</Link>
                  <br />
                  <span className="muted">
                    {c.version ? `${t("scenarios.version.number", { n: c.version.number })} · ${t(`scenarios.status.${c.version.status}`)}` : t("scenarios.list.noVersion")}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t("scenarios.field.functionCategory")}</th>
              {columns.map((c) => (
                <td key={c.id} className="num">
                  {t(`scenarios.function.${c.functionCategory}`)}
                </td>
              ))}
            </tr>
            {METRIC_KEYS.map((key) => (
              <tr key={key}>
                <th scope="row">{t(key === "fundingGap" ? "simulation.total.fundingGap" : `simulation.metric.${key}`)}</th>
                {columns.map((c) => (
                  <td key={c.id} className="num">
                    {c.figures ? formatMetric(key, c.figures[key], t) : "–"}
                  </td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row">{t("scenarios.list.preferred")}</th>
              {columns.map((c) => (
                <td key={c.id} className="num">
                  {preferredScenarioId === c.id ? (
                    <span className="pill pill--ok">{t("scenarios.preferred.badge")}</span>
                  ) : canEdit ? (
                    <Form method="post">
                      <input type="hidden" name="scenarioId" value={c.id} />
                      <button type="submit" name="intent" value="prefer" className="link-button">
                        {t("scenarios.preferred.mark")}
                        <span className="visually-hidden">: {c.name}</span>
                      </button>
                    </Form>
                  ) : (
                    "–"
                  )}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      <h3>{t("simulation.results.cashFlowChart")}</h3>
      <div className="sim-grid-2">
        {columns.map((c) =>
          c.result ? (
            <section key={c.id} aria-label={c.name}>
              <h4>{c.name}</h4>
              <CashFlowChart result={c.result} title={`${t("simulation.results.cashFlowChart")} · ${c.name}`} />
            </section>
          ) : null,
        )}
      </div>
    </>
  );
}
