// One scenario: its details and programme, the history of its simulation versions (with a
// comparison of any two), and for staff: edit, archive, preferred, and the simulation editor.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/features/auth/guards.server";
import { canChangeScenarios, requireScenarioAccess } from "~/features/scenarios/access.server";
import { param, refusalAs409 } from "~/features/scenarios/route-helpers.server";
import { parseScenarioEdit, ScenarioForm } from "~/features/scenarios/scenario-form";
import { getScenario, setPreferredScenario, setScenarioArchived, updateScenario } from "~/features/scenarios/scenarios.server";
import { VersionHistory } from "~/features/scenarios/version-history";
import { listVersions, openDraft } from "~/features/simulation/versions.server";
import { formatNumber } from "~/platform/i18n/format";
import { useT } from "~/platform/i18n/use-t";

export const meta: MetaFunction = () => [{ title: "Scenario · Herbestemming" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const where = { user, dossierId: param(params, "id"), scenarioId: param(params, "scenarioId") };
  const [scenario, versions] = await Promise.all([getScenario(where), listVersions(where)]);
  return { ...scenario, versions, canEdit: canChangeScenarios(user, scenario.dossier) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const dossierId = param(params, "id");
  const scenarioId = param(params, "scenarioId");
  const where = { user, dossierId, scenarioId };
  // 404 for another municipality's scenario, 403 for a municipality user: before anything else.
  await requireScenarioAccess(user, dossierId, scenarioId, { edit: true });
  const formData = await request.formData();
  const intent = formData.get("intent");
  const ok = (key: string) => ({ result: null, notice: { key, tone: "ok" as const } });
  if (intent === "update" || formData.has("__intent__")) {
    const submission = parseScenarioEdit(formData);
    if (submission.status !== "success") {
      return data({ result: submission.reply(), notice: null }, { status: submission.status === "error" ? 400 : 200 });
    }
    const { version, ...input } = submission.value;
    return refusalAs409(async () => {
      await updateScenario({ ...where, input, version });
      return { result: submission.reply(), notice: { key: "scenarios.updated", tone: "ok" as const } };
    });
  }
  switch (intent) {
    case "archive":
    case "unarchive":
      return refusalAs409(async () => {
        await setScenarioArchived({ ...where, archived: intent === "archive" });
        return ok(intent === "archive" ? "scenarios.archived.done" : "scenarios.archived.undone");
      });
    case "prefer":
      return refusalAs409(async () => {
        await setPreferredScenario({ user, dossierId, scenarioId });
        return ok("scenarios.preferred.set");
      });
    case "openDraft":
      return refusalAs409(async () => {
        const from = formData.get("fromVersionId");
        await openDraft({ ...where, fromVersionId: typeof from === "string" && from ? from : null });
        return redirect(`/dossiers/${dossierId}/scenarios/${scenarioId}/simulatie`);
      });
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

export default function ScenarioPage() {
  const { dossier, scenario, isPreferred, versions, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const notice = actionData?.notice;
  const totalArea = scenario.programme.reduce((sum, row) => sum + row.areaM2, 0);
  const hasDraft = versions.some((v) => v.status === "DRAFT");
  return (
    <>
      <p>
        <Link to={`/dossiers/${dossier.id}/scenarios`}>← {t("scenarios.backToList", { reference: dossier.reference })}</Link>
      </p>
      <div className="page-header">
        <h2>{scenario.name}</h2>
        <span>
          {isPreferred ? <span className="pill pill--ok">{t("scenarios.preferred.badge")}</span> : null}{" "}
          {scenario.archivedAt ? <span className="pill pill--muted">{t("scenarios.archived.badge")}</span> : null}
        </span>
      </div>
      {notice ? (
        <div className={`alert alert--${notice.tone}`} role={notice.tone === "error" ? "alert" : "status"}>
          {t(notice.key)}
        </div>
      ) : null}
      <section className="card" aria-labelledby="scenario-details">
        <h3 id="scenario-details">{t("scenarios.details")}</h3>
        <p>
          <strong>{t("scenarios.field.functionCategory")}:</strong> {t(`scenarios.function.${scenario.functionCategory}`)}
        </p>
        {scenario.description ? <p style={{ whiteSpace: "pre-line" }}>{scenario.description}</p> : null}
        {scenario.programme.length > 0 ? (
          <table className="table" style={{ maxWidth: "30rem" }}>
            <caption style={{ textAlign: "left", fontWeight: 600 }}>{t("scenarios.field.programme")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("scenarios.programme.function")}</th>
                <th scope="col" className="num">
                  {t("scenarios.programme.areaM2")}
                </th>
              </tr>
            </thead>
            <tbody>
              {scenario.programme.map((row, i) => (
                <tr key={i}>
                  <td>{row.function}</td>
                  <td className="num">{formatNumber(row.areaM2, 2)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("simulation.results.total")}</th>
                <td className="num">{formatNumber(totalArea, 2)}</td>
              </tr>
            </tfoot>
          </table>
        ) : (
          <p className="muted">{t("scenarios.programme.empty")}</p>
        )}
        {canEdit && !scenario.archivedAt ? (
          <Form method="post" className="actions">
            <button type="submit" name="intent" value="openDraft" className="button" data-testid="edit-simulation">
              {hasDraft ? t("scenarios.draft.continue") : t("scenarios.draft.open")}
            </button>
            {!isPreferred ? (
              <button type="submit" name="intent" value="prefer" className="button button--secondary">
                {t("scenarios.preferred.mark")}
              </button>
            ) : null}
            <button type="submit" name="intent" value="archive" className="button button--secondary">
              {t("scenarios.archived.archive")}
            </button>
          </Form>
        ) : null}
        {canEdit && scenario.archivedAt ? (
          <Form method="post" className="actions">
            <button type="submit" name="intent" value="unarchive" className="button button--secondary">
              {t("scenarios.archived.unarchive")}
            </button>
          </Form>
        ) : null}
      </section>

      <VersionHistory versions={versions} basePath={`/dossiers/${dossier.id}/scenarios/${scenario.id}`} />

      {canEdit && !scenario.archivedAt ? (
        <details className="card" open={Boolean(actionData?.result)}>
          <summary>{t("scenarios.edit")}</summary>
          <ScenarioForm
            formId={`scenario-${scenario.id}`}
            intent="update"
            lastResult={actionData?.result}
            initial={scenario}
            submitLabel={t("common.save")}
          />
        </details>
      ) : null}
    </>
  );
}
