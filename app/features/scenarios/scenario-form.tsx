// The scenario form (create and edit): name, description, new function and the programme
// rows, added and removed with conform's list intents so it works without JavaScript.
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { Field, FormErrors } from "~/components/forms";
import { numberText } from "~/features/simulation/editor-schema";
import { useT } from "~/platform/i18n/use-t";
import { FUNCTION_CATEGORIES, type ProgrammeRow, ScenarioEditSchema, ScenarioSchema } from "./schemas";

export function parseNewScenario(formData: FormData) {
  return parseWithZod(formData, { schema: ScenarioSchema, disableAutoCoercion: true });
}

export function parseScenarioEdit(formData: FormData) {
  return parseWithZod(formData, { schema: ScenarioEditSchema, disableAutoCoercion: true });
}

type Shape = {
  name: string;
  description: string;
  functionCategory: string;
  version: string;
  programme: { function: string; areaM2: string }[];
};

export function ScenarioForm({
  formId,
  intent,
  lastResult,
  initial,
  submitLabel,
}: {
  formId: string;
  intent: string;
  lastResult?: SubmissionResult<string[]> | null;
  initial?: { name: string; description: string | null; functionCategory: string; programme: ProgrammeRow[]; version: number };
  submitLabel: string;
}) {
  const t = useT();
  const edit = initial !== undefined;
  const [form, fields] = useForm<Shape>({
    id: formId,
    lastResult,
    defaultValue: initial
      ? {
          name: initial.name,
          description: initial.description ?? "",
          functionCategory: initial.functionCategory,
          version: String(initial.version),
          programme: initial.programme.map((p) => ({ function: p.function, areaM2: numberText(p.areaM2) })),
        }
      : { functionCategory: "CULTURE", programme: [] },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    // The form's own shape is text; the parsed value is the schema's output.
    onValidate: ({ formData }) => (edit ? parseScenarioEdit(formData) : parseNewScenario(formData)) as never,
  });
  const rows = fields.programme.getFieldList();
  const { key: nameKey, ...nameProps } = getInputProps(fields.name, { type: "text" });
  const { key: descKey, ...descProps } = getTextareaProps(fields.description);
  const { key: catKey, ...catProps } = getSelectProps(fields.functionCategory);
  return (
    <Form method="post" className="form form--wide" {...getFormProps(form)} data-testid={formId}>
      <button type="submit" name="intent" value={intent} className="default-submit" tabIndex={-1} aria-hidden="true">
        {submitLabel}
      </button>
      <FormErrors id={form.errorId} errors={form.errors} />
      {edit ? <input type="hidden" name={fields.version.name} value={initial.version} /> : null}
      <div className="form-row">
        <Field field={fields.name} label={t("scenarios.field.name")}>
          <input key={nameKey} {...nameProps} autoComplete="off" />
        </Field>
        <Field field={fields.functionCategory} label={t("scenarios.field.functionCategory")}>
          <select key={catKey} {...catProps}>
            {FUNCTION_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`scenarios.function.${c}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field field={fields.description} label={t("scenarios.field.description")}>
        <textarea key={descKey} {...descProps} rows={3} />
      </Field>
      <fieldset className="field">
        <legend>{t("scenarios.field.programme")}</legend>
        <p className="field__hint">{t("scenarios.programme.hint")}</p>
        {rows.map((row, index) => {
          const r = row.getFieldset();
          const { key: fk, ...fp } = getInputProps(r.function, { type: "text" });
          const { key: ak, ...ap } = getInputProps(r.areaM2, { type: "text" });
          return (
            <div key={row.key} className="form-row" role="group" aria-label={t("scenarios.programme.row", { n: index + 1 })}>
              <Field field={r.function} label={t("scenarios.programme.function")}>
                <input key={fk} {...fp} autoComplete="off" />
              </Field>
              <Field field={r.areaM2} label={t("scenarios.programme.areaM2")}>
                <input key={ak} {...ap} inputMode="decimal" autoComplete="off" />
              </Field>
              <div className="field" style={{ justifyContent: "flex-end" }}>
                <button
                  className="button button--secondary button--small"
                  {...form.remove.getButtonProps({ name: fields.programme.name, index })}
                  aria-label={t("scenarios.programme.removeRow", { n: index + 1 })}
                >
                  {t("simulation.editor.remove")}
                </button>
              </div>
            </div>
          );
        })}
        <div>
          <button
            className="button button--secondary button--small"
            {...form.insert.getButtonProps({ name: fields.programme.name, defaultValue: { function: "", areaM2: "" } })}
          >
            {t("scenarios.programme.addRow")}
          </button>
        </div>
      </fieldset>
      <div>
        <button type="submit" name="intent" value={intent} className="button">
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}
