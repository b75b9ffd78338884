// The public map: Leaflet with clustered markers (supercluster), loaded only in the browser.
// Nothing waits on tiles: markers come from the GeoJSON download and work on a blank map
// when the tile server cannot be reached. Every marker is focusable (Tab) and opens with
// Enter; a cluster says its count to screen readers and zooms in on Enter.
// Type-only imports: erased at build, the libraries load on demand in the effect below.
import type * as LeafletModule from "leaflet";
import { useEffect, useRef, useState } from "react";
import type Supercluster from "supercluster";
import { useRootData } from "~/components/use-root-data";
import { useT } from "~/platform/i18n/use-t";
import type { CaseFeatureProperties } from "./open-data";

type Leaflet = typeof LeafletModule;
type LeafletMap = LeafletModule.Map;
type Marker = LeafletModule.Marker;
type Index = Supercluster<CaseFeatureProperties>;
type CaseFeature = { type: "Feature"; geometry: { type: "Point"; coordinates: [number, number] }; properties: CaseFeatureProperties };

/** Flanders, for an empty selection. */
const FLANDERS: [[number, number], [number, number]] = [
  [50.68, 2.54],
  [51.51, 5.92],
];
/** Above this zoom every case has its own marker (see selecting from the list). */
const CLUSTER_MAX_ZOOM = 15;
const MAX_ZOOM = 18;

type Props = {
  dataUrl: string;
  selected: string | null;
  onSelect: (slug: string, index: number) => void;
  /** Open case links in a new tab (the embed). */
  newTab?: boolean;
  /** False while the phone layout shows the list: Leaflet must re-measure when shown. */
  visible?: boolean;
};

