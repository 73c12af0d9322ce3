// The map: an offline world basemap (Natural Earth 1:110m countries from
// npm world-atlas, bundled) with circles for places, sized by count and,
// for events, coloured by mean Goldstein score.

import { geoNaturalEarth1, geoPath, geoGraticule10 } from "d3-geo";
import { feature } from "topojson-client";
import type { Topology, GeometryCollection } from "topojson-specification";
import type { FeatureCollection } from "geojson";
import { scaleSqrt } from "d3-scale";
import world from "world-atlas/countries-110m.json";
import type { PlaceFeature } from "../api";
import { svgIn, goldsteinColor } from "./svg";
import { h } from "../dom";
import { SVGNS } from "../dom";

const topo = world as unknown as Topology<{ countries: GeometryCollection }>;
let land: FeatureCollection | null = null;

export function worldMap(el: HTMLElement, places: PlaceFeature[], kind: "events" | "stories", href: (p: PlaceFeature) => string): void {
  const W = 760, H = 390;
  if (!land) land = feature(topo, topo.objects.countries) as unknown as FeatureCollection;
  const proj = geoNaturalEarth1().fitExtent([[4, 4], [W - 4, H - 4]], { type: "Sphere" });
  const path = geoPath(proj);
  const svg = svgIn(el, W, H, "map of " + kind);
  svg.append("path").attr("d", path({ type: "Sphere" })!).attr("class", "sphere");
  svg.append("path").attr("d", path(geoGraticule10())!).attr("class", "graticule");
  svg.append("g").selectAll("path").data(land.features).join("path").attr("d", (f) => path(f)!).attr("class", "country");
  const r = scaleSqrt().domain([1, Math.max(1, ...places.map((p) => p.properties.count))]).range([2.5, 16]);
  const g = svg.append("g").node()!;
  for (const p of [...places].sort((a, b) => b.properties.count - a.properties.count)) {
    const xy = proj(p.geometry.coordinates);
    if (!xy) continue;
    const a = document.createElementNS(SVGNS, "a");
    a.setAttribute("href", href(p));
    const c = document.createElementNS(SVGNS, "circle");
    c.setAttribute("cx", xy[0].toFixed(1));
    c.setAttribute("cy", xy[1].toFixed(1));
    c.setAttribute("r", r(p.properties.count).toFixed(1));
    c.setAttribute("class", "place-dot");
    c.setAttribute("fill", p.properties.goldstein !== null ? goldsteinColor(p.properties.goldstein) : "#4e79a7");
    const t = document.createElementNS(SVGNS, "title");
    t.textContent = `${p.properties.name}${p.properties.country ? " (" + p.properties.country + ")" : ""}: ${p.properties.count} ${kind}` +
      (p.properties.goldstein !== null ? `, mean Goldstein ${p.properties.goldstein.toFixed(2)}` : "");
    c.appendChild(t);
    a.appendChild(c);
    g.appendChild(a);
  }
  if (places.length === 0) el.appendChild(h("p", { class: "muted" }, "No located " + kind + " match."));
}
