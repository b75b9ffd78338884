// An audit event's JSON summary as short label/value lines for the audit trail. Pure module.
const MAX = 160;

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "–";
  const text = typeof value === "object" ? JSON.stringify(value) : String(value);
  return text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text;
}

export function auditSummaryParts(summary: string | null): { label: string; value: string }[] {
  if (!summary) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(summary);
  } catch {
    return [{ label: "summary", value: show(summary) }];
  }
  if (!parsed || typeof parsed !== "object") return [{ label: "summary", value: show(parsed) }];
  const parts: { label: string; value: string }[] = [];
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (key === "changes" && value && typeof value === "object") {
      for (const [field, pair] of Object.entries(value as Record<string, unknown>)) {
        const [before, after] = Array.isArray(pair) ? pair : [undefined, pair];
        parts.push({ label: field, value: `${show(before)} → ${show(after)}` });
      }
    } else {
      parts.push({ label: key, value: show(value) });
    }
  }
  return parts;
}
