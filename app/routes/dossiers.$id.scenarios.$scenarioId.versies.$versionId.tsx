// One simulation version: status, who and when, the content hash of a frozen version, its
// inputs and results, the exports, and (staff) submit a draft or start a new draft from it.
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireUser } from "~/features/auth/guards.server";
import { canChangeScenarios, requireScenarioAccess } from "~/features/scenarios/access.server";
import { param, refusalAs409 } from "~/features/scenarios/route-helpers.server";
import { StatusPill } from "~/features/scenarios/status";
import { simulate } from "~/features/simulation/engine";
import { InputsView } from "~/features/simulation/inputs-view";
import { Results } from "~/features/simulation/results";
import { findDraft, getVersion, openDraft, submitVersion } from "~/features/simulation/versions.server";
import { formatDateTime } from "~/platform/i18n/format";
import { useLocale, useT } from "~/platform/i18n/use-t";

export const meta: MetaFunction = () => [{ title: "Simulatieversie · Herbestemming" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const where = { user, dossierId: param(params, "id"), scenarioId: param(params, "scenarioId") };
  const { dossier, scenario, version, input } = await getVersion({ ...where, versionId: param(params, "versionId") });
  const canEdit = canChangeScenarios(user, dossier);
  const draft = canEdit ? await findDraft(where) : null;
  return {
    dossier,
    scenario: { id: scenario.id, name: scenario.name, archived: scenario.archivedAt !== null },
    version: {
      id: version.id,
      number: version.number,
      status: version.status,
      contentHash: version.contentHash,
      createdAt: version.createdAt,
      updatedAt: version.updatedAt,
      submittedAt: version.submittedAt,
      createdBy: version.createdBy?.name ?? null,
      submittedBy: version.submittedBy?.name ?? null,
      basedOn: version.basedOn,
    },
    input,
    result: simulate(input),
    canEdit,
    draftId: draft?.id ?? null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const dossierId = param(params, "id");
  const scenarioId = param(params, "scenarioId");
  const versionId = param(params, "versionId");
  const where = { user, dossierId, scenarioId };
  await requireScenarioAccess(user, dossierId, scenarioId, { edit: true });
  await getVersion({ ...where, versionId });
  const intent = (await request.formData()).get("intent");
  const base = `/dossiers/${dossierId}/scenarios/${scenarioId}`;
  if (intent === "submit") {
    return refusalAs409(async () => {
      await submitVersion({ ...where, versionId });
      return redirect(`${base}/versies/${versionId}?ingediend=1`);
    });
  }
  if (intent === "openDraft") {
    return refusalAs409(async () => {
      await openDraft({ ...where, fromVersionId: versionId });
      return redirect(`${base}/simulatie`);
    });
  }
  throw new Response("Bad Request", { status: 400 });
}

export default function VersionPage() {
  const { dossier, scenario, version, input, result, canEdit, draftId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  const base = `/dossiers/${dossier.id}/scenarios/${scenario.id}`;
  const frozen = version.status !== "DRAFT";
  const notice = actionData && "notice" in actionData ? actionData.notice : null;
  return (
    <>
      <p>
        <Link to={base}>← {scenario.name}</Link>
      </p>
      <div className="page-header">
        <h2>{t("scenarios.version.title", { scenario: scenario.name, n: version.number })}</h2>
        <StatusPill status={version.status} />
      </div>
      {search.get("ingediend") && version.status === "SUBMITTED" ? (
        <div className="alert alert--ok" role="status">
          {t("scenarios.version.submitted")}
        </div>
      ) : null}
      {notice ? (
        <div className="alert alert--error" role="alert">
          {t(notice.key)}
        </div>
      ) : null}
      <section className="card" aria-labelledby="version-meta">
        <h3 id="version-meta">{t("scenarios.version.about")}</h3>
        <dl className="sim-figures">
          <div>
            <dt>{t("scenarios.versions.createdBy")}</dt>
            <dd style={{ fontSize: "1rem" }}>
              {version.createdBy ?? "–"} · {formatDateTime(version.createdAt, locale)}
            </dd>
          </div>
          <div>
            <dt>{t("scenarios.versions.submittedBy")}</dt>
            <dd style={{ fontSize: "1rem" }}>
              {version.submittedAt ? `${version.submittedBy ?? "–"} · ${formatDateTime(version.submittedAt, locale)}` : "–"}
            </dd>
          </div>
          <div>
            <dt>{t("scenarios.versions.basedOn")}</dt>
            <dd style={{ fontSize: "1rem" }}>{version.basedOn ? t("scenarios.version.number", { n: version.basedOn.number }) : "–"}</dd>
          </div>
        </dl>
        {version.contentHash ? (
          <p>
            <strong>{t("scenarios.versions.hash")} (SHA-256):</strong>{" "}
            <code className="sim-hash" data-testid="content-hash">
              {version.contentHash}
            </code>
            <br />
            <span className="muted">{t("scenarios.version.hashHint")}</span>
          </p>
        ) : null}
        <div className="actions">
          <a className="button button--secondary" href={`${base}/versies/${version.id}/export.xlsx`} download data-testid="export-xlsx">
            {t("scenarios.export.xlsx")}
          </a>
          <a className="button button--secondary" href={`${base}/versies/${version.id}/export.csv`} download data-testid="export-csv">
            {t("scenarios.export.csv")}
          </a>
        </div>
        {canEdit && !scenario.archived ? (
          <Form method="post" className="actions">
            {!frozen ? (
              <>
                <Link to={`${base}/simulatie`} className="button">
                  {t("scenarios.draft.continue")}
                </Link>
                <button type="submit" name="intent" value="submit" className="button button--secondary">
                  {t("simulation.editor.submit")}
                </button>
              </>
            ) : draftId ? (
              <Link to={`${base}/simulatie`} className="button">
                {t("scenarios.draft.continue")}
              </Link>
            ) : (
              <button type="submit" name="intent" value="openDraft" className="button" data-testid="new-draft">
                {t("scenarios.draft.fromVersion")}
              </button>
            )}
          </Form>
        ) : null}
      </section>
      <Results result={result} headingLevel={3} />
      <details className="card" style={{ marginTop: "1.5rem" }}>
        <summary>{t("scenarios.version.inputs")}</summary>
        <InputsView input={input} />
      </details>
    </>
  );
}
