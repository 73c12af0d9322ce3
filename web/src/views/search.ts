// Search: full-text search (or the newest documents) with facets on time,
// source, actor, event root, place and topic; every facet value narrows the
// search.

import { get, type DocSummary, type Group, type Page, type SearchHit } from "../api";
import { h, load, fmtDate } from "../dom";
import { chips, pick } from "../filters";
import { table, pager } from "../table";
import { docLink, link, type Route } from "../route";

const keys = ["q", "source", "topic", "actor", "root", "place", "since", "until", "plover"];

export function searchView(root: HTMLElement, r: Route): void {
  const p = r.params;
  const sel = pick(p, keys);
  const { q, ...filters } = sel;
  const go = (extra: Record<string, string | undefined>) => link("search", undefined, { ...sel, ...extra });
  const input = h("input", { type: "search", id: "q", name: "q", placeholder: "words, \"a phrase\", prefix*, OR", "aria-label": "search text" });
  input.value = q || "";
  const form = h("form", { class: "searchbar", role: "search" }, input, h("button", { type: "submit", id: "search-go" }, "Search"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    location.hash = go({ q: input.value.trim() || undefined });
  });
  const active = h("p", { class: "active-filters" }, ...Object.entries(filters).map(([k, v]) =>
    h("a", { href: go({ [k]: undefined }), class: "chip", title: "remove this filter" }, `${k}: ${v} ×`)));
  const facets = h("div", { class: "facets", id: "facets" });
  const results = h("div", { id: "results" });
  root.append(h("h2", null, "Search"), form, active, h("div", { class: "layout" }, h("div", { class: "side" }, facets), h("div", { class: "content" }, results)));

  const api = { ...filters, text: q };
  load(facets, get<{ facets: Record<string, Group[]> }>("/api/facets", { ...api, kind: "documents", limit: 8, dims: "month,source,topic,actor,root,country,place" }), (f) => [
    chips("Month", f.facets.month, (k) => go({ since: k + "-01", until: monthEnd(k) })),
    chips("Source", f.facets.source, (k) => go({ source: k })),
    chips("Topic", f.facets.topic, (k) => go({ topic: k })),
    chips("Actor", f.facets.actor, (k) => go({ actor: k })),
    chips("Event root", f.facets.root, (k) => go({ root: k })),
    chips("Country", f.facets.country, (k) => go({ place: k })),
    chips("Place", f.facets.place, (k) => go({ place: k })),
  ]);
  const offset = Number(p.get("offset") || 0);
  const limit = 20;
  const setOffset = (o: number) => { location.hash = link("search", undefined, { ...sel, offset: o }); };
  if (q) {
    load(results, get<Page<SearchHit>>("/api/search", { ...filters, q, limit, offset }), (pg) => [
      pager(pg, offset, limit, setOffset, "/api/search", { ...filters, q }),
      h("ol", { class: "hits", start: offset + 1 }, ...pg.items.map((x) =>
        h("li", null, h("a", { href: docLink(x.doc_id), class: "hit-title" }, x.title || x.doc_id), h("span", { class: "muted" }, " " + fmtDate(x.published)),
          h("p", { class: "snippet" }, ...snippet(x.snippet))))),
    ]);
  } else {
    load(results, get<Page<DocSummary>>("/api/documents", { ...filters, limit, offset }), (pg) => [
      pager(pg, offset, limit, setOffset, "/api/documents", filters),
      table(pg.items, [
        { label: "Published", cell: (d) => fmtDate(d.published), cls: "nowrap" },
        { label: "Title", cell: (d) => h("a", { href: docLink(d.id) }, d.title || d.id) },
        { label: "Source", cell: (d) => d.source },
        { label: "Events", cell: (d) => String(d.events), cls: "num" },
        { label: "Quotes", cell: (d) => String(d.quotes), cls: "num" },
        { label: "Figures", cell: (d) => String(d.counts), cls: "num" },
      ], (d) => docLink(d.id), "documents-rows"),
    ]);
  }
}

function monthEnd(m: string): string {
  const d = new Date(m + "-01T00:00:00Z");
  d.setUTCMonth(d.getUTCMonth() + 1);
  d.setUTCDate(0);
  return d.toISOString().slice(0, 10);
}

// snippet turns the API's "[matched]" markers into <mark> elements around
// text nodes.
function snippet(s: string): Node[] {
  const out: Node[] = [];
  const re = /\[([^\]]*)\]/g;
  let last = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (m.index > last) out.push(document.createTextNode(s.slice(last, m.index)));
    out.push(h("mark", null, m[1]));
    last = m.index + m[0].length;
  }
  if (last < s.length) out.push(document.createTextNode(s.slice(last)));
  return out;
}
