// Tasks and milestones on the dossier's overview. Staff get the forms (toggle done, edit
// through ?taak=<id>, delete, add); a municipality reads the list.
import { getFormProps, getInputProps, getSelectProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, useLocation } from "@remix-run/react";
import { Field, FormErrors } from "~/components/forms";
import { formatDate, toDateInputValue } from "~/platform/i18n/format";
import { useT } from "~/platform/i18n/use-t";
import { PHASES, type Phase } from "./phases";
import { TaskSchema } from "./schemas";
import { isOverdue } from "./tasks";

export type TaskRow = {
  id: string;
  phase: Phase;
  title: string;
  isMilestone: boolean;
  dueDate: Date | string | null;
  doneAt: Date | string | null;
  owner: { id: string; name: string } | null;
};

/**
 * Names the row's item for screen readers ("Verwijderen (<title>)") while the button shows
 * the short word; the visible text stays the start of the accessible name (WCAG 2.5.3).
 */
export function Named({ name }: { name: string }) {
  return <span className="visually-hidden"> ({name})</span>;
}

export function TaskStatus({ task }: { task: Pick<TaskRow, "doneAt" | "dueDate"> }) {
  const t = useT();
  if (task.doneAt) return <span className="pill pill--ok">{t("dossiers.task.done")}</span>;
  if (isOverdue(task)) {
    return (
      <span className="pill pill--danger overdue-flag">
        <span aria-hidden="true">⚠ </span>
        {t("dossiers.task.overdue")}
      </span>
    );
  }
  return <span className="pill pill--muted">{t("dossiers.task.open")}</span>;
}

export function TasksSection({
  tasks,
  canEdit,
  staff,
  currentPhase,
  editing,
  lastResult,
}: {
  tasks: TaskRow[];
  canEdit: boolean;
  staff: { id: string; name: string }[];
  currentPhase: Phase;
  editing: TaskRow | null;
  lastResult?: SubmissionResult<string[]> | null;
}) {
  const t = useT();
  // A new location (the redirect after a save) starts a fresh form with the current phase.
  const { key: locationKey } = useLocation();
  return (
    <section className="card" aria-labelledby="tasks-title" id="taken">
      <h2 id="tasks-title">{t("dossiers.task.title")}</h2>
      {tasks.length === 0 ? (
        <p className="muted">{t("dossiers.task.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t("dossiers.task.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("dossiers.task.field.title")}</th>
                <th scope="col">{t("dossiers.list.phase")}</th>
                <th scope="col">{t("dossiers.task.field.owner")}</th>
                <th scope="col">{t("dossiers.task.field.dueDate")}</th>
                <th scope="col">{t("dossiers.task.status")}</th>
                {canEdit ? <th scope="col">{t("common.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {tasks.map((task) => (
                <tr key={task.id} className={task.doneAt ? "is-done" : isOverdue(task) ? "is-overdue" : undefined} data-testid="task-row">
                  <td className="task-title">
                    {task.title}
                    {task.isMilestone ? <span className="pill pill--warn"> {t("dossiers.task.milestone")}</span> : null}
                  </td>
                  <td>{t(`dossiers.phase.${task.phase}`)}</td>
                  <td>{task.owner?.name ?? "–"}</td>
                  <td>{formatDate(task.dueDate)}</td>
                  <td>
                    <TaskStatus task={task} />
                  </td>
                  {canEdit ? (
                    <td>
                      <div className="actions" style={{ marginTop: 0 }}>
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="intent" value="toggleTask" />
                          <input type="hidden" name="taskId" value={task.id} />
                          <input type="hidden" name="done" value={task.doneAt ? "false" : "true"} />
                          <button type="submit" className="button button--secondary button--small">
                            {task.doneAt ? t("dossiers.task.reopen") : t("dossiers.task.markDone")}
                            <Named name={task.title} />
                          </button>
                        </Form>
                        <Link to={`?taak=${task.id}#task-form`} className="button button--secondary button--small">
                          {t("common.edit")}
                          <Named name={task.title} />
                        </Link>
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="intent" value="deleteTask" />
                          <input type="hidden" name="taskId" value={task.id} />
                          <button type="submit" className="button button--danger button--small">
                            {t("common.delete")}
                            <Named name={task.title} />
                          </button>
                        </Form>
                      </div>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canEdit ? (
        <TaskForm key={`${editing?.id ?? "new"}-${locationKey}`} staff={staff} currentPhase={currentPhase} editing={editing} lastResult={lastResult} />
      ) : null}
    </section>
  );
}

function TaskForm({
  staff,
  currentPhase,
  editing,
  lastResult,
}: {
  staff: { id: string; name: string }[];
  currentPhase: Phase;
  editing: TaskRow | null;
  lastResult?: SubmissionResult<string[]> | null;
}) {
  const t = useT();
  const [form, fields] = useForm({
    id: editing ? `task-${editing.id}` : "task-new",
    lastResult,
    defaultValue: editing
      ? {
          title: editing.title,
          phase: editing.phase,
          ownerId: editing.owner?.id ?? "",
          dueDate: toDateInputValue(editing.dueDate),
          isMilestone: editing.isMilestone ? "on" : undefined,
        }
      : { phase: currentPhase },
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: TaskSchema }),
  });
  return (
    <div id="task-form">
    <Form method="post" className="form form--wide" {...getFormProps(form)}>
      <h3>{editing ? t("dossiers.task.edit") : t("dossiers.task.add")}</h3>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value={editing ? "updateTask" : "createTask"} />
      {editing ? <input type="hidden" name="taskId" value={editing.id} /> : null}
      <Field field={fields.title} label={t("dossiers.task.field.title")}>
        <input {...getInputProps(fields.title, { type: "text" })} />
      </Field>
      <div className="form-row">
        <Field field={fields.phase} label={t("dossiers.list.phase")}>
          <select {...getSelectProps(fields.phase)}>
            {PHASES.map((p) => (
              <option key={p} value={p}>
                {t(`dossiers.phase.${p}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field field={fields.ownerId} label={`${t("dossiers.task.field.owner")} (${t("common.optional")})`}>
          <select {...getSelectProps(fields.ownerId)}>
            <option value="">{t("common.none")}</option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
        <Field field={fields.dueDate} label={`${t("dossiers.task.field.dueDate")} (${t("common.optional")})`}>
          <input {...getInputProps(fields.dueDate, { type: "date" })} />
        </Field>
      </div>
      <label className="checkbox" htmlFor={fields.isMilestone.id}>
        <input {...getInputProps(fields.isMilestone, { type: "checkbox" })} />
        {t("dossiers.task.field.isMilestone")}
      </label>
      <div className="actions" style={{ marginTop: 0 }}>
        <button type="submit" className="button">
          {editing ? t("common.save") : t("dossiers.task.add")}
        </button>
        {editing ? (
          <Link to="?#taken" className="button button--secondary">
            {t("common.cancel")}
          </Link>
        ) : null}
      </div>
    </Form>
    </div>
  );
}
