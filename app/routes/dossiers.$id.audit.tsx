// A dossier's audit trail: bureau staff only (a municipality gets 403; the tab is absent).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/features/auth/guards.server";
import { auditSummaryParts } from "~/features/dossiers/audit-summary";
import { listDossierAudit } from "~/features/dossiers/audit-trail.server";
import { isPhase } from "~/features/dossiers/phases";
import { formatDateTime } from "~/platform/i18n/format";
import { useLocale, useT } from "~/platform/i18n/use-t";

/** Field names in audit summaries that have an interface label; others show as recorded. */
const FIELD_LABELS: Record<string, string> = {
  churchId: "dossiers.field.church",
  callId: "dossiers.field.call",
  applicantType: "dossiers.field.applicantType",
  applicantName: "dossiers.field.applicantName",
  leadId: "dossiers.field.lead",
  team: "dossiers.field.team",
  startDate: "dossiers.field.startDate",
  targetDate: "dossiers.field.targetDate",
  description: "dossiers.field.description",
  internalNotes: "dossiers.field.internalNotes",
  reference: "dossiers.list.reference",
  phase: "dossiers.list.phase",
  from: "dossiers.audit.field.from",
  to: "dossiers.audit.field.to",
  reason: "dossiers.move.reason",
  title: "dossiers.task.field.title",
  ownerId: "dossiers.task.field.owner",
  dueDate: "dossiers.task.field.dueDate",
  isMilestone: "dossiers.task.milestone",
  done: "dossiers.task.done",
  kind: "dossiers.meeting.field.kind",
  date: "dossiers.meeting.field.date",
  attendees: "dossiers.meeting.field.attendees",
  notes: "dossiers.meeting.field.notes",
  version: "dossiers.audit.field.version",
};

const PHASE_FIELDS = new Set(["from", "to"]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const page = Math.max(1, Math.min(100_000, Number(new URL(request.url).searchParams.get("page")) || 1));
  return listDossierAudit({ user, id: params.id ?? "", page });
}

export default function DossierAuditPage() {
  const { events, total, page, pages } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="audit-title">
      <div className="page-header">
        <h2 id="audit-title">{t("dossiers.audit.title")}</h2>
        <span className="muted">{t("common.results", { count: total })}</span>
      </div>
      {events.length === 0 ? (
        <p className="card">{t("dossiers.audit.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t("dossiers.audit.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("dossiers.audit.when")}</th>
                <th scope="col">{t("dossiers.audit.who")}</th>
                <th scope="col">{t("dossiers.audit.action")}</th>
                <th scope="col">{t("dossiers.audit.summary")}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id} data-testid="audit-row">
                  <td>{formatDateTime(e.at, locale)}</td>
                  <td>{e.user?.name ?? t("dossiers.timeline.unknownUser")}</td>
                  <td>
                    {t(`dossiers.audit.action.${e.action}`)} · {t(`dossiers.audit.entity.${e.entityType}`)}
                  </td>
                  <td>
                    {auditSummaryParts(e.summary).map((part) => (
                      <div key={part.label}>
                        <strong>{FIELD_LABELS[part.label] ? t(FIELD_LABELS[part.label]) : part.label}</strong>:{" "}
                        {PHASE_FIELDS.has(part.label) && isPhase(part.value) ? t(`dossiers.phase.${part.value}`) : part.value}
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <nav className="pagination" aria-label={t("dossiers.audit.paging")}>
          {page > 1 ? <Link to={`?page=${page - 1}`}>{t("common.previous")}</Link> : <span />}
          <span aria-current="page">{t("common.page", { page, pages })}</span>
          {page < pages ? <Link to={`?page=${page + 1}`}>{t("common.next")}</Link> : <span />}
        </nav>
      ) : null}
    </section>
  );
}
