// The dossier's fields, shared by the create and the edit form (conform; works without JS).
import { type FieldMetadata, getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import { Field } from "~/components/forms";
import { useT } from "~/platform/i18n/use-t";
import { APPLICANT_TYPES } from "./schemas";

export type DossierFormOptions = {
  churches: { id: string; name: string; municipality: { name: string } }[];
  staff: { id: string; name: string }[];
  calls: { id: string; number: number; title: string }[];
};

type FieldName =
  | "churchId"
  | "applicantType"
  | "applicantName"
  | "leadId"
  | "team"
  | "callId"
  | "startDate"
  | "targetDate"
  | "description"
  | "internalNotes";

// The create and the edit schema differ (version), so the fields are typed loosely here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Fields = Record<FieldName, FieldMetadata<any, any, string[]>>;

export function DossierFields({ fields, options }: { fields: Fields; options: DossierFormOptions }) {
  const t = useT();
  return (
    <>
      <Field field={fields.churchId} label={t("dossiers.field.church")}>
        <select {...getSelectProps(fields.churchId)}>
          <option value="">{t("dossiers.form.choose")}</option>
          {options.churches.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({c.municipality.name})
            </option>
          ))}
        </select>
      </Field>
      <div className="form-row">
        <Field field={fields.applicantType} label={t("dossiers.field.applicantType")}>
          <select {...getSelectProps(fields.applicantType)}>
            {APPLICANT_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`dossiers.applicantType.${type}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field field={fields.applicantName} label={t("dossiers.field.applicantName")}>
          <input {...getInputProps(fields.applicantName, { type: "text" })} autoComplete="organization" />
        </Field>
      </div>
      <div className="form-row">
        <Field field={fields.leadId} label={t("dossiers.field.lead")}>
          <select {...getSelectProps(fields.leadId)}>
            <option value="">{t("dossiers.form.choose")}</option>
            {options.staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
        <Field field={fields.callId} label={`${t("dossiers.field.call")} (${t("common.optional")})`}>
          <select {...getSelectProps(fields.callId)}>
            <option value="">{t("common.none")}</option>
            {options.calls.map((c) => (
              <option key={c.id} value={c.id}>
                {c.number}. {c.title}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field field={fields.team} label={t("dossiers.field.team")} hint={t("dossiers.field.teamHint")}>
        <select {...getSelectProps(fields.team, { ariaDescribedBy: fields.team.descriptionId })} multiple size={Math.min(6, Math.max(3, options.staff.length))}>
          {options.staff.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </Field>
      <div className="form-row">
        <Field field={fields.startDate} label={t("dossiers.field.startDate")} hint={t("dossiers.field.startDateHint")}>
          <input {...getInputProps(fields.startDate, { type: "date", ariaDescribedBy: fields.startDate.descriptionId })} />
        </Field>
        <Field field={fields.targetDate} label={`${t("dossiers.field.targetDate")} (${t("common.optional")})`}>
          <input {...getInputProps(fields.targetDate, { type: "date" })} />
        </Field>
      </div>
      <Field field={fields.description} label={`${t("dossiers.field.description")} (${t("common.optional")})`}>
        <textarea {...getTextareaProps(fields.description)} rows={4} />
      </Field>
      <Field
        field={fields.internalNotes}
        label={`${t("dossiers.field.internalNotes")} (${t("common.optional")})`}
        hint={t("dossiers.field.internalNotesHint")}
      >
        <textarea {...getTextareaProps(fields.internalNotes, { ariaDescribedBy: fields.internalNotes.descriptionId })} rows={3} />
      </Field>
    </>
  );
}
