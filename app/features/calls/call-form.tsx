// The call form, shared by "new" and "edit"; a plain POST that works without JavaScript.
import { getFormProps, getInputProps, getTextareaProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { Field, FormErrors } from "~/components/forms";
import { useT } from "~/platform/i18n/use-t";
import { CallFormSchema } from "./schemas";

export function CallForm({
  id,
  defaultValue,
  lastResult,
  submitLabel,
}: {
  id: string;
  defaultValue?: Record<string, string | undefined>;
  lastResult?: SubmissionResult<string[]>;
  submitLabel: string;
}) {
  const t = useT();
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CallFormSchema }),
  });
  return (
    <Form method="post" className="form card" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <div className="form-row">
        <Field field={fields.number} label={`${t("calls.field.number")} (${t("common.required")})`}>
          <input {...getInputProps(fields.number, { type: "number" })} min={1} step={1} />
        </Field>
        <Field field={fields.title} label={`${t("calls.field.title")} (${t("common.required")})`}>
          <input {...getInputProps(fields.title, { type: "text" })} autoComplete="off" />
        </Field>
      </div>
      <div className="form-row">
        <Field field={fields.opensOn} label={`${t("calls.field.opensOn")} (${t("common.required")})`}>
          <input {...getInputProps(fields.opensOn, { type: "date" })} />
        </Field>
        <Field field={fields.closesOn} label={`${t("calls.field.closesOn")} (${t("common.required")})`} hint={t("calls.field.closesOnHint")}>
          <input {...getInputProps(fields.closesOn, { type: "date" })} />
        </Field>
      </div>
      <Field field={fields.description} label={t("calls.field.description")}>
        <textarea {...getTextareaProps(fields.description)} />
      </Field>
      <div>
        <button type="submit" className="button">
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}
