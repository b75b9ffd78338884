// The phase moves on offer: one small form per move (intent=move, to, the dossier's
// version, a reason where the move needs one). A move that is not possible yet is shown with
// the plain-words reason instead of a working button.
import { Form } from "@remix-run/react";
import { useT } from "~/platform/i18n/use-t";
import type { TransitionOption } from "./phases";

export type MoveFeedback = { to: string; error: string } | null;

export function PhaseMoves({ options, version, feedback }: { options: TransitionOption[]; version: number; feedback: MoveFeedback }) {
  const t = useT();
  if (options.length === 0) return <p className="muted">{t("dossiers.move.none")}</p>;
  return (
    <div className="moves">
      {options.map((option) => {
        const toLabel = t(`dossiers.phase.${option.to}`);
        const error = feedback?.to === option.to ? feedback.error : null;
        const reasonId = `move-reason-${option.to}`;
        const errorId = `move-error-${option.to}`;
        if (!option.verdict.allowed) {
          return (
            <div key={option.to} className="move move--refused" data-testid={`move-${option.to}`}>
              <button type="button" className="button button--secondary" disabled aria-describedby={`move-refused-${option.to}`}>
                {t(`dossiers.move.kind.${option.kind}`, { phase: toLabel })}
              </button>
              <p className="move__reason" id={`move-refused-${option.to}`}>
                {t("dossiers.move.notYet")} {t(option.verdict.reason.key, option.verdict.reason.params)}
              </p>
            </div>
          );
        }
        return (
          <Form key={option.to} method="post" className="move" data-testid={`move-${option.to}`}>
            <input type="hidden" name="intent" value="move" />
            <input type="hidden" name="to" value={option.to} />
            <input type="hidden" name="version" value={version} />
            {option.requiresReason ? (
              <div className="field">
                <label htmlFor={reasonId}>
                  {t("dossiers.move.reasonFor", { phase: toLabel })} ({t("common.required")})
                </label>
                <textarea
                  id={reasonId}
                  name="reason"
                  rows={2}
                  required
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? errorId : undefined}
                />
              </div>
            ) : null}
            {error ? (
              <p id={errorId} className="field__error" role="alert">
                {t(error)}
              </p>
            ) : null}
            <div>
              <button
                type="submit"
                className={option.kind === "stop" || option.kind === "reject" ? "button button--danger" : option.kind === "forward" || option.kind === "resume" ? "button" : "button button--secondary"}
              >
                {t(`dossiers.move.kind.${option.kind}`, { phase: toLabel })}
              </button>
            </div>
          </Form>
        );
      })}
    </div>
  );
}
