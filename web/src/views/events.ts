// The event explorer: filters, a timeline by quad class or PLOVER type with
// the mean Goldstein score, the actor network, a map of event and story
// places, facets and the table whose rows open the evidence sentence in its
// article.

import { get, hasPath, type EventRow, type Group, type NetNode, type Edge, type Page, type PlaceFeature, type SeriesPoint, type Params } from "../api";
import { h, load, fmtDate, quadNames } from "../dom";
import { filterForm, pick, chips, type Field } from "../filters";
import { table, pager } from "../table";
import { timeline } from "../charts/timeline";
import { network } from "../charts/network";
import { worldMap } from "../charts/map";
import { actorLink, docLink, link, type Route } from "../route";
import { corpusEvents } from "./corpus";

export const ploverTypes = ["AGREE", "ACCUSE", "AID", "ASSAULT", "COERCE", "CONCEDE", "CONSULT", "COOPERATE", "DEMAND", "DISAPPROVE",
  "MOBILIZE", "PROTEST", "REJECT", "REQUEST", "RETREAT", "SANCTION", "SUPPORT", "THREATEN", "MILITARIZE", "FIGHT"];

const fields: Field[] = [
  { name: "actor", label: "Actor code", placeholder: "SYR, USAGOV" },
  { name: "entity", label: "Actor name", placeholder: "contains" },
  { name: "root", label: "CAMEO root", placeholder: "19" },
  { name: "code", label: "CAMEO code", placeholder: "prefix: 14" },
  { name: "plover", label: "PLOVER", kind: "select", options: [["", "any"], ...ploverTypes.map((p): [string, string] => [p, p])] },
  { name: "quad", label: "Quad class", kind: "select", options: [["", "any"], ...Object.entries(quadNames).map(([k, v]): [string, string] => [k, k + " " + v])] },
  { name: "place", label: "Place", placeholder: "country code or name" },
  { name: "source", label: "Source", placeholder: "exact" },
  { name: "text", label: "Text", placeholder: "words in the article" },
  { name: "since", label: "From", kind: "date" },
  { name: "until", label: "To", kind: "date" },
  { name: "negated", label: "show negated", kind: "check" },
  { name: "hypothetical", label: "show hypothetical", kind: "check" },
];

const filterKeys = ["actor", "entity", "root", "code", "plover", "quad", "place", "source", "text", "since", "until", "source_actor", "target_actor"];

// apiFilters turns the route's filters into API parameters.
export function apiFilters(p: URLSearchParams): Params {
  return {
    ...pick(p, filterKeys),
    negated: p.get("negated") === "1" ? "include" : "exclude",
    hypothetical: p.get("hypothetical") === "1" ? "include" : "exclude",
  };
}

