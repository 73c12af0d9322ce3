// The figure tracker: numeric claims by category (killed, injured,
// displaced, destroyed, amounts) with object, place, date, source and
// attribution, as a chart over time and a table; each point and row opens
// its sentence. With the corpus store (/api/figures), the tracked figures
// across sources and their disagreements are shown too.

import { scaleLog, scaleLinear, scaleTime } from "d3-scale";
import { axisBottom, axisLeft } from "d3-axis";
import { get, hasPath, type Count, type CountRow, type Group, type Page } from "../api";
import { h, load, fmtDate, fmtNum, SVGNS } from "../dom";
import { filterForm, pick, chips, type Field } from "../filters";
import { table, pager, countText } from "../table";
import { svgIn } from "../charts/svg";
import { palette } from "../charts/colors";
import { docLink, link, type Route } from "../route";
import { trackedFigures } from "./corpus";

const fields: Field[] = [
  { name: "category", label: "Category", placeholder: "KILL, INJURE, DISPLACE…" },
  { name: "place", label: "Place", placeholder: "country code or name" },
  { name: "entity", label: "Attributed to", placeholder: "contains" },
  { name: "text", label: "Text", placeholder: "words in the article" },
  { name: "source", label: "Source", placeholder: "exact" },
  { name: "since", label: "From", kind: "date" },
  { name: "until", label: "To", kind: "date" },
];
const keys = fields.map((f) => f.name);

export function figuresView(root: HTMLElement, r: Route): void {
  const p = r.params;
  const f = pick(p, keys);
  const go = (extra: Record<string, string | number | undefined>) => link("figures", undefined, { ...f, ...extra });
  const form = filterForm(fields, p, (v) => { location.hash = link("figures", undefined, v); });
  const cats = h("div", { class: "facets", id: "facets" });
  const chart = h("div", { class: "chart-box", id: "figure-chart" });
  const rows = h("div", { id: "figure-table" });
  const tracked = h("div", { id: "tracked-figures" });
  root.append(h("h2", null, "Figure tracker"),
    h("div", { class: "layout" }, h("div", { class: "side" }, form, cats),
      h("div", { class: "content" },
        h("section", null, h("h3", null, "Figures over time"), chart),
        tracked,
        h("section", null, h("h3", null, "Figures"), rows))));
  const { category: _c, ...noCat } = f;
  void _c;
  load(cats, Promise.all([
    get<{ items: Group[] }>("/api/groups", { ...noCat, kind: "counts", by: "category", limit: 12 }),
    get<{ items: Group[] }>("/api/groups", { ...f, kind: "counts", by: "place", limit: 10 }),
    get<{ items: Group[] }>("/api/groups", { ...f, kind: "counts", by: "object", limit: 10 }),
  ]), ([c, pl, ob]) => [
    chips("Category", c.items, (k) => go({ category: k, offset: undefined })),
    chips("Place", pl.items, (k) => go({ place: k, offset: undefined })),
    chips("Object", ob.items, (k) => go({ text: k, offset: undefined })),
  ]);
  // The chart shows up to 1,000 of the matching figures that have a date.
  load(chart, get<Page<CountRow>>("/api/counts", { ...f, limit: 1000 }), (pg) => { scatter(chart, pg.items, pg); return null; });
  const offset = Number(p.get("offset") || 0);
  const limit = 25;
  load(rows, get<Page<CountRow>>("/api/counts", { ...f, limit, offset }), (pg) => [
    pager(pg, offset, limit, (o) => { location.hash = go({ offset: o }); }, "/api/counts", f),
    table(pg.items, [
      { label: "Date", cell: (c) => fmtDate(c.published), cls: "nowrap" },
      { label: "Value", cell: (c) => fmtNum(c.value) + (c.upper !== null ? "–" + fmtNum(c.upper) : "") + (c.currency ? " " + c.currency : "") + (c.unit ? " " + c.unit : ""), cls: "num" },
      { label: "Object", cell: (c) => c.object },
      { label: "Category", cell: (c) => c.category ? h("a", { href: go({ category: c.category, offset: undefined }) }, c.category) : "" },
      { label: "Place", cell: (c) => c.place ? h("a", { href: go({ place: c.country || c.place, offset: undefined }), title: c.country }, c.place) : "" },
      { label: "Attributed to", cell: (c) => c.attributed_to },
      { label: "Sentence", cell: (c) => c.sentence, cls: "evidence-cell" },
    ], (c) => docLink(c.doc_id, c.sentence_start, c.sentence_end), "figure-rows"),
  ]);
  hasPath("/api/figures").then((yes) => { if (yes) trackedFigures(tracked, f); });
}

function scatter(el: HTMLElement, rows: CountRow[], count: Count): void {
  const pts = rows.filter((c) => c.published && c.value > 0).map((c) => ({ c, t: new Date(c.published!) }));
  if (pts.length === 0) {
    el.append(h("p", { class: "muted" }, "No dated figures match."));
    return;
  }
  const W = 760, H = 280, m = { t: 10, r: 16, b: 30, l: 60 };
  const t0 = Math.min(...pts.map((p) => +p.t)), t1 = Math.max(...pts.map((p) => +p.t));
  const x = scaleTime().domain([new Date(t0 - 864e5), new Date(t1 + 864e5)]).range([m.l, W - m.r]);
  const vmax = Math.max(...pts.map((p) => p.c.value));
  const y = vmax > 100 ? scaleLog().domain([1, vmax]).nice().range([H - m.b, m.t]).clamp(true) : scaleLinear().domain([0, vmax]).nice().range([H - m.b, m.t]);
  const cats = [...new Set(pts.map((p) => p.c.category || "other"))].sort();
  const color = (k: string) => palette[cats.indexOf(k) % palette.length];
  const svg = svgIn(el, W, H, "figures over time");
  svg.append("g").attr("transform", `translate(0,${H - m.b})`).call(axisBottom(x).ticks(6));
  svg.append("g").attr("transform", `translate(${m.l},0)`).call(axisLeft(y).ticks(6, "~s"));
  const g = svg.append("g").node()!;
  for (const p of pts) {
    const a = document.createElementNS(SVGNS, "a");
    a.setAttribute("href", docLink(p.c.doc_id, p.c.sentence_start, p.c.sentence_end));
    const c = document.createElementNS(SVGNS, "circle");
    c.setAttribute("cx", x(p.t).toFixed(1));
    c.setAttribute("cy", y(Math.max(1, p.c.value)).toFixed(1));
    c.setAttribute("r", "3.5");
    c.setAttribute("fill", color(p.c.category || "other"));
    c.setAttribute("class", "figure-dot");
    const tt = document.createElementNS(SVGNS, "title");
    tt.textContent = `${fmtNum(p.c.value)} ${p.c.object} (${p.c.category || "no category"}) · ${fmtDate(p.c.published)}${p.c.place ? " · " + p.c.place : ""}${p.c.attributed_to ? " · " + p.c.attributed_to : ""}`;
    c.appendChild(tt);
    a.appendChild(c);
    g.appendChild(a);
  }
  const leg = h("p", { class: "legend" }, ...cats.map((k) => {
    const sw = h("span", { class: "swatch" });
    sw.style.background = color(k);
    return h("span", { class: "legend-item" }, sw, k);
  }), rows.length < count.total || count.total_exact === false ? h("span", { class: "muted" }, ` (the ${rows.length.toLocaleString("en-US")} newest of ${countText(count)})`) : null);
  el.append(leg);
}
