// Meetings on the dossier's overview: staff add, edit (?vergadering=<id>) and delete them;
// a municipality reads them.
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, useLocation } from "@remix-run/react";
import { Field, FormErrors } from "~/components/forms";
import { formatDate, toDateInputValue } from "~/platform/i18n/format";
import { useT } from "~/platform/i18n/use-t";
import { MEETING_KINDS, MeetingSchema } from "./schemas";
import { Named } from "./tasks-section";

export type MeetingRow = {
  id: string;
  kind: (typeof MEETING_KINDS)[number];
  date: Date | string;
  attendees: string | null;
  notes: string | null;
};

export function MeetingsSection({
  meetings,
  canEdit,
  editing,
  lastResult,
}: {
  meetings: MeetingRow[];
  canEdit: boolean;
  editing: MeetingRow | null;
  lastResult?: SubmissionResult<string[]> | null;
}) {
  const t = useT();
  const { key: locationKey } = useLocation();
  return (
    <section className="card" aria-labelledby="meetings-title" id="vergaderingen">
      <h2 id="meetings-title">{t("dossiers.meeting.title")}</h2>
      {meetings.length === 0 ? (
        <p className="muted">{t("dossiers.meeting.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t("dossiers.meeting.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("dossiers.meeting.field.date")}</th>
                <th scope="col">{t("dossiers.meeting.field.kind")}</th>
                <th scope="col">{t("dossiers.meeting.field.attendees")}</th>
                <th scope="col">{t("dossiers.meeting.field.notes")}</th>
                {canEdit ? <th scope="col">{t("common.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {meetings.map((m) => (
                <tr key={m.id} data-testid="meeting-row">
                  <td>{formatDate(m.date)}</td>
                  <td>{t(`dossiers.meeting.kind.${m.kind}`)}</td>
                  <td>{m.attendees ?? "–"}</td>
                  <td style={{ whiteSpace: "pre-line" }}>{m.notes ?? "–"}</td>
                  {canEdit ? (
                    <td>
                      <div className="actions" style={{ marginTop: 0 }}>
                        <Link to={`?vergadering=${m.id}#meeting-form`} className="button button--secondary button--small">
                          {t("common.edit")}
                          <Named name={`${t(`dossiers.meeting.kind.${m.kind}`)} ${formatDate(m.date)}`} />
                        </Link>
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="intent" value="deleteMeeting" />
                          <input type="hidden" name="meetingId" value={m.id} />
                          <button type="submit" className="button button--danger button--small">
                            {t("common.delete")}
                            <Named name={`${t(`dossiers.meeting.kind.${m.kind}`)} ${formatDate(m.date)}`} />
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
      {canEdit ? <MeetingForm key={`${editing?.id ?? "new"}-${locationKey}`} editing={editing} lastResult={lastResult} /> : null}
    </section>
  );
}

function MeetingForm({ editing, lastResult }: { editing: MeetingRow | null; lastResult?: SubmissionResult<string[]> | null }) {
  const t = useT();
  const [form, fields] = useForm({
    id: editing ? `meeting-${editing.id}` : "meeting-new",
    lastResult,
    defaultValue: editing
      ? { kind: editing.kind, date: toDateInputValue(editing.date), attendees: editing.attendees ?? "", notes: editing.notes ?? "" }
      : { kind: "KICKOFF" },
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: MeetingSchema }),
  });
  return (
    <div id="meeting-form">
    <Form method="post" className="form form--wide" {...getFormProps(form)}>
      <h3>{editing ? t("dossiers.meeting.edit") : t("dossiers.meeting.add")}</h3>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value={editing ? "updateMeeting" : "createMeeting"} />
      {editing ? <input type="hidden" name="meetingId" value={editing.id} /> : null}
      <div className="form-row">
        <Field field={fields.kind} label={t("dossiers.meeting.field.kind")}>
          <select {...getSelectProps(fields.kind)}>
            {MEETING_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`dossiers.meeting.kind.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field field={fields.date} label={t("dossiers.meeting.field.date")}>
          <input {...getInputProps(fields.date, { type: "date" })} />
        </Field>
      </div>
      <Field field={fields.attendees} label={`${t("dossiers.meeting.field.attendees")} (${t("common.optional")})`}>
        <input {...getInputProps(fields.attendees, { type: "text" })} />
      </Field>
      <Field field={fields.notes} label={`${t("dossiers.meeting.field.notes")} (${t("common.optional")})`}>
        <textarea {...getTextareaProps(fields.notes)} rows={3} />
      </Field>
      <div className="actions" style={{ marginTop: 0 }}>
        <button type="submit" className="button">
          {editing ? t("common.save") : t("dossiers.meeting.add")}
        </button>
        {editing ? (
          <Link to="?#vergaderingen" className="button button--secondary">
            {t("common.cancel")}
          </Link>
        ) : null}
      </div>
    </Form>
    </div>
  );
}
