// The dossier's scenarios: list with the key figures of each one's latest version, the
// preferred scenario, and (staff) a form to add a scenario.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/features/auth/guards.server";
import { canChangeScenarios, requireScenarioDossier } from "~/features/scenarios/access.server";
import { param, refusalAs409 } from "~/features/scenarios/route-helpers.server";
import { parseNewScenario, ScenarioForm } from "~/features/scenarios/scenario-form";
import { createScenario, listScenarios, setPreferredScenario } from "~/features/scenarios/scenarios.server";
import { StatusPill } from "~/features/scenarios/status";
import { formatMetric } from "~/features/simulation/results";
import { useT } from "~/platform/i18n/use-t";

export const meta: MetaFunction = () => [{ title: "Scenario's · Herbestemming" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const list = await listScenarios({ user, dossierId: param(params, "id") });
  return { ...list, canEdit: canChangeScenarios(user, list.dossier) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const dossierId = param(params, "id");
  // Every intent here is a change: 404 for another municipality's dossier, 403 for a municipality user.
  await requireScenarioDossier(user, dossierId, { edit: true });
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "create" || formData.has("__intent__")) {
    const submission = parseNewScenario(formData);
    if (submission.status !== "success") {
      return data({ result: submission.reply(), notice: null }, { status: submission.status === "error" ? 400 : 200 });
    }
    return refusalAs409(async () => {
      const scenario = await createScenario({ user, dossierId, input: submission.value });
      return redirect(`/dossiers/${dossierId}/scenarios/${scenario.id}`);
    }, submission.reply());
  }
  if (intent === "prefer" || intent === "unprefer") {
    const scenarioId = intent === "prefer" ? String(formData.get("scenarioId") ?? "") : null;
    return refusalAs409(async () => {
      await setPreferredScenario({ user, dossierId, scenarioId });
      return { result: null, notice: { key: intent === "prefer" ? "scenarios.preferred.set" : "scenarios.preferred.cleared", tone: "ok" as const } };
    });
  }
  throw new Response("Bad Request", { status: 400 });
}

export default function ScenariosPage() {
  const { dossier, scenarios, preferredScenarioId, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const notice = actionData?.notice;
  const active = scenarios.filter((s) => !s.archivedAt);
  const archived = scenarios.filter((s) => s.archivedAt);
  return (
    <>
      <div className="page-header">
        <h2>{t("scenarios.title", { reference: dossier.reference })}</h2>
        {active.length > 1 ? (
          <Link to="vergelijk" className="button button--secondary">
            {t("scenarios.compare.link")}
          </Link>
        ) : null}
      </div>
      {notice ? (
        <div className={`alert alert--${notice.tone}`} role={notice.tone === "error" ? "alert" : "status"}>
          {t(notice.key)}
        </div>
      ) : null}
      {active.length === 0 ? <p className="muted">{t("scenarios.empty")}</p> : null}
      {active.length > 0 ? (
        <div className="table-wrap">
          <table className="table" data-testid="scenario-list">
            <caption className="visually-hidden">{t("scenarios.list.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("scenarios.field.name")}</th>
                <th scope="col">{t("scenarios.field.functionCategory")}</th>
                <th scope="col">{t("scenarios.list.version")}</th>
                <th scope="col" className="num">
                  {t("simulation.metric.npv")}
                </th>
                <th scope="col" className="num">
                  {t("simulation.total.fundingGap")}
                </th>
                <th scope="col">{t("scenarios.list.preferred")}</th>
              </tr>
            </thead>
            <tbody>
              {active.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link to={s.id}>{s.name}</Link>
                  </td>
                  <td>{t(`scenarios.function.${s.functionCategory}`)}</td>
                  <td>
                    {s.latest ? (
                      <>
                        {t("scenarios.version.number", { n: s.latest.number })} <StatusPill status={s.latest.status} />
                      </>
                    ) : (
                      <span className="muted">{t("scenarios.list.noVersion")}</span>
                    )}
                  </td>
                  <td className="num">{s.metrics ? formatMetric("npv", s.metrics.npv, t) : "–"}</td>
                  <td className="num">{s.metrics ? formatMetric("fundingGap", s.metrics.fundingGap, t) : "–"}</td>
                  <td>
                    {preferredScenarioId === s.id ? (
                      <span className="pill pill--ok">{t("scenarios.preferred.badge")}</span>
                    ) : canEdit ? (
                      <Form method="post">
                        <input type="hidden" name="scenarioId" value={s.id} />
                        <button type="submit" name="intent" value="prefer" className="link-button">
                          {t("scenarios.preferred.mark")}
                          <span className="visually-hidden">: {s.name}</span>
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {archived.length > 0 ? (
        <details className="card" style={{ marginTop: "1rem" }}>
          <summary>{t("scenarios.archived.title", { count: archived.length })}</summary>
          <ul>
            {archived.map((s) => (
              <li key={s.id}>
                <Link to={s.id}>{s.name}</Link>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {canEdit ? (
        <section className="card" aria-labelledby="new-scenario" style={{ marginTop: "1.5rem" }}>
          <h3 id="new-scenario">{t("scenarios.new")}</h3>
          <ScenarioForm
            formId="new-scenario-form"
            intent="create"
            lastResult={actionData?.result}
            submitLabel={t("scenarios.create")}
          />
        </section>
      ) : null}
    </>
  );
}
