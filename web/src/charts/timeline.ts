// The timeline: events per bucket as stacked bars by key (quad class or
// PLOVER type) with the mean Goldstein score as a line on its own axis.

import { scaleBand, scaleLinear } from "d3-scale";
import { axisBottom, axisLeft, axisRight } from "d3-axis";
import { line } from "d3-shape";
import type { SeriesPoint } from "../api";
import { svgIn } from "./svg";
import { palette, quadColors } from "./colors";
import { h } from "../dom";
import { quadNames } from "../dom";

// timeline draws pts; gold adds the mean Goldstein line (events only).
export function timeline(el: HTMLElement, pts: SeriesPoint[], by: string, onBucket?: (bucket: string) => void, gold = true): void {
  if (pts.length === 0) {
    el.appendChild(h("p", { class: "muted" }, "No dated events match."));
    return;
  }
  const W = 900, H = 250, m = { t: 20, r: 44, b: 46, l: 44 };
  const buckets = [...new Set(pts.map((p) => p.bucket))].sort();
  const keys = [...new Set(pts.map((p) => p.key))].sort();
  const color = (k: string, i: number) => (by === "quad" ? quadColors[k] || "#999" : palette[i % palette.length]);
  const perBucket = new Map<string, { total: number; gsum: number; parts: Map<string, number> }>();
  for (const p of pts) {
    let b = perBucket.get(p.bucket);
    if (!b) perBucket.set(p.bucket, (b = { total: 0, gsum: 0, parts: new Map() }));
    b.total += p.count;
    b.gsum += (p.goldstein ?? 0) * p.count;
    b.parts.set(p.key, (b.parts.get(p.key) || 0) + p.count);
  }
  const x = scaleBand<string>().domain(buckets).range([m.l, W - m.r]).padding(0.15);
  const maxY = Math.max(...[...perBucket.values()].map((b) => b.total));
  const y = scaleLinear().domain([0, maxY]).nice().range([H - m.b, m.t]);
  const g = scaleLinear().domain([-10, 10]).range([H - m.b, m.t]);
  const svg = svgIn(el, W, H, "events per " + (buckets.length > 1 ? "bucket" : "day"));
  const every = Math.max(1, Math.ceil(buckets.length / 10));
  svg.append("g").attr("transform", `translate(0,${H - m.b})`)
    .call(axisBottom(x).tickValues(buckets.filter((_, i) => i % every === 0)))
    .selectAll("text").attr("transform", "rotate(-30)").attr("text-anchor", "end");
  svg.append("g").attr("transform", `translate(${m.l},0)`).call(axisLeft(y).ticks(5));
  if (gold) {
    svg.append("g").attr("transform", `translate(${W - m.r},0)`).call(axisRight(g).ticks(5)).attr("class", "axis-goldstein");
    svg.append("text").attr("x", W - 4).attr("y", 10).attr("text-anchor", "end").attr("class", "axis-label").text("Goldstein");
  }
  const bw = Math.min(x.bandwidth(), 56); // a few buckets do not make slabs
  for (const b of buckets) {
    const info = perBucket.get(b)!;
    let acc = 0;
    keys.forEach((k, i) => {
      const n = info.parts.get(k) || 0;
      if (!n) return;
      const rect = svg.append("rect").attr("x", x(b)! + (x.bandwidth() - bw) / 2).attr("width", bw)
        .attr("y", y(acc + n)).attr("height", y(acc) - y(acc + n)).attr("fill", color(k, i)).attr("class", "bar");
      rect.append("title").text(`${b} · ${by === "quad" ? quadNames[k] || k : k || "(none)"}: ${n}`);
      if (onBucket) rect.on("click", () => onBucket(b));
      acc += n;
    });
  }
  if (!gold) {
    el.appendChild(leg(keys, by, color, false));
    return;
  }
  const gl = line<string>().x((b) => x(b)! + x.bandwidth() / 2).y((b) => { const i = perBucket.get(b)!; return g(i.gsum / i.total); });
  svg.append("path").attr("d", gl(buckets)).attr("class", "goldstein-line");
  for (const b of buckets) {
    const i = perBucket.get(b)!;
    svg.append("circle").attr("cx", x(b)! + x.bandwidth() / 2).attr("cy", g(i.gsum / i.total)).attr("r", 2.5).attr("class", "goldstein-dot")
      .append("title").text(`${b}: mean Goldstein ${(i.gsum / i.total).toFixed(2)} over ${i.total} events`);
  }
  el.appendChild(leg(keys, by, color, true));
}

function leg(keys: string[], by: string, color: (k: string, i: number) => string, gold: boolean): HTMLElement {
  const out = h("p", { class: "legend" });
  keys.forEach((k, i) => {
    if (k === "" && keys.length === 1) return;
    const sw = h("span", { class: "swatch" });
    sw.style.background = color(k, i);
    out.appendChild(h("span", { class: "legend-item" }, sw, by === "quad" ? quadNames[k] || k : k || "(none)"));
  });
  if (gold) out.appendChild(h("span", { class: "legend-item" }, h("span", { class: "swatch line" }), "mean Goldstein (right axis)"));
  return out;
}
