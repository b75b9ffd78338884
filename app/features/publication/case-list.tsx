// The accessible list of the same cases as the map: headings with links, facts as text,
// and (with JavaScript) a button that shows the case on the map.
import { Link } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useT } from "~/platform/i18n/use-t";
import type { CaseListItem } from "./map-data";

type Props = {
  items: CaseListItem[];
  selected: string | null;
  onShowOnMap: ((slug: string) => void) | null;
  newTab?: boolean;
};

export function CaseList({ items, selected, onShowOnMap, newTab = false }: Props) {
  const t = useT();
  const listRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (!selected) return;
    listRef.current?.querySelector(`[data-slug="${CSS.escape(selected)}"]`)?.scrollIntoView({ block: "nearest" });
  }, [selected]);
  if (items.length === 0) return <p className="case-list__empty">{t("publication.list.empty")}</p>;
  return (
    <ol ref={listRef} className="case-list" data-testid="case-list">
      {items.map((item) => {
        const isSelected = item.slug === selected;
        return (
          <li key={item.slug} data-slug={item.slug} className={isSelected ? "case-list__item is-selected" : "case-list__item"} aria-current={isSelected ? "true" : undefined}>
            <h3 className="case-list__title">
              <Link to={item.url} target={newTab ? "_blank" : undefined} rel={newTab ? "noopener" : undefined}>
                {item.title}
              </Link>
            </h3>
            <p className="case-list__meta">
              {item.municipality} ({item.province}) · {t(`publication.function.${item.functionCategory}`)} · {item.completionYear}
              {isSelected ? <span className="visually-hidden"> · {t("publication.list.selected")}</span> : null}
            </p>
            {onShowOnMap ? (
              <button
                type="button"
                className="link-button case-list__show"
                aria-label={t("publication.list.showOnMapFor", { title: item.title })}
                aria-pressed={isSelected}
                onClick={() => onShowOnMap(item.slug)}
              >
                {t("publication.list.showOnMap")}
              </button>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
