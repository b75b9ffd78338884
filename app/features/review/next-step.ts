// What happens next in a dossier, in plain words for the municipality, per phase. Pure.
import type { Phase } from "~/features/dossiers/phases";

export function nextStepKey(phase: Phase, options: { waitingForReview?: boolean } = {}): string {
  // A version waiting for their decision is the municipality's own next step, whatever the phase.
  if (options.waitingForReview) return "review.nextStep.decide";
  return `review.nextStep.${phase}`;
}
