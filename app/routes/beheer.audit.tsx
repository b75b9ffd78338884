// The audit log for administrators: filter by user, kind of record, action and period,
// newest first, 50 a page; the same filter exports as CSV (/beheer/audit.csv).
import { parseWithZod } from "@conform-to/zod/v4";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ErrorList } from "~/components/forms";
import { auditFilterOptions, listAuditEvents } from "~/features/audit/audit-log.server";
import { type AuditFilter, AuditFilterSchema, filterQuery } from "~/features/audit/filters";
import { requireUserWithPermission } from "~/features/auth/guards.server";
import { formatDateTime } from "~/platform/i18n/format";
import { useLocale, useT } from "~/platform/i18n/use-t";

export const meta: MetaFunction = () => [{ title: "Auditlog · Herbestemming" }];

const FIELDS = ["user", "entityType", "action", "from", "to"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireUserWithPermission(request, "manageAccounts");
  const params = new URL(request.url).searchParams;
  const submission = parseWithZod(params, { schema: AuditFilterSchema });
  const options = await auditFilterOptions({ actor });
  // What was typed comes back as typed, so a bad date can be corrected in place.
  const typed = Object.fromEntries(FIELDS.map((f) => [f, (params.get(f) ?? "").slice(0, 64)])) as Record<(typeof FIELDS)[number], string>;
  if (submission.status !== "success") {
    return { typed, errors: submission.reply().error ?? {}, filter: null, list: null, options };
  }
  const filter: Partial<AuditFilter> = submission.value;
  const list = await listAuditEvents({ actor, filter });
  return { typed, errors: {} as Record<string, string[] | null>, filter, list, options };
}

function describedBy(field: string, errors: Record<string, string[] | null>) {
  return errors[field]?.length ? { "aria-invalid": true, "aria-describedby": `audit-${field}-error` } : {};
}

export default function AuditLogPage() {
  const { typed, errors, filter, list, options } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const query = filter ? filterQuery(filter) : "";
  return (
    <>
      <div className="page-header">
        <h1>{t("audit.title")}</h1>
        <div className="actions" style={{ marginTop: 0 }}>
          {list ? (
            <span className="muted" role="status">
              {t("audit.count", { total: list.total })}
            </span>
          ) : null}
          {filter ? (
            <a href={`/beheer/audit.csv${query ? `?${query}` : ""}`} className="button button--secondary" download>
              {t("audit.export")}
            </a>
          ) : null}
        </div>
      </div>
      <p className="muted">{t("audit.intro")}</p>
      <Form method="get" className="filters" role="search" aria-label={t("audit.filters")} noValidate>
        <div className="field">
          <label htmlFor="audit-user">{t("audit.field.user")}</label>
          <select id="audit-user" name="user" defaultValue={typed.user} {...describedBy("user", errors)}>
            <option value="">{t("audit.any")}</option>
            {options.users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({u.email})
              </option>
            ))}
          </select>
          <ErrorList id="audit-user-error" errors={errors.user} />
        </div>
        <div className="field">
          <label htmlFor="audit-entityType">{t("audit.field.entityType")}</label>
          <select id="audit-entityType" name="entityType" defaultValue={typed.entityType} {...describedBy("entityType", errors)}>
            <option value="">{t("audit.any")}</option>
            {options.entityTypes.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
          <ErrorList id="audit-entityType-error" errors={errors.entityType} />
        </div>
        <div className="field">
          <label htmlFor="audit-action">{t("audit.field.action")}</label>
          <select id="audit-action" name="action" defaultValue={typed.action} {...describedBy("action", errors)}>
            <option value="">{t("audit.any")}</option>
            {options.actions.map((action) => (
              <option key={action} value={action}>
                {t(`audit.action.${action}`)}
              </option>
            ))}
          </select>
          <ErrorList id="audit-action-error" errors={errors.action} />
        </div>
        <div className="field">
          <label htmlFor="audit-from">{t("audit.field.from")}</label>
          <input id="audit-from" name="from" type="date" defaultValue={typed.from} {...describedBy("from", errors)} />
          <ErrorList id="audit-from-error" errors={errors.from} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">{t("audit.field.to")}</label>
          <input id="audit-to" name="to" type="date" defaultValue={typed.to} {...describedBy("to", errors)} />
          <ErrorList id="audit-to-error" errors={errors.to} />
        </div>
        <button type="submit" className="button button--secondary">
          {t("audit.filter")}
        </button>
        <Link to="/beheer/audit">{t("audit.reset")}</Link>
      </Form>
      {list ? (
        list.events.length === 0 ? (
          <p>{t("audit.empty")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t("audit.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("audit.col.at")}</th>
                  <th scope="col">{t("audit.col.user")}</th>
                  <th scope="col">{t("audit.col.action")}</th>
                  <th scope="col">{t("audit.col.entityType")}</th>
                  <th scope="col">{t("audit.col.dossier")}</th>
                  <th scope="col">{t("audit.col.summary")}</th>
                </tr>
              </thead>
              <tbody>
                {list.events.map((e) => (
                  <tr key={e.id}>
                    <td>
                      <time dateTime={e.at}>{formatDateTime(e.at, locale)}</time>
                    </td>
                    <td>{e.user ? <Link to={`/beheer/gebruikers/${e.user.id}`}>{e.user.name}</Link> : t("audit.system")}</td>
                    <td>{t(`audit.action.${e.action}`)}</td>
                    <td>
                      {e.entityType}
                      {e.entityId ? <span className="muted"> · {e.entityId}</span> : null}
                    </td>
                    <td>{e.dossierRef && e.dossierId ? <Link to={`/dossiers/${e.dossierId}`}>{e.dossierRef}</Link> : "–"}</td>
                    <td style={{ maxWidth: "28rem", overflowWrap: "anywhere" }}>{e.summary || "–"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
      {list && list.pages > 1 ? (
        <nav className="pagination" aria-label={t("audit.paging")}>
          {list.page > 1 ? <Link to={`?${filterQuery(filter ?? {}, { page: list.page - 1 })}`}>{t("audit.previous")}</Link> : <span />}
          <span aria-current="page">{t("audit.page", { page: list.page, pages: list.pages })}</span>
          {list.page < list.pages ? <Link to={`?${filterQuery(filter ?? {}, { page: list.page + 1 })}`}>{t("audit.next")}</Link> : <span />}
        </nav>
      ) : null}
    </>
  );
}
