// A version's status as a coloured pill (text, not colour alone, carries the meaning).
import { useT } from "~/platform/i18n/use-t";

const TONE: Record<string, string> = {
  DRAFT: "pill--muted",
  SUBMITTED: "",
  APPROVED: "pill--ok",
  CHANGES_REQUESTED: "pill--warn",
  SUPERSEDED: "pill--muted",
};

export function StatusPill({ status }: { status: string }) {
  const t = useT();
  return (
    <span className={`pill ${TONE[status] ?? ""}`} data-testid="version-status">
      {t(`scenarios.status.${status}`)}
    </span>
  );
}
