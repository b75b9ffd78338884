// Form building blocks for conform forms: a labelled field with its errors, announced to
// screen readers and tied to the input with aria-describedby.
import type { FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { translate } from "~/platform/i18n/catalogue";
import { useLocale } from "~/platform/i18n/use-t";
import { decodeMessage } from "~/platform/validation";

export function useErrorText() {
  const locale = useLocale();
  return (message: string) => {
    const { key, params } = decodeMessage(message);
    return translate(locale, key, params);
  };
}

export function ErrorList({ id, errors }: { id?: string; errors?: string[] | null }) {
  const text = useErrorText();
  if (!errors?.length) return null;
  return (
    <div id={id} className="field__error" role="alert">
      {errors.map((e) => (
        <p key={e} className="field__error">
          {text(e)}
        </p>
      ))}
    </div>
  );
}

export function Field({
  field,
  label,
  hint,
  children,
}: {
  field: Pick<FieldMetadata<unknown>, "id" | "errorId" | "descriptionId" | "errors">;
  label: ReactNode;
  hint?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <span id={field.descriptionId} className="field__hint">
          {hint}
        </span>
      ) : null}
      {children}
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

/** Form-level errors (conform's form.errors), shown above the fields. */
export function FormErrors({ id, errors }: { id?: string; errors?: string[] | null }) {
  const text = useErrorText();
  if (!errors?.length) return null;
  return (
    <div id={id} className="alert alert--error" role="alert">
      {errors.map((e) => (
        <p key={e} style={{ margin: 0 }}>
          {text(e)}
        </p>
      ))}
    </div>
  );
}
