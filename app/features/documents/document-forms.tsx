// The forms of the documents feature. Upload forms are multipart and work without
// JavaScript; their text fields come before the file input, so the server reads (and can
// refuse) them before the file's bytes arrive.
import { type FieldMetadata, getFormProps, getInputProps, getSelectProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { ErrorList, Field, FormErrors } from "~/components/forms";
import { useT } from "~/platform/i18n/use-t";
import { ACCEPT_ATTRIBUTE, MAX_UPLOAD_BYTES } from "./file-types";
import { formatFileSize } from "./format-size";
import {
  DeleteDocumentSchema,
  DOCUMENT_KINDS,
  EditDocumentSchema,
  NewVersionFormSchema,
  UploadFormSchema,
  VISIBILITIES,
  type Visibility,
} from "./schemas";

export type FormReply = { form: string; result: SubmissionResult<string[]> } | undefined;

function lastResultFor(reply: FormReply, form: string) {
  return reply?.form === form ? reply.result : undefined;
}

function FileInput({ field }: { field: Pick<FieldMetadata<unknown>, "id" | "name" | "errorId" | "descriptionId" | "errors"> }) {
  const t = useT();
  const invalid = Boolean(field.errors?.length);
  return (
    <Field field={field} label={t("documents.field.file")} hint={t("documents.field.fileHint", { max: formatFileSize(MAX_UPLOAD_BYTES) })}>
      <input
        id={field.id}
        name={field.name}
        type="file"
        className="documents-file-input"
        accept={ACCEPT_ATTRIBUTE}
        required
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${field.descriptionId} ${field.errorId}` : field.descriptionId}
      />
    </Field>
  );
}

function VisibilitySelect({ field }: { field: Parameters<typeof getSelectProps>[0] }) {
  const t = useT();
  return (
    <Field field={field} label={t("documents.field.visibility")} hint={t("documents.visibilityHint")}>
      <select {...getSelectProps(field)}>
        {VISIBILITIES.map((v) => (
          <option key={v} value={v}>
            {t(`documents.visibility.${v}`)}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function UploadForm({ reply }: { reply: FormReply }) {
  const t = useT();
  const [form, fields] = useForm({
    id: "document-upload",
    lastResult: lastResultFor(reply, "upload"),
    defaultValue: { kind: "OTHER", visibility: "INTERNAL" },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: UploadFormSchema }),
  });
  return (
    <Form method="post" encType="multipart/form-data" className="form card" {...getFormProps(form)}>
      <h2 id="upload-heading">{t("documents.upload.heading")}</h2>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="upload" />
      <Field field={fields.title} label={t("documents.field.title")} hint={t("documents.field.titleHint")}>
        <input {...getInputProps(fields.title, { type: "text" })} maxLength={200} autoComplete="off" />
      </Field>
      <div className="form-row">
        <Field field={fields.kind} label={t("documents.field.kind")}>
          <select {...getSelectProps(fields.kind)}>
            {DOCUMENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`documents.kind.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <VisibilitySelect field={fields.visibility} />
      </div>
      <FileInput field={fields.file} />
      <div>
        <button type="submit" className="button">
          {t("documents.upload.submit")}
        </button>
      </div>
    </Form>
  );
}

export function NewVersionForm({ reply }: { reply: FormReply }) {
  const t = useT();
  const [form, fields] = useForm({
    id: "document-new-version",
    lastResult: lastResultFor(reply, "newVersion"),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewVersionFormSchema }),
  });
  return (
    <Form method="post" encType="multipart/form-data" className="form card" {...getFormProps(form)}>
      <h2>{t("documents.newVersion.heading")}</h2>
      <p className="muted">{t("documents.newVersion.hint")}</p>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="newVersion" />
      <FileInput field={fields.file} />
      <div>
        <button type="submit" className="button">
          {t("documents.newVersion.submit")}
        </button>
      </div>
    </Form>
  );
}

export function EditDocumentForm({
  reply,
  document,
}: {
  reply: FormReply;
  document: { title: string; visibility: Visibility; updatedAt: string };
}) {
  const t = useT();
  const [form, fields] = useForm({
    // A new updatedAt (after a save) is a new form, so its hidden lock value follows.
    id: `document-edit-${document.updatedAt}`,
    lastResult: lastResultFor(reply, "edit"),
    defaultValue: document,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EditDocumentSchema }),
  });
  return (
    <Form method="post" className="form card" {...getFormProps(form)}>
      <h2>{t("documents.edit.heading")}</h2>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="updatedAt" value={document.updatedAt} />
      <Field field={fields.title} label={t("documents.field.title")}>
        <input {...getInputProps(fields.title, { type: "text" })} maxLength={200} autoComplete="off" />
      </Field>
      <VisibilitySelect field={fields.visibility} />
      <div>
        <button type="submit" name="intent" value="edit" className="button">
          {t("common.save")}
        </button>
      </div>
    </Form>
  );
}

export function DeleteDocumentForm({ reply }: { reply: FormReply }) {
  const t = useT();
  const [form, fields] = useForm({
    id: "document-delete",
    lastResult: lastResultFor(reply, "delete"),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DeleteDocumentSchema }),
  });
  return (
    <Form method="post" className="form card" {...getFormProps(form)}>
      <h2>{t("documents.delete.heading")}</h2>
      <p>{t("documents.delete.explain")}</p>
      <FormErrors id={form.errorId} errors={form.errors} />
      <div className="field">
        <label className="checkbox">
          <input {...getInputProps(fields.confirm, { type: "checkbox" })} />
          {t("documents.delete.confirm")}
        </label>
        <ErrorList id={fields.confirm.errorId} errors={fields.confirm.errors} />
      </div>
      <div>
        <button type="submit" name="intent" value="delete" className="button button--danger">
          {t("documents.delete.submit")}
        </button>
      </div>
    </Form>
  );
}

const PILL: Record<Visibility, string> = { INTERNAL: "pill pill--muted", SHARED: "pill", PUBLIC: "pill pill--ok" };

export function VisibilityPill({ visibility }: { visibility: Visibility }) {
  const t = useT();
  return <span className={PILL[visibility]}>{t(`documents.visibility.${visibility}`)}</span>;
}
