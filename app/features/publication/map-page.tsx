// The map page's body, shared by /kaart and the embeddable /embed/kaart: filters, the map
// and the list of the same cases side by side (on a phone: a toggle; without JavaScript:
// the list). Selecting a case in one highlights it in the other.
import { Link, useNavigate } from "@remix-run/react";
import { useCallback, useEffect, useState } from "react";
import { useT } from "~/platform/i18n/use-t";
import { CaseFiltersForm } from "./case-filters";
import { CaseList } from "./case-list";
import { CaseMap } from "./case-map";
import { type CaseFilters, filtersToSearchParams } from "./filters";
import { type MapPageData, PAGE_SIZE } from "./map-data";

function pageHref(path: string, filters: CaseFilters, page: number) {
  const params = filtersToSearchParams(filters);
  if (page > 1) params.set("pagina", String(page));
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

export function MapPage({ data, path, embedded = false }: { data: MapPageData; path: string; embedded?: boolean }) {
  const t = useT();
  const navigate = useNavigate();
  const [hydrated, setHydrated] = useState(false);
  const [view, setView] = useState<"map" | "list">("list");
  const [selected, setSelected] = useState<string | null>(null);
  useEffect(() => setHydrated(true), []);

  const query = filtersToSearchParams(data.filters).toString();
  const dataUrl = `/api/cases.geojson${query ? `?${query}` : ""}`;

  // A marker of a case on another page of the list: go to that page, then highlight it.
  const selectFromMap = useCallback(
    (slug: string, index: number) => {
      setSelected(slug);
      const page = Math.floor(index / PAGE_SIZE) + 1;
      if (page !== data.page) navigate(pageHref(path, data.filters, page), { preventScrollReset: true, replace: true });
    },
    [data.page, data.filters, navigate, path],
  );
  const showOnMap = useCallback((slug: string) => {
    setSelected(slug);
    setView("map");
  }, []);

  const countText = data.total === 1 ? t("publication.list.countOne") : t("publication.list.count", { count: data.total });
  return (
    <div className={`case-explorer case-explorer--${hydrated ? view : "list"}${embedded ? " case-explorer--embedded" : ""}`}>
      {/* Starts the markers' download while the scripts load (same request as CaseMap's fetch). */}
      <link rel="preload" href={dataUrl} as="fetch" crossOrigin="anonymous" />
      <CaseFiltersForm filters={data.filters} options={data.options} action={path} />
      <div className="case-explorer__bar">
        <p className="case-explorer__count" role="status" data-testid="case-count">
          {countText}
        </p>
        {hydrated ? (
          <div className="case-explorer__toggle" role="group" aria-label={t("publication.view.label")}>
            <button type="button" className="button button--small button--secondary" aria-pressed={view === "map"} onClick={() => setView("map")}>
              {t("publication.view.map")}
            </button>
            <button type="button" className="button button--small button--secondary" aria-pressed={view === "list"} onClick={() => setView("list")}>
              {t("publication.view.list")}
            </button>
          </div>
        ) : null}
      </div>
      <div className="case-explorer__panels">
        <div className="case-explorer__map">
          {hydrated ? (
            <CaseMap dataUrl={dataUrl} selected={selected} onSelect={selectFromMap} newTab={embedded} visible={view === "map"} />
          ) : (
            <p className="case-map__status">{t("publication.map.noScript")}</p>
          )}
        </div>
        <section className="case-explorer__list" aria-labelledby="case-list-title">
          <h2 id="case-list-title">{t("publication.list.title")}</h2>
          <CaseList items={data.items} selected={selected} onShowOnMap={hydrated ? showOnMap : null} newTab={embedded} />
          {data.pages > 1 ? (
            <nav className="pagination" aria-label={t("publication.list.pagination")}>
              {data.page > 1 ? (
                <Link to={pageHref(path, data.filters, data.page - 1)} rel="prev" preventScrollReset>
                  ← {t("common.previous")}
                </Link>
              ) : (
                <span />
              )}
              <span>{t("publication.list.page", { page: data.page, pages: data.pages })}</span>
              {data.page < data.pages ? (
                <Link to={pageHref(path, data.filters, data.page + 1)} rel="next" preventScrollReset>
                  {t("common.next")} →
                </Link>
              ) : (
                <span />
              )}
            </nav>
          ) : null}
        </section>
      </div>
    </div>
  );
}
