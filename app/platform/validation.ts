// zod messages as message keys, so one schema serves the browser and the server and the
// user reads the error in their own language. A key may carry parameters:
// "error.tooLong?max=200" (see encodeMessage / decodeMessage).
import { z } from "zod";

export function encodeMessage(key: string, params?: Record<string, string | number>): string {
  if (!params || Object.keys(params).length === 0) return key;
  return `${key}?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString()}`;
}

export function decodeMessage(message: string): { key: string; params: Record<string, string> } {
  const [key, query] = message.split("?", 2);
  return { key, params: query ? Object.fromEntries(new URLSearchParams(query)) : {} };
}

let configured = false;

/** Installs the default message keys for zod's own issue codes (once per process/page). */
export function configureZodMessages() {
  if (configured) return;
  configured = true;
  z.config({
    customError: (issue) => {
      switch (issue.code) {
        case "invalid_type":
          if (issue.input === undefined || issue.input === null || issue.input === "") return "error.required";
          if (issue.expected === "number") return "error.invalidNumber";
          if (issue.expected === "date") return "error.invalidDate";
          return "error.invalid";
        case "too_small":
          if (issue.origin === "string") {
            return Number(issue.minimum) <= 1 ? "error.required" : encodeMessage("error.tooShort", { min: Number(issue.minimum) });
          }
          return "error.invalid";
        case "too_big":
          if (issue.origin === "string") return encodeMessage("error.tooLong", { max: Number(issue.maximum) });
          return "error.invalid";
        case "invalid_format":
          if (issue.format === "email") return "error.invalidEmail";
          return "error.invalid";
        case "invalid_value":
          return "error.invalidChoice";
        default:
          return undefined;
      }
    },
  });
}

configureZodMessages();

export { z };
