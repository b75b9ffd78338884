// The simulation editor: every input of the contract, rows to add and remove (conform's list
// intents, plain submit buttons, so they work without JavaScript), per-field errors, and
// results that follow the typed values when JavaScript runs (the engine is pure).
import {
  type FieldMetadata,
  type FormMetadata,
  getFormProps,
  getInputProps,
  getSelectProps,
  type SubmissionResult,
  useForm,
} from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { type ReactNode, useMemo } from "react";
import { Field, FormErrors } from "~/components/forms";
import { useT } from "~/platform/i18n/use-t";
import { editorSchema, inputToForm, NEW_ROWS } from "./editor-schema";
import { simulate } from "./engine";
import { formatMetric, Results } from "./results";
import {
  INVESTMENT_CATEGORIES,
  LOAN_TYPES,
  OPERATING_COST_CATEGORIES,
  REVENUE_CATEGORIES,
  type SimulationInput,
  VAT_RATES,
} from "./schema";

type Text = string | undefined;
type EditorShape = {
  startYear: Text;
  horizonYears: Text;
  discountRatePct: Text;
  vatRecoverable: Text;
  equity: Text;
  residualValue: Text;
  hasSubsidy: Text;
  subsidy: { label: Text; ratePct: Text; baseUpliftPct: Text; delayYears: Text; cap: Text };
  investments: { label: Text; category: Text; amount: Text; vatPct: Text; yearOffset: Text; subsidyEligible: Text }[];
  grants: { label: Text; amount: Text; yearOffset: Text }[];
  loans: { label: Text; principal: Text; ratePct: Text; termYears: Text; type: Text; yearOffset: Text }[];
  revenues: { label: Text; category: Text; amount: Text; indexationPct: Text; occupancyPct: Text; fromYear: Text; untilYear: Text }[];
  operatingCosts: { label: Text; category: Text; amount: Text; indexationPct: Text; fromYear: Text; untilYear: Text }[];
};

type AnyField = FieldMetadata<Text, EditorShape, string[]>;

export function parseEditorForm(formData: FormData) {
  return parseWithZod(formData, { schema: editorSchema, disableAutoCoercion: true });
}

/** A text input for numbers: accepts "1.234,56" as well as "1234.56". */
function NumberField({ field, label, hint, wide }: { field: AnyField; label: string; hint?: ReactNode; wide?: boolean }) {
  const { key, ...props } = getInputProps(field, { type: "text", ariaDescribedBy: hint ? field.descriptionId : undefined });
  return (
    <div className={wide ? "field--wide" : undefined}>
      <Field field={field} label={label} hint={hint}>
        <input key={key} {...props} inputMode="decimal" autoComplete="off" />
      </Field>
    </div>
  );
}

function TextField({ field, label, wide = true }: { field: AnyField; label: string; wide?: boolean }) {
  const { key, ...props } = getInputProps(field, { type: "text" });
  return (
    <div className={wide ? "field--wide" : undefined}>
      <Field field={field} label={label}>
        <input key={key} {...props} autoComplete="off" />
      </Field>
    </div>
  );
}

