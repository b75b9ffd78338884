// The simulation editor of a scenario's draft (staff only). Saving re-renders with per-field
// errors and keeps what was typed; "submit for review" saves and freezes in one step.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/features/auth/guards.server";
import { canChangeScenarios } from "~/features/scenarios/access.server";
import { getScenario } from "~/features/scenarios/scenarios.server";
import { param, refusalAs409 } from "~/features/scenarios/route-helpers.server";
import { readStoredInputs } from "~/features/simulation/canonical";
import { parseEditorForm, SimulationEditor } from "~/features/simulation/editor";
import { findDraft, openDraft, saveDraft, submitVersion } from "~/features/simulation/versions.server";
import { useT } from "~/platform/i18n/use-t";

export const meta: MetaFunction = () => [{ title: "Simulatie bewerken · Herbestemming" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const where = { user, dossierId: param(params, "id"), scenarioId: param(params, "scenarioId") };
  const draft = await findDraft(where);
  const { dossier, scenario } = await getScenario(where);
  return {
    dossier,
    closed: !canChangeScenarios(user, dossier),
    scenario: { id: scenario.id, name: scenario.name, archived: scenario.archivedAt !== null },
    draft: draft
      ? { id: draft.id, number: draft.number, updatedAt: draft.updatedAt.toISOString(), input: readStoredInputs(draft.inputs) }
      : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const dossierId = param(params, "id");
  const scenarioId = param(params, "scenarioId");
  const where = { user, dossierId, scenarioId };
  // Access first (404 / 403), so nothing about the form is answered to someone who may not edit.
  const draft = await findDraft(where);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "openDraft") {
    return refusalAs409(async () => {
      await openDraft(where);
      return redirect(`/dossiers/${dossierId}/scenarios/${scenarioId}/simulatie`);
    });
  }
  const versionId = String(formData.get("versionId") ?? "");
  if (!draft || draft.id !== versionId) {
    // The draft was submitted (or replaced) in the meantime: a frozen version never changes.
    return data({ result: undefined, notice: { key: "scenarios.error.frozen", tone: "error" as const } }, { status: 409 });
  }
  const submission = parseEditorForm(formData);
  if (submission.status !== "success") {
    return data({ result: submission.reply(), notice: null }, { status: submission.status === "error" ? 400 : 200 });
  }
  const updatedAtText = String(formData.get("updatedAt") ?? "");
  const updatedAt = updatedAtText ? new Date(updatedAtText) : null;
  if (updatedAt && Number.isNaN(updatedAt.getTime())) throw new Response("Bad Request", { status: 400 });
  if (intent === "submit") {
    return refusalAs409(async () => {
      await submitVersion({ ...where, versionId, updatedAt, input: submission.value });
      return redirect(`/dossiers/${dossierId}/scenarios/${scenarioId}/versies/${versionId}?ingediend=1`);
    }, submission.reply());
  }
  if (intent === "save") {
    return refusalAs409(async () => {
      await saveDraft({ ...where, versionId, updatedAt, input: submission.value });
      return { result: submission.reply(), notice: { key: "scenarios.draft.saved", tone: "ok" as const } };
    }, submission.reply());
  }
  throw new Response("Bad Request", { status: 400 });
}

export default function SimulationEditorPage() {
  const { dossier, scenario, draft, closed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const notice = actionData?.notice;
  const base = `/dossiers/${dossier.id}/scenarios/${scenario.id}`;
  return (
    <>
      <p>
        <Link to={base}>← {scenario.name}</Link>
      </p>
      <div className="page-header">
        <h2>{t("simulation.editor.title", { scenario: scenario.name })}</h2>
        {draft ? (
          <span className="pill pill--muted">
            {t("scenarios.version.number", { n: draft.number })} · {t("scenarios.status.DRAFT")}
          </span>
        ) : null}
      </div>
      {notice ? (
        <div className={`alert alert--${notice.tone}`} role={notice.tone === "error" ? "alert" : "status"} data-testid="notice">
          {t(notice.key)}
        </div>
      ) : null}
      {closed ? (
        <div className="alert alert--info" role="status">
          {t("scenarios.error.closed")}
        </div>
      ) : draft ? (
        <SimulationEditor
          key={draft.id}
          formId={`simulation-${draft.id}`}
          savedInput={draft.input}
          lastResult={actionData?.result}
          hiddenFields={{ versionId: draft.id, updatedAt: draft.updatedAt }}
          canSubmit
        />
      ) : (
        <section className="card">
          <p>{t("scenarios.draft.none")}</p>
          {!scenario.archived ? (
            <Form method="post">
              <button type="submit" name="intent" value="openDraft" className="button">
                {t("scenarios.draft.open")}
              </button>
            </Form>
          ) : null}
        </section>
      )}
    </>
  );
}
