// The actor page: an actor code (TURGOV) or an entity or speaker name. Its
// quotes over time, the events it gave and received, its partners and
// places.

import { get, type EventRow, type Group, type Page, type QuoteRow, type SeriesPoint } from "../api";
import { h, load, fmtDate } from "../dom";
import { chips } from "../filters";
import { table, pager } from "../table";
import { timeline } from "../charts/timeline";
import { eventTable } from "./events";
import { actorLink, docLink, link, type Route } from "../route";

export function actorView(root: HTMLElement, r: Route): void {
  const code = (r.params.get("code") || "").toUpperCase();
  const name = r.params.get("name") || "";
  if (!code && !name) {
    root.append(h("p", { class: "error" }, "No actor: use #/actor?code=CODE or #/actor?name=NAME."));
    return;
  }
  // A code selects by actor code; a name alone by the speaker's or a side's name.
  const quoteF = code ? { actor: code } : { speaker: name };
  const given = code ? { source_actor: code } : { entity: name };
  const received = code ? { target_actor: code } : { entity: name };
  const quotesOverTime = h("div", { class: "chart-box", id: "actor-quotes-chart" });
  const quotes = h("div", { id: "actor-quotes" });
  const gave = h("div", { id: "actor-given" });
  const got = h("div", { id: "actor-received" });
  const partners = h("div", { class: "facets" });
  const eventsOverTime = h("div", { class: "chart-box", id: "actor-events-chart" });
  root.append(
    h("h2", { id: "actor-title" }, name || code, code && name ? h("span", { class: "code" }, " " + code) : code ? null : h("span", { class: "muted" }, " (by name)")),
    h("p", null, h("a", { href: link("events", undefined, code ? { actor: code, negated: "1", hypothetical: "1" } : { entity: name }) }, "Open these events in the explorer")),
    h("div", { class: "layout" },
      h("div", { class: "side" }, partners),
      h("div", { class: "content" },
        h("section", null, h("h3", null, "Quotes over time"), quotesOverTime, quotes),
        h("section", null, h("h3", null, "Events over time"), eventsOverTime),
        h("section", null, h("h3", null, code ? "Events given (as source)" : "Events naming this actor"), gave),
        code ? h("section", null, h("h3", null, "Events received (as target)"), got) : null)));

  load(quotesOverTime, get<{ items: SeriesPoint[] }>("/api/series", { ...quoteF, kind: "quotes", bucket: "month" }), (s) => {
    if (s.items.length) timeline(quotesOverTime, s.items, "", undefined, false);
    else quotesOverTime.append(h("p", { class: "muted" }, "No dated quotes."));
    return null;
  });
  load(eventsOverTime, get<{ items: SeriesPoint[] }>("/api/series", { ...(code ? { actor: code } : { entity: name }), kind: "events", bucket: "month", by: "quad" }),
    (s) => { timeline(eventsOverTime, s.items, "quad"); return null; });
  const qo = Number(r.params.get("qo") || 0);
  load(quotes, get<Page<QuoteRow>>("/api/quotes", { ...quoteF, limit: 10, offset: qo }), (pg) => [
    pager(pg, qo, 10, (o) => { location.hash = link("actor", undefined, { code, name, qo: o }); }, "/api/quotes", quoteF),
    table(pg.items, [
      { label: "Date", cell: (q) => fmtDate(q.published), cls: "nowrap" },
      { label: "Speaker", cell: (q) => h("a", { href: actorLink(q.speaker_actor, q.speaker) }, q.speaker || "—") },
      { label: "Quote", cell: (q) => h("q", null, q.text) },
    ], (q) => docLink(q.doc_id, q.start, q.end), "quote-rows"),
  ]);
  load(gave, get<Page<EventRow>>("/api/events", { ...given, limit: 15 }), (pg) => [
    pager(pg, 0, 15, () => { location.hash = link("events", undefined, given); }, "/api/events", given), eventTable(pg.items)]);
  if (code) {
    load(got, get<Page<EventRow>>("/api/events", { ...received, limit: 15 }), (pg) => [
      pager(pg, 0, 15, () => { location.hash = link("events", undefined, received); }, "/api/events", received), eventTable(pg.items)]);
  }
  const pl = (by: string, f: Record<string, string>) => get<{ items: Group[] }>("/api/groups", { ...f, kind: "events", by, limit: 10 });
  load(partners, Promise.all([
    code ? pl("target_actor", { source_actor: code }) : Promise.resolve({ items: [] }),
    code ? pl("source_actor", { target_actor: code }) : Promise.resolve({ items: [] }),
    pl("place", code ? { actor: code } : { entity: name }),
    get<{ items: Group[] }>("/api/groups", { ...quoteF, kind: "quotes", by: "source", limit: 10 }),
  ]), ([to, from, places, sources]) => [
    code ? chips("Acts on", to.items.filter((g) => g.key !== code), (k) => actorLink(/^[A-Z]{3,}$/.test(k) ? k : "", k)) : null,
    code ? chips("Acted on by", from.items.filter((g) => g.key !== code), (k) => actorLink(/^[A-Z]{3,}$/.test(k) ? k : "", k)) : null,
    chips("Places of its events", places.items, (k) => link("events", undefined, { place: k, ...(code ? { actor: code } : { entity: name }) })),
    chips("Quoted in", sources.items, (k) => link("search", undefined, { source: k })),
  ]);
}
