// The actor network: source → target edges weighted by event count and
// coloured by mean Goldstein score; node size by events. The force layout
// runs to rest before drawing (no animation), so the picture is stable.

import { forceSimulation, forceLink, forceManyBody, forceCenter, forceCollide, forceX, forceY, type SimulationNodeDatum, type SimulationLinkDatum } from "d3-force";
import { scaleSqrt } from "d3-scale";
import type { Edge, NetNode } from "../api";
import { svgIn, goldsteinColor } from "./svg";
import { h } from "../dom";
import { SVGNS } from "../dom";

interface N extends SimulationNodeDatum, NetNode {}
interface L extends SimulationLinkDatum<N> {
  e: Edge;
}

export function network(el: HTMLElement, nodes: NetNode[], edges: Edge[], href: (n: NetNode) => string): void {
  if (edges.length === 0) {
    el.appendChild(h("p", { class: "muted" }, "No events with both a source and a target match."));
    return;
  }
  const W = 760, H = 420;
  const ns: N[] = nodes.map((n, i) => ({ ...n, x: W / 2 + 100 * Math.cos(i), y: H / 2 + 100 * Math.sin(i) }));
  const byId = new Map(ns.map((n) => [n.id, n]));
  const ls: L[] = edges.map((e) => ({ source: byId.get(e.source)!, target: byId.get(e.target)!, e }));
  const r = scaleSqrt().domain([1, Math.max(1, ...nodes.map((n) => n.count))]).range([4, 22]);
  const wide = scaleSqrt().domain([1, Math.max(1, ...edges.map((e) => e.count))]).range([1, 7]);
  const sim = forceSimulation(ns)
    .force("link", forceLink<N, L>(ls).distance(90))
    .force("charge", forceManyBody().strength(-120).distanceMax(250))
    .force("center", forceCenter(W / 2, H / 2))
    .force("x", forceX(W / 2).strength(0.06))
    .force("y", forceY(H / 2).strength(0.1))
    .force("collide", forceCollide<N>().radius((n) => r(n.count) + 3))
    .stop();
  for (let i = 0; i < 200; i++) sim.tick();
  for (const n of ns) {
    n.x = Math.max(20, Math.min(W - 20, n.x!));
    n.y = Math.max(20, Math.min(H - 20, n.y!));
  }
  const svg = svgIn(el, W, H, "actor network");
  const defs = svg.append("defs");
  defs.append("marker").attr("id", "arrow").attr("viewBox", "0 0 10 10").attr("refX", 9).attr("refY", 5)
    .attr("markerWidth", 6).attr("markerHeight", 6).attr("orient", "auto-start-reverse")
    .append("path").attr("d", "M 0 0 L 10 5 L 0 10 z").attr("class", "arrowhead");
  for (const l of ls) {
    const s = l.source as N, t = l.target as N;
    const dx = t.x! - s.x!, dy = t.y! - s.y!;
    const d = Math.hypot(dx, dy) || 1;
    const rt = r(t.count) + 2;
    const line = svg.append("line").attr("x1", s.x!).attr("y1", s.y!).attr("x2", t.x! - (dx / d) * rt).attr("y2", t.y! - (dy / d) * rt)
      .attr("stroke", goldsteinColor(l.e.goldstein)).attr("stroke-width", wide(l.e.count)).attr("class", "edge").attr("marker-end", "url(#arrow)");
    line.append("title").text(`${l.e.source_name || l.e.source} → ${l.e.target_name || l.e.target}: ${l.e.count} events, mean Goldstein ${l.e.goldstein.toFixed(2)}`);
  }
  for (const n of ns) {
    const a = document.createElementNS(SVGNS, "a");
    a.setAttribute("href", href(n));
    a.setAttribute("class", "node");
    const c = document.createElementNS(SVGNS, "circle");
    c.setAttribute("cx", String(n.x));
    c.setAttribute("cy", String(n.y));
    c.setAttribute("r", String(r(n.count)));
    c.setAttribute("fill", goldsteinColor(n.goldstein));
    const title = document.createElementNS(SVGNS, "title");
    title.textContent = `${n.name || n.id}${n.name && n.name !== n.id ? " [" + n.id + "]" : ""}: ${n.count} events`;
    c.appendChild(title);
    const label = document.createElementNS(SVGNS, "text");
    label.setAttribute("x", String(n.x! + r(n.count) + 2));
    label.setAttribute("y", String(n.y! + 4));
    label.setAttribute("class", "node-label");
    label.textContent = n.id;
    a.append(c, label);
    svg.node()!.appendChild(a);
  }
}
