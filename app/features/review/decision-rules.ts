// When a version can be decided on. Pure; the decision function checks it again inside its
// transaction, and the page uses it to show the form or say why there is none.

/** The message key saying why a version in this status cannot be decided on; null when it can. */
export function decisionRefusal(status: string, hasReview: boolean): string | null {
  if (hasReview || status === "APPROVED" || status === "CHANGES_REQUESTED") return "review.refused.alreadyDecided";
  if (status === "SUPERSEDED") return "review.refused.superseded";
  if (status !== "SUBMITTED") return "review.refused.notSubmitted";
  return null;
}
