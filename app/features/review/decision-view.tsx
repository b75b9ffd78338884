// The decision on a version: the recorded one (who, when, the hash it is pinned to), the
// form for the municipality while the version waits, or why there is nothing to decide.
import { getFormProps, getTextareaProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { ErrorList, Field, FormErrors } from "~/components/forms";
import { formatDateTime } from "~/platform/i18n/format";
import { useLocale, useT } from "~/platform/i18n/use-t";
import { DecisionSchema, DECISIONS, REASON_MAX } from "./schemas";

export type RecordedDecision = { decision: string; reason: string | null; at: Date | string; hash: string; by: string; nisCode: string };

type Props = {
  review: RecordedDecision | null;
  canDecide: boolean;
  isStaff: boolean;
  closedReason: string | null;
  lastResult: SubmissionResult<string[]> | undefined;
};

export function DecisionView({ review, canDecide, isStaff, closedReason, lastResult }: Props) {
  const t = useT();
  const locale = useLocale();
  if (review) {
    return (
      <>
        {/* A refused second decision (someone decided first): say so above the decision that stands. */}
        <FormErrors errors={lastResult?.error?.[""]} />
        <div className={review.decision === "APPROVED" ? "alert alert--ok" : "alert alert--warn"} data-testid="decision">
          <p style={{ margin: 0 }}>
            <strong>{t(`review.decision.${review.decision}`)}</strong> · {t("review.decision.byAt", { name: review.by, date: formatDateTime(review.at, locale) })}
          </p>
          {review.reason ? <p>{t("review.decision.reasonShown", { reason: review.reason })}</p> : null}
          <p className="review-hash">
            {t("review.decision.pinned")} <code>{review.hash}</code>
          </p>
        </div>
      </>
    );
  }
  if (canDecide) return <DecisionForm lastResult={lastResult} />;
  return <p className="muted">{t(isStaff ? "review.decision.staffCannot" : (closedReason ?? "review.decision.notOpen"))}</p>;
}

function DecisionForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const t = useT();
  const [form, fields] = useForm({
    // Unique on the page: conform finds its form element by this id.
    id: "decision-form",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DecisionSchema }),
  });
  const chosen = fields.decision.initialValue;
  return (
    <Form method="post" className="form card" {...getFormProps(form)} aria-labelledby="decision-form-title" data-testid="decision-form">
      <h3 id="decision-form-title">{t("review.decision.formTitle")}</h3>
      <p className="field__hint">{t("review.decision.final")}</p>
      <input type="hidden" name="intent" value="decide" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <fieldset className="field" aria-describedby={fields.decision.errors ? fields.decision.errorId : undefined}>
        <legend>{t("review.decision.choose")}</legend>
        {DECISIONS.map((d) => (
          <div key={d} className="checkbox">
            <input type="radio" id={`${fields.decision.id}-${d}`} name={fields.decision.name} value={d} defaultChecked={chosen === d} />
            <label htmlFor={`${fields.decision.id}-${d}`}>{t(`review.decision.option.${d}`)}</label>
          </div>
        ))}
        <ErrorList id={fields.decision.errorId} errors={fields.decision.errors} />
      </fieldset>
      <Field field={fields.reason} label={t("review.decision.reason")} hint={t("review.decision.reasonHint")}>
        <textarea {...getTextareaProps(fields.reason)} rows={4} maxLength={REASON_MAX} />
      </Field>
      <div>
        <button type="submit" className="button">
          {t("review.decision.submit")}
        </button>
      </div>
    </Form>
  );
}
