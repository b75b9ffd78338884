// A small map with one marker for a case page, loaded only in the browser. Without
// JavaScript or tiles, the coordinates stay readable as text beside it.
import { useEffect, useRef } from "react";
import { useRootData } from "~/components/use-root-data";
import { useT } from "~/platform/i18n/use-t";

export function MiniMap({ lat, lng, title }: { lat: number; lng: number; title: string }) {
  const t = useT();
  const tiles = useRootData()?.mapTiles;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let cancelled = false;
    let teardown = () => {};
    import("leaflet")
      .then((leaflet) => {
        const L = (leaflet as unknown as { default?: typeof leaflet }).default ?? leaflet;
        if (cancelled || !ref.current) return;
        const map = L.map(ref.current, { center: [lat, lng], zoom: 14, scrollWheelZoom: false, keyboard: false });
        if (tiles?.url) L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: 18 }).addTo(map);
        const icon = L.divIcon({ html: "", className: "case-marker is-selected", iconSize: [22, 22] });
        L.marker([lat, lng], { icon, title, keyboard: false, interactive: false }).addTo(map);
        teardown = () => map.remove();
      })
      .catch(() => {});
    return () => {
      cancelled = true;
      teardown();
    };
  }, [lat, lng, title, tiles?.url, tiles?.attribution]);
  return <div ref={ref} className="case-minimap" role="region" aria-label={t("publication.case.mapOf", { title })} />;
}
