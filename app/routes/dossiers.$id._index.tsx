// A dossier's overview: facts, phase moves and their timeline, tasks and meetings. Staff
// edit here; a municipality reads (no forms, no internal notes in the loader data).
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Link, type ShouldRevalidateFunction, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireUser } from "~/features/auth/guards.server";
import { isStaff } from "~/features/auth/permissions";
import { badRequest, getDossierDetails, requireDossierEditAccess, staffMembers } from "~/features/dossiers/dossiers.server";
import { MeetingsSection } from "~/features/dossiers/meetings-section";
import { createMeeting, deleteMeeting, listMeetings, updateMeeting } from "~/features/dossiers/meetings.server";
import { PhaseMoves } from "~/features/dossiers/phase-moves";
import { moveDossier, phaseOptions, phaseTimeline } from "~/features/dossiers/phase-moves.server";
import { MeetingSchema, MoveSchema, TaskSchema } from "~/features/dossiers/schemas";
import { TasksSection } from "~/features/dossiers/tasks-section";
import { createTask, deleteTask, listTasks, setTaskDone, updateTask } from "~/features/dossiers/tasks.server";
import { PhaseTimeline } from "~/features/dossiers/timeline";
import { formatDate } from "~/platform/i18n/format";
import { useT } from "~/platform/i18n/use-t";

/** Confirmations shown after a redirect (?melding=...), by code. */
const NOTICES = {
  moved: "dossiers.notice.moved",
  taskSaved: "dossiers.notice.taskSaved",
  taskDeleted: "dossiers.notice.taskDeleted",
  meetingSaved: "dossiers.notice.meetingSaved",
  meetingDeleted: "dossiers.notice.meetingDeleted",
  saved: "dossiers.notice.saved",
  created: "dossiers.notice.created",
} as const;

