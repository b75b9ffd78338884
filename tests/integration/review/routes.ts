// Calls the review routes exactly as the server does, with a session cookie (or none).
import { action as reviewAction, loader as reviewLoader } from "~/routes/beoordelingen.$versionId";
import { loader as waitingLoader } from "~/routes/beoordelingen._index";
import { loader as homeLoader } from "~/routes/gemeente";
import { callRoute, makeRequest } from "../../helpers/auth";

export function openReview(versionId: string, cookie: string | null) {
  return callRoute(() => reviewLoader({ request: makeRequest(`/beoordelingen/${versionId}`, { cookie }), params: { versionId }, context: {} }));
}

export function postReview(versionId: string, cookie: string | null, form: Record<string, string>) {
  return callRoute(() => reviewAction({ request: makeRequest(`/beoordelingen/${versionId}`, { cookie, form }), params: { versionId }, context: {} }));
}

export function openHome(cookie: string | null) {
  return callRoute(() => homeLoader({ request: makeRequest("/gemeente", { cookie }), params: {}, context: {} }));
}

export function openWaiting(cookie: string | null) {
  return callRoute(() => waitingLoader({ request: makeRequest("/beoordelingen", { cookie }), params: {}, context: {} }));
}

/** The form error keys of a conform reply, per field ("" = form level). */
export function errorsOf(data: unknown): Record<string, string[]> {
  return ((data as { result?: { error?: Record<string, string[]> } } | null)?.result?.error ?? {}) as Record<string, string[]>;
}