export function CaseMap({ dataUrl, selected, onSelect, newTab = false, visible = true }: Props) {
  const t = useT();
  const tiles = useRootData()?.mapTiles;
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<{ L: Leaflet; map: LeafletMap; render: () => void; fit: () => void; setData: (features: CaseFeature[]) => void } | null>(null);
  const featuresRef = useRef<CaseFeature[]>([]);
  const selectedRef = useRef(selected);
  const onSelectRef = useRef(onSelect);
  const tRef = useRef(t);
  // Set when the selection comes from a marker: then the map stays where it is.
  const fromMapRef = useRef(false);
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");
  // True once markers of the current data are on the map (tests and the benchmark wait on it).
  const [shown, setShown] = useState(false);
  selectedRef.current = selected;
  onSelectRef.current = onSelect;
  tRef.current = t;

  // The map itself, once.
  useEffect(() => {
    let cancelled = false;
    let teardown = () => {};
    Promise.all([import("leaflet"), import("supercluster")])
      .then(([leaflet, supercluster]) => {
        const container = containerRef.current;
        if (cancelled || !container) return;
        const L = (leaflet as unknown as { default?: Leaflet }).default ?? leaflet;
        const Cluster = supercluster.default;
        const map = L.map(container, { maxZoom: MAX_ZOOM, minZoom: 6, keyboard: true, zoomControl: true });
        map.fitBounds(FLANDERS);
        if (tiles?.url) L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: MAX_ZOOM }).addTo(map);
        const layer = L.layerGroup().addTo(map);
        let index: Index = new Cluster<CaseFeatureProperties>({ radius: 60, maxZoom: CLUSTER_MAX_ZOOM });
        const positions = new Map<string, number>();

        // A map-level popup, not bound to the marker: markers are redrawn on every move.
        const openCase = (p: CaseFeatureProperties, at: [number, number]) => {
          const box = document.createElement("div");
          const title = document.createElement("strong");
          title.textContent = p.title;
          const place = document.createElement("p");
          place.textContent = `${p.municipality} · ${p.completionYear}`;
          const link = document.createElement("a");
          link.href = new URL(p.url).pathname;
          link.textContent = tRef.current("publication.map.open");
          if (newTab) {
            link.target = "_blank";
            link.rel = "noopener";
          }
          box.append(title, place, link);
          L.popup({ offset: [0, -8] }).setLatLng(at).setContent(box).openOn(map);
          link.focus();
        };

        // Leaflet makes markers focusable buttons but does not activate them from the
        // keyboard: Enter and Space do what a click does.
        const onActivate = (marker: Marker, activate: () => void) => {
          marker.on("click", activate);
          marker.getElement()?.addEventListener("keydown", (event) => {
            if (event.key !== "Enter" && event.key !== " ") return;
            event.preventDefault();
            activate();
          });
        };

        const render = () => {
          const b = map.getBounds();
          const zoom = Math.round(map.getZoom());
          layer.clearLayers();
          for (const item of index.getClusters([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], zoom)) {
            const [lng, lat] = item.geometry.coordinates;
            const props = item.properties as CaseFeatureProperties & { cluster?: boolean; cluster_id?: number; point_count?: number };
            if (props.cluster) {
              const count = props.point_count ?? 0;
              const label = tRef.current("publication.map.cluster", { count });
              const size = count < 10 ? 32 : count < 100 ? 40 : 48;
              const icon = L.divIcon({ html: `<span aria-hidden="true">${count}</span>`, className: "case-cluster", iconSize: [size, size] });
              const marker = L.marker([lat, lng], { icon, title: label, keyboard: true }).addTo(layer);
              marker.getElement()?.setAttribute("aria-label", `${label}. ${tRef.current("publication.map.clusterHint")}`);
              onActivate(marker, () => {
                const zoomTo = Math.min(index.getClusterExpansionZoom(props.cluster_id ?? 0), MAX_ZOOM);
                map.setView([lat, lng], zoomTo);
                container.focus();
              });
            } else {
              const isSelected = props.slug === selectedRef.current;
              const icon = L.divIcon({ html: "", className: `case-marker${isSelected ? " is-selected" : ""}`, iconSize: [22, 22] });
              const marker = L.marker([lat, lng], { icon, title: props.title, keyboard: true, zIndexOffset: isSelected ? 1000 : 0 }).addTo(layer);
              const element = marker.getElement();
              element?.setAttribute("aria-label", `${props.title}, ${props.municipality}`);
              element?.setAttribute("data-slug", props.slug);
              if (isSelected) element?.setAttribute("aria-current", "true");
              onActivate(marker, () => {
                fromMapRef.current = true;
                onSelectRef.current(props.slug, positions.get(props.slug) ?? 0);
                openCase(props, [lat, lng]);
              });
            }
          }
        };

        const fit = () => {
          const features = featuresRef.current;
          if (features.length) {
            const bounds = L.latLngBounds(features.map((f) => [f.geometry.coordinates[1], f.geometry.coordinates[0]] as [number, number]));
            map.fitBounds(bounds, { padding: [24, 24], maxZoom: 13, animate: false });
          } else {
            map.fitBounds(FLANDERS, { animate: false });
          }
        };

        const setData = (features: CaseFeature[]) => {
          featuresRef.current = features;
          positions.clear();
          features.forEach((f, i) => positions.set(f.properties.slug, i));
          index = new Cluster<CaseFeatureProperties>({ radius: 60, maxZoom: CLUSTER_MAX_ZOOM });
          index.load(features);
          fit();
          render();
          setShown(true);
        };

        map.on("moveend", render);
        mapRef.current = { L, map, render, fit, setData };
        setState("ready");
        teardown = () => {
          map.off();
          map.remove();
          mapRef.current = null;
        };
      })
      .catch(() => {
        if (!cancelled) setState("failed");
      });
    return () => {
      cancelled = true;
      teardown();
    };
  }, [tiles?.url, tiles?.attribution, newTab]);

  // The cases of the current filters.
  useEffect(() => {
    if (state !== "ready") return;
    const controller = new AbortController();
    setShown(false);
    fetch(dataUrl, { signal: controller.signal })
      .then((response) => {
        if (!response.ok) throw new Error(`GeoJSON ${response.status}`);
        return response.json() as Promise<{ features: CaseFeature[] }>;
      })
      .then((data) => mapRef.current?.setData(data.features))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) {
          console.error(error);
          setState("failed");
        }
      });
    return () => controller.abort();
  }, [dataUrl, state]);

  useEffect(() => {
    const api = mapRef.current;
    if (!visible || !api) return;
    api.map.invalidateSize();
    if (!selectedRef.current) api.fit();
  }, [visible]);

  // A case chosen in the list: zoom in until it has its own marker, and highlight it.
  useEffect(() => {
    const api = mapRef.current;
    if (!api || !selected) return;
    if (fromMapRef.current) {
      fromMapRef.current = false;
      api.render();
      return;
    }
    const feature = featuresRef.current.find((f) => f.properties.slug === selected);
    if (!feature) return;
    const [lng, lat] = feature.geometry.coordinates;
    const target = api.L.latLng(lat, lng);
    if (api.map.getZoom() > CLUSTER_MAX_ZOOM && api.map.getBounds().contains(target)) api.render();
    else api.map.setView(target, CLUSTER_MAX_ZOOM + 1, { animate: false });
  }, [selected]);

  return (
    <div className="case-map">
      <p id="case-map-hint" className="visually-hidden">
        {t("publication.map.keyboardHint")}
      </p>
      <div
        ref={containerRef}
        className="case-map__canvas"
        role="region"
        aria-label={t("publication.map.region")}
        aria-describedby="case-map-hint"
        data-state={state === "failed" ? "failed" : shown ? "ready" : "loading"}
        data-testid="case-map"
      />
      {state === "loading" ? (
        <p className="case-map__status" aria-hidden="true">
          {t("publication.map.loading")}
        </p>
      ) : null}
      {state === "failed" ? (
        <p className="case-map__status" role="status">
          {t("publication.map.failed")}
        </p>
      ) : null}
    </div>
  );
}
