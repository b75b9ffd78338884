// My tasks: the logged-in staff member's tasks across dossiers, open ones first, overdue
// ones marked in words and colour, with a filter for open/done.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireUserWithPermission } from "~/features/auth/guards.server";
import stylesHref from "~/features/dossiers/dossiers.css?url";
import { TaskStatus } from "~/features/dossiers/tasks-section";
import { isOverdue } from "~/features/dossiers/tasks";
import { listMyTasks } from "~/features/dossiers/tasks.server";
import { formatDate } from "~/platform/i18n/format";
import { useT } from "~/platform/i18n/use-t";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];

export const meta: MetaFunction = () => [{ title: "Mijn taken · Herbestemming" }];

const SHOW = ["open", "done", "all"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "editRegister");
  const value = new URL(request.url).searchParams.get("toon");
  const show = (SHOW as readonly string[]).includes(value ?? "") ? (value as (typeof SHOW)[number]) : "open";
  const tasks = await listMyTasks({ user, show });
  return { show, tasks, overdue: tasks.filter((task) => isOverdue(task)).length };
}

export default function MyTasksPage() {
  const { show, tasks, overdue } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <div className="page-header">
        <h1>{t("nav.myTasks")}</h1>
        <span className="muted" role="status">
          {t("common.results", { count: tasks.length })}
          {overdue ? ` · ${t("dossiers.myTasks.overdueCount", { count: overdue })}` : ""}
        </span>
      </div>
      <Form method="get" className="filters" aria-label={t("dossiers.myTasks.filter")}>
        <div className="field">
          <label htmlFor="toon">{t("dossiers.myTasks.show")}</label>
          <select id="toon" name="toon" defaultValue={show}>
            {SHOW.map((s) => (
              <option key={s} value={s}>
                {t(`dossiers.myTasks.show.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t("common.filter")}
        </button>
      </Form>
      {tasks.length === 0 ? (
        <p className="card">{t("dossiers.myTasks.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t("nav.myTasks")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("dossiers.task.field.title")}</th>
                <th scope="col">{t("dossiers.myTasks.dossier")}</th>
                <th scope="col">{t("dossiers.list.phase")}</th>
                <th scope="col">{t("dossiers.task.field.dueDate")}</th>
                <th scope="col">{t("dossiers.task.status")}</th>
              </tr>
            </thead>
            <tbody>
              {tasks.map((task) => (
                <tr key={task.id} className={task.doneAt ? "is-done" : isOverdue(task) ? "is-overdue" : undefined} data-testid="my-task">
                  <td className="task-title">
                    {task.title}
                    {task.isMilestone ? <span className="pill pill--warn"> {t("dossiers.task.milestone")}</span> : null}
                  </td>
                  <td>
                    <Link to={`/dossiers/${task.dossier.id}#taken`}>
                      {task.dossier.reference} · {task.dossier.church.name}
                    </Link>
                  </td>
                  <td>{t(`dossiers.phase.${task.phase}`)}</td>
                  <td>{formatDate(task.dueDate)}</td>
                  <td>
                    <TaskStatus task={task} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
