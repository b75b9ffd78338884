// The staff publishing form: public fields, photos with alt text and order, the optional
// public final report. Works without JavaScript (conform + a plain POST).
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { ErrorList, Field, FormErrors } from "~/components/forms";
import { useT } from "~/platform/i18n/use-t";
import { FUNCTION_CATEGORIES } from "./public-case";
import { PublicationSchema } from "./schemas";

type PhotoChoice = { documentId: string; title: string; include: boolean; altText: string; position: number };

type Props = {
  dossierId: string;
  defaults: {
    title: string;
    summary: string;
    functionCategory: string;
    completionYear: number;
    designOffice: string;
    reportDocumentId: string;
    version: number | undefined;
  };
  photos: PhotoChoice[];
  reports: { id: string; title: string }[];
  status: string | null;
  lastResult: SubmissionResult<string[]> | undefined;
};

export function PublicationForm({ dossierId, defaults, photos, reports, status, lastResult }: Props) {
  const t = useT();
  const [form, fields] = useForm({
    id: `publication-${dossierId}`,
    lastResult,
    defaultValue: {
      ...defaults,
      completionYear: String(defaults.completionYear),
      version: defaults.version === undefined ? undefined : String(defaults.version),
      photos: photos.map((p) => ({ documentId: p.documentId, include: p.include ? "on" : undefined, altText: p.altText, position: String(p.position) })),
    },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PublicationSchema }),
  });
  const photoFields = fields.photos.getFieldList();
  return (
    <Form method="post" className="form form--wide card" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      {fields.version.initialValue !== undefined ? <input {...getInputProps(fields.version, { type: "hidden" })} /> : null}
      <Field field={fields.title} label={t("publication.form.title")}>
        <input {...getInputProps(fields.title, { type: "text" })} maxLength={120} />
      </Field>
      <Field field={fields.summary} label={t("publication.form.summary")} hint={t("publication.form.summaryHint")}>
        <textarea {...getTextareaProps(fields.summary, { ariaDescribedBy: fields.summary.descriptionId })} rows={8} />
      </Field>
      <div className="form-row">
        <Field field={fields.functionCategory} label={t("publication.form.functionCategory")}>
          <select {...getSelectProps(fields.functionCategory)}>
            {FUNCTION_CATEGORIES.map((f) => (
              <option key={f} value={f}>
                {t(`publication.function.${f}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field field={fields.completionYear} label={t("publication.form.completionYear")}>
          <input {...getInputProps(fields.completionYear, { type: "number" })} min={1990} max={2100} inputMode="numeric" />
        </Field>
        <Field field={fields.designOffice} label={`${t("publication.form.designOffice")} (${t("common.optional")})`}>
          <input {...getInputProps(fields.designOffice, { type: "text" })} maxLength={120} />
        </Field>
      </div>
      <fieldset>
        <legend>{t("publication.form.photos")}</legend>
        <p className="field__hint">{photos.length ? t("publication.form.photosHint") : t("publication.form.noPhotos")}</p>
        <ErrorList id={fields.photos.errorId} errors={fields.photos.errors} />
        {photoFields.map((photoField, i) => {
          // Each row: the document (hidden), whether to publish it, its alt text and order.
          const f = photoField.getFieldset();
          const title = photos[i]?.title ?? "";
          return (
            <div className="photo-choice" key={photoField.key}>
              <input {...getInputProps(f.documentId, { type: "hidden" })} />
              <label className="checkbox">
                <input {...getInputProps(f.include, { type: "checkbox" })} /> {t("publication.form.photoInclude", { title })}
              </label>
              <Field field={f.altText} label={t("publication.form.photoAlt", { title })}>
                <input {...getInputProps(f.altText, { type: "text" })} maxLength={250} />
              </Field>
              <Field field={f.position} label={t("publication.form.photoPosition", { title })}>
                <input {...getInputProps(f.position, { type: "number" })} min={0} max={99} />
              </Field>
            </div>
          );
        })}
      </fieldset>
      <Field field={fields.reportDocumentId} label={t("publication.form.report")} hint={t("publication.form.reportHint")}>
        <select {...getSelectProps(fields.reportDocumentId)}>
          <option value="">{t("publication.form.reportNone")}</option>
          {reports.map((r) => (
            <option key={r.id} value={r.id}>
              {r.title}
            </option>
          ))}
        </select>
      </Field>
      <div className="actions">
        {status === "PUBLISHED" ? (
          <button type="submit" name="intent" value="save" className="button">
            {t("publication.form.save")}
          </button>
        ) : (
          <>
            <button type="submit" name="intent" value="publish" className="button">
              {t("publication.form.saveAndPublish")}
            </button>
            <button type="submit" name="intent" value="save" className="button button--secondary">
              {t("publication.form.saveDraft")}
            </button>
          </>
        )}
      </div>
    </Form>
  );
}