/** After a refused save because someone else changed the dossier (409), show its current state. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 || defaultShouldRevalidate;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = params.id ?? "";
  const staff = isStaff(user);
  const url = new URL(request.url);
  const [details, timeline, tasks, meetings] = await Promise.all([
    getDossierDetails({ user, id }),
    phaseTimeline({ user, id }),
    listTasks({ user, dossierId: id }),
    listMeetings({ user, dossierId: id }),
  ]);
  const [moves, people] = staff ? await Promise.all([phaseOptions({ user, id }), staffMembers()]) : [[], []];
  return {
    details,
    timeline,
    tasks,
    meetings,
    moves,
    staff: people,
    canEdit: staff,
    editingTaskId: staff ? url.searchParams.get("taak") : null,
    editingMeetingId: staff ? url.searchParams.get("vergadering") : null,
  };
}

function done(id: string, notice: keyof typeof NOTICES, anchor = "") {
  return redirect(`/dossiers/${id}?melding=${notice}${anchor}`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = params.id ?? "";
  // 404 for a dossier the user may not see, 403 for a role that may not edit: before reading the form.
  await requireDossierEditAccess(user, id);
  const formData = await request.formData();
  const intent = formData.get("intent");
  switch (intent) {
    case "move": {
      const submission = parseWithZod(formData, { schema: MoveSchema });
      if (submission.status !== "success") badRequest();
      const { to, version, reason } = submission.value;
      const result = await moveDossier({ user, id, to, version, reason });
      if (result.ok) throw done(id, "moved");
      const error = result.kind === "conflict" ? "dossiers.error.moveConflict" : result.reason.key;
      return data({ intent: "move" as const, move: { to, error }, result: null, targetId: null }, { status: result.kind === "conflict" ? 409 : 400 });
    }
    case "createTask":
    case "updateTask": {
      const submission = parseWithZod(formData, { schema: TaskSchema });
      const taskId = String(formData.get("taskId") ?? "");
      if (submission.status !== "success") return data({ intent, move: null, result: submission.reply(), targetId: taskId }, { status: 400 });
      const { intent: _intent, taskId: _taskId, ...input } = submission.value;
      const result =
        intent === "createTask"
          ? await createTask({ user, dossierId: id, input })
          : await updateTask({ user, dossierId: id, taskId, input });
      if (!result.ok) {
        return data({ intent, move: null, result: submission.reply({ fieldErrors: result.fieldErrors }), targetId: taskId }, { status: 400 });
      }
      throw done(id, "taskSaved", "#taken");
    }
    case "toggleTask": {
      await setTaskDone({ user, dossierId: id, taskId: String(formData.get("taskId") ?? ""), done: formData.get("done") === "true" });
      throw done(id, "taskSaved", "#taken");
    }
    case "deleteTask": {
      await deleteTask({ user, dossierId: id, taskId: String(formData.get("taskId") ?? "") });
      throw done(id, "taskDeleted", "#taken");
    }
    case "createMeeting":
    case "updateMeeting": {
      const submission = parseWithZod(formData, { schema: MeetingSchema });
      const meetingId = String(formData.get("meetingId") ?? "");
      if (submission.status !== "success") return data({ intent, move: null, result: submission.reply(), targetId: meetingId }, { status: 400 });
      const { intent: _intent, meetingId: _meetingId, ...input } = submission.value;
      if (intent === "createMeeting") await createMeeting({ user, dossierId: id, input });
      else await updateMeeting({ user, dossierId: id, meetingId, input });
      throw done(id, "meetingSaved", "#vergaderingen");
    }
    case "deleteMeeting": {
      await deleteMeeting({ user, dossierId: id, meetingId: String(formData.get("meetingId") ?? "") });
      throw done(id, "meetingDeleted", "#vergaderingen");
    }
    default:
      return badRequest();
  }
}

export default function DossierOverview() {
  const { details, timeline, tasks, meetings, moves, staff, canEdit, editingTaskId, editingMeetingId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const t = useT();
  const notice = NOTICES[searchParams.get("melding") as keyof typeof NOTICES];
  const editingTask = tasks.find((task) => task.id === editingTaskId) ?? null;
  const editingMeeting = meetings.find((m) => m.id === editingMeetingId) ?? null;
  const taskResult = actionData?.intent === "createTask" || actionData?.intent === "updateTask" ? actionData.result : null;
  const meetingResult = actionData?.intent === "createMeeting" || actionData?.intent === "updateMeeting" ? actionData.result : null;
  return (
    <>
      {notice ? (
        <p className="alert alert--ok" role="status">
          {t(notice)}
        </p>
      ) : null}
      <div className="two-col">
        <section className="card" aria-labelledby="facts-title">
          <h2 id="facts-title">{t("dossiers.overview.facts")}</h2>
          <dl className="facts">
            <dt>{t("dossiers.field.startDate")}</dt>
            <dd>{formatDate(details.startDate)}</dd>
            <dt>{t("dossiers.field.targetDate")}</dt>
            <dd>{formatDate(details.targetDate)}</dd>
            {details.completedAt ? (
              <>
                <dt>{t("dossiers.field.completedAt")}</dt>
                <dd>{formatDate(details.completedAt)}</dd>
              </>
            ) : null}
            <dt>{t("dossiers.field.call")}</dt>
            <dd>{details.call ? `${details.call.number}. ${details.call.title}` : t("common.none")}</dd>
            <dt>{t("dossiers.field.team")}</dt>
            <dd>{details.team.length ? details.team.map((m) => m.name).join(", ") : t("common.none")}</dd>
            <dt>{t("dossiers.field.description")}</dt>
            <dd>{details.description || "–"}</dd>
            {"internalNotes" in details ? (
              <>
                <dt>{t("dossiers.field.internalNotes")}</dt>
                <dd data-testid="internal-notes">{details.internalNotes || "–"}</dd>
              </>
            ) : null}
          </dl>
          {canEdit ? (
            <p className="actions">
              <Link to="bewerken" className="button button--secondary">
                {t("dossiers.edit.link")}
              </Link>
            </p>
          ) : null}
        </section>
        <section className="card" aria-labelledby="phase-title">
          <h2 id="phase-title">{t("dossiers.overview.phase")}</h2>
          <p>
            {t("dossiers.overview.currentPhase", { phase: t(`dossiers.phase.${details.phase}`), date: formatDate(details.phaseChangedAt) })}
          </p>
          {canEdit ? (
            <>
              <h3>{t("dossiers.move.title")}</h3>
              <PhaseMoves options={moves} version={details.version} feedback={actionData?.intent === "move" ? actionData.move : null} />
            </>
          ) : null}
          <h3>{t("dossiers.timeline.title")}</h3>
          <PhaseTimeline entries={timeline} />
        </section>
      </div>
      <TasksSection
        tasks={tasks}
        canEdit={canEdit}
        staff={staff}
        currentPhase={details.phase}
        editing={editingTask}
        lastResult={taskResult}
      />
      <MeetingsSection meetings={meetings} canEdit={canEdit} editing={editingMeeting} lastResult={meetingResult} />
    </>
  );
}