export function eventsView(root: HTMLElement, r: Route): void {
  const p = r.params;
  const f = apiFilters(p);
  const state = (extra: Record<string, string | number | undefined>) => {
    const v: Record<string, string | number | undefined> = {};
    p.forEach((val, k) => { v[k] = val; });
    return link("events", undefined, { ...v, offset: undefined, ...extra });
  };
  const form = filterForm(fields, p, (v) => {
    location.hash = link("events", undefined, { ...v, bucket: p.get("bucket") || undefined, by: p.get("by") || undefined });
  });
  const bucket = p.get("bucket") || "week";
  const by = p.get("by") || "quad";
  const controls = h("div", { class: "controls" },
    h("span", null, "per "), ...["day", "week", "month"].map((b) => h("a", { href: state({ bucket: b }), class: b === bucket ? "on" : "" }, b)),
    h("span", null, " · by "), ...["quad", "plover"].map((b) => h("a", { href: state({ by: b }), class: b === by ? "on" : "" }, b === "quad" ? "quad class" : "PLOVER")));
  const tl = h("div", { class: "chart-box", id: "timeline" });
  const net = h("div", { class: "chart-box", id: "network" });
  const mapKind = p.get("map") === "stories" ? "stories" : "events";
  const mapBox = h("div", { class: "chart-box", id: "map" });
  const mapSwitch = h("div", { class: "controls" }, h("span", null, "places of "),
    h("a", { href: state({ map: undefined }), class: mapKind === "events" ? "on" : "" }, "events"),
    h("a", { href: state({ map: "stories" }), class: mapKind === "stories" ? "on" : "" }, "stories"));
  const facets = h("div", { class: "facets", id: "facets" });
  const rows = h("div", { id: "event-table" });
  const corpus = h("div", { id: "corpus-events" });
  root.append(
    h("h2", null, "Event explorer"),
    h("div", { class: "layout" },
      h("div", { class: "side" }, form, facets),
      h("div", { class: "content" },
        h("section", null, h("h3", null, "Timeline"), controls, tl),
        h("section", { class: "grid2" },
          h("div", null, h("h3", null, "Actor network"), net),
          h("div", null, h("h3", null, "Map"), mapSwitch, mapBox)),
        h("section", null, h("h3", null, "Events"), rows),
        corpus)));

  load(tl, get<{ items: SeriesPoint[] }>("/api/series", { ...f, kind: "events", bucket, by }), (s) => {
    timeline(tl, s.items, by, (b) => { location.hash = state({ since: b, until: endOf(b, bucket) }); });
    return null;
  });
  load(net, get<{ nodes: NetNode[]; edges: Edge[] }>("/api/network", { ...f, limit: 80 }), (n) => {
    network(net, n.nodes, n.edges, (x) => actorLink(/^[A-Z]{3,}$/.test(x.id) ? x.id : "", x.name));
    return null;
  });
  const geoPath = mapKind === "events" ? "/api/geo/events" : "/api/geo/locations";
  load(mapBox, get<{ features: PlaceFeature[] }>(geoPath, { ...f, limit: 400 }), (g) => {
    worldMap(mapBox, g.features, mapKind, (x) => state({ place: x.properties.name }));
    return null;
  });
  load(facets, get<{ facets: Record<string, Group[]> }>("/api/facets", { ...f, kind: "events", limit: 8, dims: "plover,root,source_actor,target_actor,country,source" }), (fa) => [
    chips("PLOVER", fa.facets.plover, (k) => state({ plover: k })),
    chips("CAMEO root", fa.facets.root, (k) => state({ root: k })),
    chips("Source actor", fa.facets.source_actor, (k) => state({ source_actor: k })),
    chips("Target actor", fa.facets.target_actor, (k) => state({ target_actor: k })),
    chips("Country", fa.facets.country, (k) => state({ place: k })),
    chips("Source", fa.facets.source, (k) => state({ source: k })),
  ]);
  const offset = Number(p.get("offset") || 0);
  const limit = 25;
  load(rows, get<Page<EventRow>>("/api/events", { ...f, limit, offset }), (pg) => [
    pager(pg, offset, limit, (o) => { location.hash = state({ offset: o }); }, "/api/events", f),
    eventTable(pg.items),
  ]);
  hasPath("/api/corpus-events").then((yes) => { if (yes) corpusEvents(corpus, f); });
}

function endOf(bucket: string, width: string): string {
  const d = new Date(bucket + "T00:00:00Z");
  if (width === "week") d.setUTCDate(d.getUTCDate() + 6);
  else if (width === "month") { d.setUTCMonth(d.getUTCMonth() + 1); d.setUTCDate(0); }
  return d.toISOString().slice(0, 10);
}

export function eventTable(items: EventRow[]): HTMLElement {
  const side = (a: { name: string; actor: string } | null) => a ? h("a", { href: actorLink(a.actor, a.name) }, a.name + (a.actor ? " [" + a.actor + "]" : "")) : "—";
  return table(items, [
    { label: "Date", cell: (e) => e.date || fmtDate(e.published), cls: "nowrap" },
    { label: "Source", cell: (e) => side(e.source) },
    { label: "Event", cell: (e) => h("span", { title: `CAMEO ${e.code}, root ${e.root}, Goldstein ${e.goldstein}` }, e.code + " " + (e.plover || ""), e.negated ? " (negated)" : "", e.hypothetical ? " (hypothetical)" : "") },
    { label: "Target", cell: (e) => side(e.target) },
    { label: "Place", cell: (e) => e.location || e.country || "" },
    { label: "Evidence", cell: (e) => e.sentence, cls: "evidence-cell" },
  ], (e) => docLink(e.doc_id, e.sentence_start, e.sentence_end), "events-rows");
}
