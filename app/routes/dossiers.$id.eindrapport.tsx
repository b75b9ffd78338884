// The dossier's final report tab: the report (staff edit, the dossier's municipality reads),
// the completion checklist, the PDF download and the decisions taken afterwards.
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, data, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormErrors } from "~/components/forms";
import { requireUser } from "~/features/auth/guards.server";
import { MarkdownView } from "~/features/reports/markdown-view";
import { createDecision, deleteDecision, getReportPage, requireWriteAccess, saveReport } from "~/features/reports/report.server";
import stylesHref from "~/features/reports/reports.css?url";
import { DECISION_BODIES, DECISION_OUTCOMES, DecisionSchema, ReportSchema } from "~/features/reports/schemas";
import { TableWrap } from "~/features/reports/table-wrap";
import { formatDate, formatDateTime } from "~/platform/i18n/format";
import { useLocale, useT } from "~/platform/i18n/use-t";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return getReportPage({ user, dossierId: params.id ?? "" });
}

type Notice = "reports.saved" | "reports.decisions.added" | "reports.decisions.deleted";

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const dossierId = params.id ?? "";
  // Who may write comes before what was sent: a refused user never learns about the input.
  await requireWriteAccess(user, dossierId);
  const formData = await request.formData();
  const intent = formData.get("intent");
  switch (intent) {
    case "saveReport": {
      const submission = parseWithZod(formData, { schema: ReportSchema });
      if (submission.status !== "success") return data({ form: "report", result: submission.reply(), notice: null }, { status: 400 });
      const { intent: _intent, ...input } = submission.value;
      const outcome = await saveReport({ user, dossierId, input });
      if (!outcome.ok) {
        return data(
          { form: "report", result: submission.reply({ fieldErrors: outcome.fieldErrors, formErrors: outcome.formErrors }), notice: null },
          { status: outcome.formErrors ? 409 : 400 },
        );
      }
      return { form: "report", result: submission.reply(), notice: "reports.saved" as Notice };
    }
    case "addDecision": {
      const submission = parseWithZod(formData, { schema: DecisionSchema });
      if (submission.status !== "success") return data({ form: "decision", result: submission.reply(), notice: null }, { status: 400 });
      const { intent: _intent, ...input } = submission.value;
      const outcome = await createDecision({ user, dossierId, input });
      if (!outcome.ok) return data({ form: "decision", result: submission.reply({ fieldErrors: outcome.fieldErrors }), notice: null }, { status: 400 });
      return { form: "decision", result: submission.reply({ resetForm: true }), notice: "reports.decisions.added" as Notice };
    }
    case "deleteDecision": {
      await deleteDecision({ user, dossierId, decisionId: String(formData.get("decisionId") ?? "") });
      return { form: "delete", result: undefined, notice: "reports.decisions.deleted" as Notice };
    }
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

type PageData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function FinalReportTab() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="report-tab">
      <div className="page-header">
        <h2>{t("reports.title")}</h2>
        {page.canDownload ? (
          <a className="button button--secondary" href={`/dossiers/${page.dossier.id}/rapport.pdf`} download>
            {t("reports.pdf.download")}
          </a>
        ) : null}
      </div>
      <p className="muted">{t("reports.intro")}</p>
      {actionData?.notice ? (
        <div className="alert alert--ok" role="status">
          {t(actionData.notice)}
        </div>
      ) : null}
      <Checklist page={page} />
      {page.canEdit && !page.locked ? (
        <>
          {page.report ? (
            <details className="report-preview">
              <summary>{t("reports.preview")}</summary>
              <div className="card">
                <ReportTexts page={page} />
              </div>
            </details>
          ) : null}
          <ReportForm page={page} lastResult={actionData?.form === "report" ? actionData.result : undefined} />
        </>
      ) : (
        <ReportView page={page} />
      )}
      <Decisions page={page} lastResult={actionData?.form === "decision" ? actionData.result : undefined} />
    </div>
  );
}

