// Small helpers the scenario routes share: params, refusals as a 409 notice.
import { data } from "@remix-run/node";
import { isRefusal } from "./errors";

export function param(params: Record<string, string | undefined>, name: string): string {
  return params[name] ?? "";
}

/**
 * Runs a change; a refusal (stale edit, frozen version, archived scenario) becomes a 409 with
 * its message key, carrying `result` (the form state) so what was typed is kept.
 */
export async function refusalAs409<T, R = null>(run: () => Promise<T>, result: R = null as R) {
  try {
    return await run();
  } catch (error) {
    if (isRefusal(error)) return data({ result, notice: { key: error.messageKey, tone: "error" as const } }, { status: 409 });
    throw error;
  }
}
