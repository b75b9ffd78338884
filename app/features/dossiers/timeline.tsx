// The dossier's phase moves, newest first: who, when, from → to, why.
import { formatDateTime } from "~/platform/i18n/format";
import { useLocale, useT } from "~/platform/i18n/use-t";
import type { Phase } from "./phases";

export type TimelineEntry = {
  id: string;
  fromPhase: Phase | null;
  toPhase: Phase;
  reason: string | null;
  at: Date | string;
  by: { name: string } | null;
};

export function PhaseTimeline({ entries }: { entries: TimelineEntry[] }) {
  const t = useT();
  const locale = useLocale();
  if (entries.length === 0) return <p className="muted">{t("dossiers.timeline.empty")}</p>;
  return (
    <ol className="timeline" data-testid="timeline">
      {entries.map((e) => (
        <li key={e.id}>
          <strong>
            {e.fromPhase
              ? t("dossiers.timeline.move", { from: t(`dossiers.phase.${e.fromPhase}`), to: t(`dossiers.phase.${e.toPhase}`) })
              : t("dossiers.timeline.opened", { to: t(`dossiers.phase.${e.toPhase}`) })}
          </strong>
          <div className="timeline__when">
            {t("dossiers.timeline.byAt", { name: e.by?.name ?? t("dossiers.timeline.unknownUser"), at: formatDateTime(e.at, locale) })}
          </div>
          {e.reason ? (
            <p className="timeline__reason">
              <span className="visually-hidden">{t("dossiers.move.reason")}: </span>
              {e.reason}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