function SelectField({ field, label, options }: { field: AnyField; label: string; options: { value: string; label: string }[] }) {
  const { key, ...props } = getSelectProps(field);
  return (
    <Field field={field} label={label}>
      <select key={key} {...props}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

function CheckboxField({ field, label }: { field: AnyField; label: string }) {
  const { key, ...props } = getInputProps(field, { type: "checkbox" });
  return (
    <div className="field">
      <label className="checkbox" htmlFor={field.id}>
        <input key={key} {...props} /> {label}
      </label>
    </div>
  );
}

type ListName = "investments" | "grants" | "loans" | "revenues" | "operatingCosts";

/** One list of rows with its add button and a remove button per row. */
type ListField = FieldMetadata<Record<string, Text>[], EditorShape, string[]>;

function RowList({
  form,
  list,
  field,
  renderRow,
}: {
  form: FormMetadata<EditorShape, string[]>;
  list: ListName;
  field: unknown;
  renderRow: (row: Record<string, AnyField>, index: number) => ReactNode;
}) {
  const t = useT();
  const listField = field as ListField;
  const rows = listField.getFieldList();
  const title = t(`simulation.field.${list}`);
  return (
    <fieldset data-testid={`list-${list}`}>
      <legend>{title}</legend>
      {rows.length === 0 ? <p className="muted">{t("simulation.editor.noRows")}</p> : null}
      {rows.map((row, index) => {
        const fields = row.getFieldset() as unknown as Record<string, AnyField>;
        return (
          <div key={row.key} className="sim-row" role="group" aria-labelledby={`${row.id}-title`}>
            <div className="sim-row__head">
              <h3 id={`${row.id}-title`}>{t("simulation.editor.rowTitle", { list: title, n: index + 1 })}</h3>
              <button
                className="button button--secondary button--small"
                {...form.remove.getButtonProps({ name: listField.name, index })}
                aria-label={t("simulation.editor.removeRow", { list: title, n: index + 1 })}
              >
                {t("simulation.editor.remove")}
              </button>
            </div>
            <div className="sim-fields">{renderRow(fields, index)}</div>
            <FormErrorsOf field={row as unknown as AnyField} />
          </div>
        );
      })}
      <div className="actions">
        <button
          className="button button--secondary"
          data-testid={`add-${list}`}
          {...form.insert.getButtonProps({ name: listField.name, defaultValue: { ...NEW_ROWS[list] } })}
        >
          {t("simulation.editor.addRow", { list: title })}
        </button>
      </div>
    </fieldset>
  );
}

function FormErrorsOf({ field }: { field: AnyField }) {
  return field.errors?.length ? <FormErrors id={field.errorId} errors={field.errors} /> : null;
}

export function SimulationEditor({
  formId,
  savedInput,
  lastResult,
  hiddenFields,
  canSubmit,
}: {
  formId: string;
  savedInput: SimulationInput;
  lastResult?: SubmissionResult<string[]> | null;
  hiddenFields: Record<string, string>;
  canSubmit: boolean;
}) {
  const t = useT();
  const [form, fields] = useForm<EditorShape>({
    id: formId,
    lastResult,
    defaultValue: inputToForm(savedInput) as unknown as EditorShape,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    // The form's own shape is text; the parsed value is the engine's input.
    onValidate: ({ formData }) => parseEditorForm(formData) as never,
  });

  // Results follow what is typed; while the typed input is invalid, the saved input's results stay.
  const live = useMemo(() => {
    const parsed = editorSchema.safeParse(form.value ?? {});
    return parsed.success ? { input: parsed.data, valid: true } : { input: savedInput, valid: false };
  }, [form.value, savedInput]);
  const result = useMemo(() => simulate(live.input), [live.input]);

  const cat = (prefix: string, values: readonly string[]) => values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));
  const f = (name: string) => t(`simulation.field.${name}`);
  const s = fields.subsidy.getFieldset();
  const hasSubsidy = fields.hasSubsidy.value === "on";

  return (
    <div className="sim-layout">
      <Form method="post" {...getFormProps(form)} className="sim-editor" data-testid="simulation-editor">
        {/* Enter in a field saves, instead of pressing the first (remove) button of the form. */}
        <button type="submit" name="intent" value="save" className="default-submit" tabIndex={-1} aria-hidden="true">
          {t("common.save")}
        </button>
        {Object.entries(hiddenFields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <FormErrors id={form.errorId} errors={form.errors} />
        {form.status === "error" ? (
          <div className="alert alert--error" role="alert">
            {t("common.formHasErrors")}
          </div>
        ) : null}

        <fieldset>
          <legend>{t("simulation.editor.general")}</legend>
          <div className="sim-fields">
            <NumberField field={fields.startYear} label={f("startYear")} />
            <NumberField field={fields.horizonYears} label={f("horizonYears")} />
            <NumberField field={fields.discountRatePct} label={f("discountRatePct")} />
            <NumberField field={fields.equity} label={f("equity")} />
            <NumberField field={fields.residualValue} label={f("residualValue")} />
            <CheckboxField field={fields.vatRecoverable} label={f("vatRecoverable")} />
          </div>
        </fieldset>

        <RowList
          form={form}
          list="investments"
          field={fields.investments}
          renderRow={(r) => (
            <>
              <TextField field={r.label} label={f("investments.label")} />
              <SelectField field={r.category} label={f("investments.category")} options={cat("simulation.category", INVESTMENT_CATEGORIES)} />
              <NumberField field={r.amount} label={f("investments.amount")} />
              <SelectField
                field={r.vatPct}
                label={f("investments.vatPct")}
                options={VAT_RATES.map((v) => ({ value: String(v), label: `${v} %` }))}
              />
              <NumberField field={r.yearOffset} label={f("investments.yearOffset")} />
              <CheckboxField field={r.subsidyEligible} label={f("investments.subsidyEligible")} />
            </>
          )}
        />

        <fieldset data-testid="subsidy-block">
          <legend>{f("subsidy")}</legend>
          <CheckboxField field={fields.hasSubsidy} label={t("simulation.editor.hasSubsidy")} />
          {/* Always in the form, so what was typed is kept when unticked; it only counts when ticked. */}
          <div className="sim-fields">
            <TextField field={s.label} label={f("subsidy.label")} />
            <NumberField field={s.ratePct} label={f("subsidy.ratePct")} />
            <NumberField field={s.baseUpliftPct} label={f("subsidy.baseUpliftPct")} />
            <NumberField field={s.delayYears} label={f("subsidy.delayYears")} />
            <NumberField field={s.cap} label={f("subsidy.cap")} hint={t("simulation.editor.capHint")} />
          </div>
          {!hasSubsidy ? <p className="muted">{t("simulation.editor.subsidyOff")}</p> : null}
        </fieldset>

        <RowList
          form={form}
          list="grants"
          field={fields.grants}
          renderRow={(r) => (
            <>
              <TextField field={r.label} label={f("grants.label")} />
              <NumberField field={r.amount} label={f("grants.amount")} />
              <NumberField field={r.yearOffset} label={f("grants.yearOffset")} />
            </>
          )}
        />

        <RowList
          form={form}
          list="loans"
          field={fields.loans}
          renderRow={(r) => (
            <>
              <TextField field={r.label} label={f("loans.label")} />
              <NumberField field={r.principal} label={f("loans.principal")} />
              <NumberField field={r.ratePct} label={f("loans.ratePct")} />
              <NumberField field={r.termYears} label={f("loans.termYears")} />
              <SelectField field={r.type} label={f("loans.type")} options={cat("simulation.loanType", LOAN_TYPES)} />
              <NumberField field={r.yearOffset} label={f("loans.yearOffset")} />
            </>
          )}
        />

        <RowList
          form={form}
          list="revenues"
          field={fields.revenues}
          renderRow={(r) => (
            <>
              <TextField field={r.label} label={f("revenues.label")} />
              <SelectField field={r.category} label={f("revenues.category")} options={cat("simulation.category", REVENUE_CATEGORIES)} />
              <NumberField field={r.amount} label={f("revenues.amount")} />
              <NumberField field={r.indexationPct} label={f("revenues.indexationPct")} />
              <NumberField field={r.occupancyPct} label={f("revenues.occupancyPct")} />
              <NumberField field={r.fromYear} label={f("revenues.fromYear")} />
              <NumberField field={r.untilYear} label={f("revenues.untilYear")} hint={t("simulation.editor.untilHint")} />
            </>
          )}
        />

        <RowList
          form={form}
          list="operatingCosts"
          field={fields.operatingCosts}
          renderRow={(r) => (
            <>
              <TextField field={r.label} label={f("operatingCosts.label")} />
              <SelectField
                field={r.category}
                label={f("operatingCosts.category")}
                options={cat("simulation.category", OPERATING_COST_CATEGORIES)}
              />
              <NumberField field={r.amount} label={f("operatingCosts.amount")} />
              <NumberField field={r.indexationPct} label={f("operatingCosts.indexationPct")} />
              <NumberField field={r.fromYear} label={f("operatingCosts.fromYear")} />
              <NumberField field={r.untilYear} label={f("operatingCosts.untilYear")} hint={t("simulation.editor.untilHint")} />
            </>
          )}
        />

        <div className="actions">
          <button type="submit" name="intent" value="save" className="button" data-testid="save-draft">
            {t("simulation.editor.save")}
          </button>
          {canSubmit ? (
            <button type="submit" name="intent" value="submit" className="button button--secondary" data-testid="submit-version">
              {t("simulation.editor.submit")}
            </button>
          ) : null}
        </div>
        <p className="muted">{t("simulation.editor.submitHint")}</p>
        {/* The key figures stay in view while typing far above the results. */}
        <div className="sim-sticky" data-testid="sticky-figures">
          <span>
            {t("simulation.metric.npv")}: <strong>{formatMetric("npv", result.metrics.npv, t)}</strong>
          </span>
          <span>
            {t("simulation.metric.irrPct")}: <strong>{formatMetric("irrPct", result.metrics.irrPct, t)}</strong>
          </span>
          <span>
            {t("simulation.total.fundingGap")}: <strong>{formatMetric("fundingGap", result.totals.fundingGap, t)}</strong>
          </span>
          <a href="#live-results">{t("simulation.editor.toResults")}</a>
        </div>
      </Form>

      <section className="sim-live" aria-labelledby="live-results">
        <h3 id="live-results">{t("simulation.editor.results")}</h3>
        <p className="muted" data-testid="live-status" role="status">
          {live.valid ? t("simulation.editor.resultsLive") : t("simulation.editor.resultsStale")}
        </p>
        <Results result={result} headingLevel={4} idPrefix="live" />
      </section>
    </div>
  );
}
