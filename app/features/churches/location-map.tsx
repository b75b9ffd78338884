// A small Leaflet map of one church, loaded only in the browser (Leaflet needs `window`).
// Without JavaScript nothing is rendered here: the coordinates are always shown as text
// beside it. Tiles may fail to load; the marker and clicks still work without them.
import type * as Leaflet from "leaflet";
import type { CircleMarker, LeafletMouseEvent, Map as LeafletMap } from "leaflet";
import leafletStyles from "leaflet/dist/leaflet.css?url";
import { useEffect, useRef, useState } from "react";
import { useRootData } from "~/components/use-root-data";

export const leafletLinks = [{ rel: "stylesheet", href: leafletStyles }];

type Point = { lat: number; lng: number };

/** Centre of Flanders, for a church without a location yet. */
const FLANDERS_CENTRE: Point = { lat: 51.03, lng: 4.2 };

export function LocationMap({
  point,
  onPick,
  label,
  caption,
}: {
  point: Point | null;
  onPick?: (point: Point) => void;
  label: string;
  caption?: string;
}) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  if (!mounted) return null;
  return <ClientMap point={point} onPick={onPick} label={label} caption={caption} />;
}

function ClientMap({ point, onPick, label, caption }: { point: Point | null; onPick?: (point: Point) => void; label: string; caption?: string }) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<LeafletMap | null>(null);
  const marker = useRef<CircleMarker | null>(null);
  const leaflet = useRef<typeof Leaflet | null>(null);
  const pick = useRef(onPick);
  const [ready, setReady] = useState(false);
  const tiles = useRootData()?.mapTiles;

  useEffect(() => {
    pick.current = onPick;
  }, [onPick]);

  useEffect(() => {
    let cancelled = false;
    void import("leaflet").then((mod) => {
      if (cancelled || !container.current) return;
      // Leaflet is CommonJS: the namespace arrives as `default` in a browser bundle.
      const L = ((mod as unknown as { default?: typeof Leaflet }).default ?? mod) as typeof Leaflet;
      leaflet.current = L;
      const m = L.map(container.current, { scrollWheelZoom: false }).setView([FLANDERS_CENTRE.lat, FLANDERS_CENTRE.lng], 8);
      if (tiles?.url) L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: 19 }).addTo(m);
      m.on("click", (event: LeafletMouseEvent) => {
        pick.current?.({ lat: Math.round(event.latlng.lat * 1e6) / 1e6, lng: Math.round(event.latlng.lng * 1e6) / 1e6 });
      });
      map.current = m;
      setReady(true);
    });
    return () => {
      cancelled = true;
      map.current?.remove();
      map.current = null;
      marker.current = null;
    };
  }, [tiles?.url, tiles?.attribution]);

  useEffect(() => {
    const L = leaflet.current;
    const m = map.current;
    if (!ready || !L || !m) return;
    if (!point) {
      marker.current?.remove();
      marker.current = null;
      return;
    }
    const latlng: [number, number] = [point.lat, point.lng];
    if (marker.current) marker.current.setLatLng(latlng);
    else marker.current = L.circleMarker(latlng, { radius: 9, color: "#9c4a1a", weight: 3, fillOpacity: 0.6 }).addTo(m);
    m.setView(latlng, Math.max(m.getZoom(), 14));
  }, [ready, point?.lat, point?.lng]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    // Inline sizes: this is rendered only in the browser, so no style attribute reaches the HTML.
    <figure className="church-map" style={{ margin: 0 }}>
      <div
        ref={container}
        className="church-map__canvas"
        role="region"
        aria-label={label}
        data-testid="church-map"
        style={{ height: "18rem", borderRadius: "6px", border: "1px solid #d6d2ca", background: "#e8e4dc" }}
      />
      {caption ? <figcaption className="field__hint">{caption}</figcaption> : null}
    </figure>
  );
}