function Checklist({ page }: { page: PageData }) {
  const t = useT();
  const allDone = page.checklist.every((c) => c.done);
  if (page.dossier.phase === "COMPLETED") return null;
  return (
    <section className="card" aria-labelledby="checklist-title">
      <h3 id="checklist-title">{t("reports.check.title")}</h3>
      <p>{allDone ? t("reports.check.allDone") : t("reports.check.intro")}</p>
      <ul className="checklist" data-testid="checklist">
        {page.checklist.map((item) => (
          <li key={item.id} className={item.done ? "checklist__item checklist__item--done" : "checklist__item"}>
            <span aria-hidden="true" className="checklist__mark">
              {item.done ? "✓" : "✗"}
            </span>{" "}
            {t(item.label)} <span className="visually-hidden">({item.done ? t("reports.check.done") : t("reports.check.missing")})</span>
            {!item.done && page.canEdit ? (
              <>
                {" · "}
                <a href={item.fixHref}>{t(item.fixLabel)}</a>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {allDone && page.canEdit ? (
        <p>
          <Link to={`/dossiers/${page.dossier.id}`}>{t("reports.check.moveLink")}</Link>
        </p>
      ) : null}
    </section>
  );
}

function ApprovedVersion({ page }: { page: PageData }) {
  const t = useT();
  if (!page.preferred) return <p className="muted">{t("reports.approvedVersion.noPreferred")}</p>;
  const approved = page.preferred.approved;
  if (!approved) {
    return (
      <p className="alert alert--warn" data-testid="no-approved-version">
        {t("reports.approvedVersion.none")}
      </p>
    );
  }
  return (
    <dl className="report-facts">
      <div>
        <dt>{t("reports.approvedVersion")}</dt>
        <dd>{t("reports.approvedVersion.value", { scenario: page.preferred.name, number: approved.number })}</dd>
      </div>
      {approved.contentHash ? (
        <div>
          <dt>{t("reports.hash")}</dt>
          <dd>
            <code className="hash" data-testid="approved-hash">{approved.contentHash}</code>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

function ReportView({ page }: { page: PageData }) {
  const t = useT();
  const locale = useLocale();
  const report = page.report;
  return (
    <section className="card" aria-labelledby="report-view-title">
      <h3 id="report-view-title" className="visually-hidden">
        {t("reports.title")}
      </h3>
      {page.locked ? <p className="alert alert--info">{t("reports.locked")}</p> : null}
      {!report ? <p>{t("reports.empty")}</p> : null}
      <h4>{t("reports.preferredScenario")}</h4>
      <p>{page.preferred?.name ?? t("reports.preferredScenario.none")}</p>
      <ApprovedVersion page={page} />
      <ReportTexts page={page} />
      <h4>{t("reports.document")}</h4>
      <p>{report?.documentId ? (report.documentTitle ?? t("reports.document.hidden")) : t("reports.document.none")}</p>
      {report?.updatedBy ? (
        <p className="muted">{t("reports.lastEdited", { name: report.updatedBy.name, date: formatDateTime(report.updatedAt, locale) })}</p>
      ) : null}
    </section>
  );
}

/** The conclusions and recommendation, rendered from their Markdown. */
function ReportTexts({ page }: { page: PageData }) {
  const t = useT();
  const report = page.report;
  return (
    <>
      <h4>{t("reports.conclusions")}</h4>
      {report?.conclusions ? <MarkdownView source={report.conclusions} baseLevel={4} /> : <p className="muted">{t("reports.pdf.empty")}</p>}
      <h4>{t("reports.recommendation")}</h4>
      {report?.recommendation ? <MarkdownView source={report.recommendation} baseLevel={4} /> : <p className="muted">{t("reports.pdf.empty")}</p>}
    </>
  );
}

function ReportForm({ page, lastResult }: { page: PageData; lastResult: unknown }) {
  const t = useT();
  const [form, fields] = useForm({
    id: `report-${page.dossier.id}-${page.report?.version ?? 0}`,
    lastResult: lastResult as never,
    defaultValue: {
      conclusions: page.report?.conclusions ?? "",
      recommendation: page.report?.recommendation ?? "",
      preferredScenarioId: page.dossier.preferredScenarioId ?? "",
      documentId: page.report?.documentId ?? "",
      version: String(page.report?.version ?? 0),
    },
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ReportSchema }),
  });
  return (
    <Form method="post" className="form card form--wide" {...getFormProps(form)}>
      <h3>{t("reports.edit")}</h3>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="saveReport" />
      <input {...getInputProps(fields.version, { type: "hidden" })} />
      <Field field={fields.conclusions} label={t("reports.conclusions")} hint={t("reports.markdownHint")}>
        <textarea {...getTextareaProps(fields.conclusions, { ariaDescribedBy: fields.conclusions.descriptionId })} rows={10} />
      </Field>
      <Field field={fields.recommendation} label={t("reports.recommendation")}>
        <textarea {...getTextareaProps(fields.recommendation)} rows={6} />
      </Field>
      {/* Anchors for the checklist's "fix it" links. */}
      <div id="preferredScenarioId" className="anchor">
        <Field field={fields.preferredScenarioId} label={t("reports.preferredScenario")} hint={t("reports.preferredScenario.hint")}>
          <select {...getSelectProps(fields.preferredScenarioId, { ariaDescribedBy: fields.preferredScenarioId.descriptionId })}>
            <option value="">{t("reports.preferredScenario.none")}</option>
            {page.scenarios.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
                {s.approved ? ` (${t("reports.approvedVersion.value", { scenario: t("reports.status.APPROVED"), number: s.approved.number })})` : ""}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {page.scenarios.length === 0 ? (
        <p className="muted">
          {t("reports.noScenarios")} <Link to={`/dossiers/${page.dossier.id}/scenarios`}>{t("reports.check.fix.scenarios")}</Link>
        </p>
      ) : null}
      <ApprovedVersion page={page} />
      <div id="documentId" className="anchor">
        <Field field={fields.documentId} label={t("reports.document")} hint={t("reports.document.hint")}>
          <select {...getSelectProps(fields.documentId, { ariaDescribedBy: fields.documentId.descriptionId })}>
            <option value="">{t("reports.document.none")}</option>
            {page.reportDocuments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <p>
        <Link to={`/dossiers/${page.dossier.id}/documenten`}>{t("reports.document.upload")}</Link>
      </p>
      <div>
        <button type="submit" className="button">
          {t("common.save")}
        </button>
      </div>
    </Form>
  );
}

function Decisions({ page, lastResult }: { page: PageData; lastResult: unknown }) {
  const t = useT();
  const [form, fields] = useForm({
    id: `decision-${page.dossier.id}`,
    lastResult: lastResult as never,
    defaultValue: { body: "MUNICIPAL_COUNCIL", outcome: "PROCEED", date: "", note: "", documentId: "" },
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DecisionSchema }),
  });
  return (
    <section className="card" aria-labelledby="decisions-title">
      <h3 id="decisions-title">{t("reports.decisions.title")}</h3>
      <p className="muted">{t("reports.decisions.intro")}</p>
      {page.decisions.length === 0 ? (
        <p>{t("reports.decisions.empty")}</p>
      ) : (
        <TableWrap label={t("reports.decisions.title")}>
          <table className="table" data-testid="decisions">
            <thead>
              <tr>
                <th scope="col">{t("reports.decision.date")}</th>
                <th scope="col">{t("reports.decision.body")}</th>
                <th scope="col">{t("reports.decision.outcome")}</th>
                <th scope="col">{t("reports.decision.note")}</th>
                <th scope="col">{t("reports.decision.document")}</th>
                {page.canEdit ? <th scope="col">{t("common.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {page.decisions.map((d) => (
                <tr key={d.id}>
                  <td>{formatDate(d.date)}</td>
                  <td>{t(`reports.body.${d.body}`)}</td>
                  <td>{t(`reports.outcome.${d.outcome}`)}</td>
                  <td>{d.note ?? ""}</td>
                  <td>{d.documentId ? (d.documentTitle ?? t("reports.document.hidden")) : ""}</td>
                  {page.canEdit ? (
                    <td>
                      <Form method="post">
                        <input type="hidden" name="intent" value="deleteDecision" />
                        <input type="hidden" name="decisionId" value={d.id} />
                        <button type="submit" className="button button--danger button--small">
                          {t("common.delete")}
                          <span className="visually-hidden"> {t("reports.decisions.delete", { date: formatDate(d.date) })}</span>
                        </button>
                      </Form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {page.canEdit ? (
        <Form method="post" className="form decision-form" {...getFormProps(form)}>
          <h4>{t("reports.decisions.add")}</h4>
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="intent" value="addDecision" />
          <div className="form-row">
            <Field field={fields.body} label={t("reports.decision.body")}>
              <select {...getSelectProps(fields.body)}>
                {DECISION_BODIES.map((b) => (
                  <option key={b} value={b}>
                    {t(`reports.body.${b}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field field={fields.date} label={t("reports.decision.date")}>
              <input {...getInputProps(fields.date, { type: "date" })} />
            </Field>
            <Field field={fields.outcome} label={t("reports.decision.outcome")}>
              <select {...getSelectProps(fields.outcome)}>
                {DECISION_OUTCOMES.map((o) => (
                  <option key={o} value={o}>
                    {t(`reports.outcome.${o}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field field={fields.documentId} label={t("reports.decision.document")}>
              <select {...getSelectProps(fields.documentId)}>
                <option value="">{t("reports.decision.document.none")}</option>
                {page.documents.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.title}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <Field field={fields.note} label={t("reports.decision.note")}>
            <textarea {...getTextareaProps(fields.note)} rows={3} />
          </Field>
          <div>
            <button type="submit" className="button">
              {t("reports.decisions.add")}
            </button>
          </div>
        </Form>
      ) : null}
    </section>
  );
}
