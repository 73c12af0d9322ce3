// The article view: the stored text with every layer highlighted. Each
// annotation is a span of code points; the text is cut at every span
// boundary into segments, and each segment is a text node inside elements
// whose classes say which layers cover it. Clicking a segment lists its
// annotations with links (speakers and actors to their page, places to the
// events there).

import { get, type DocOutput } from "../api";
import { h, clear, load, fmtNum, fmtDate, quadNames } from "../dom";
import { actorLink, link, type Route } from "../route";

interface Ann {
  start: number;
  end: number;
  layer: "entity" | "quote" | "speaker" | "count" | "event" | "place" | "evidence";
  cls: string;
  title: string;
  detail: () => Node;
}

export function articleView(root: HTMLElement, r: Route): void {
  const id = r.arg;
  const hs = r.params.get("s"), he = r.params.get("e");
  load(root, get<DocOutput>("/api/documents/" + encodeURIComponent(id).replace(/%2F/g, "/")), (d) => render(d, hs === null ? null : Number(hs), he === null ? null : Number(he)));
}

function render(d: DocOutput, hs: number | null, he: number | null): Node[] {
  const text = Array.from(d.text || "");
  const anns = annotations(d);
  if (hs !== null && he !== null && hs >= 0 && he > hs) {
    anns.push({ start: hs, end: he, layer: "evidence", cls: "evidence", title: "evidence sentence", detail: () => h("p", null, "The sentence you came from.") });
  }
  const panel = h("aside", { class: "panel", id: "annotations" }, h("p", { class: "muted" }, "Click highlighted text to see its annotations."));
  const body = h("div", { class: "article-text", id: "article-text" });
  // Cut at every boundary; each segment knows the annotations covering it.
  const cuts = new Set<number>([0, text.length]);
  for (const a of anns) {
    cuts.add(Math.max(0, Math.min(text.length, a.start)));
    cuts.add(Math.max(0, Math.min(text.length, a.end)));
  }
  const bounds = [...cuts].sort((a, b) => a - b);
  let evidenceEl: HTMLElement | null = null;
  for (let i = 0; i + 1 < bounds.length; i++) {
    const s = bounds[i], e = bounds[i + 1];
    const seg = text.slice(s, e).join("");
    const cover = anns.filter((a) => a.start <= s && a.end >= e);
    if (cover.length === 0) {
      body.appendChild(document.createTextNode(seg));
      continue;
    }
    const el = h("span", { class: "ann " + cover.map((a) => a.cls).join(" "), title: cover.map((a) => a.title).join("\n"), "data-start": s, "data-end": e }, seg);
    el.addEventListener("click", () => {
      clear(panel);
      panel.appendChild(h("h3", null, "Annotations"));
      for (const a of cover) panel.appendChild(a.detail());
    });
    if (cover.some((a) => a.layer === "evidence")) {
      el.classList.add("in-evidence");
      if (!evidenceEl) evidenceEl = el;
    }
    body.appendChild(el);
  }
  const urlLink = /^https?:\/\//i.test(d.url || "") ? h("a", { href: d.url, rel: "noopener noreferrer nofollow", target: "_blank" }, d.url) : d.url ? h("span", null, d.url) : null;
  const head = h("header", { class: "article-head" },
    h("h2", { id: "article-title" }, d.title || d.id),
    h("p", { class: "muted" }, fmtDate(d.published), " · ", d.source || "", d.topic ? " · " + d.topic.label : "", " · id ", d.id),
    urlLink ? h("p", null, urlLink) : null,
    legend());
  if (evidenceEl) {
    const target = evidenceEl as HTMLElement;
    requestAnimationFrame(() => target.scrollIntoView({ block: "center" }));
  }
  return [h("div", { class: "article" }, h("div", { class: "article-main" }, head, body), panel)];
}

function legend(): Node {
  const item = (cls: string, label: string) => h("span", { class: "legend-item" }, h("span", { class: "ann " + cls }, label));
  return h("p", { class: "legend" }, item("ent-PERSON", "person"), item("ent-ORG", "organisation"), item("ent-GPE", "place/country"),
    item("quote", "quote"), item("speaker", "speaker"), item("count", "figure"), item("event", "event"), item("place", "geoparsed place"));
}

function row(label: string, ...value: (Node | string)[]): Node {
  return h("div", { class: "kv" }, h("span", { class: "k" }, label), h("span", { class: "v" }, ...value));
}

function annotations(d: DocOutput): Ann[] {
  const out: Ann[] = [];
  d.mentions.forEach((m) => {
    const ent = m.entity !== null && m.entity !== undefined ? d.entities[m.entity] : undefined;
    const actor = ent && ent.actor ? ent.actor : "";
    out.push({
      start: m.start, end: m.end, layer: "entity", cls: "ent-" + m.type,
      title: `${m.type}${ent ? ": " + ent.name : ""}${actor ? " [" + actor + "]" : ""}`,
      detail: () => h("div", { class: "card" }, h("strong", null, "Entity"),
        row("name", ent ? h("a", { href: actorLink(actor, ent.name) }, ent.name) : m.text || ""),
        row("type", m.type + " (" + m.kind + ")"),
        actor ? row("actor code", h("a", { href: actorLink(actor, ent ? ent.name : undefined) }, actor)) : null),
    });
  });
  d.quotes.forEach((q) => {
    const sp = q.speaker;
    const ent = sp && sp.entity !== null && sp.entity !== undefined ? d.entities[sp.entity] : undefined;
    const code = ent && ent.actor ? ent.actor : "";
    out.push({
      start: q.start, end: q.end, layer: "quote", cls: q.direct ? "quote direct" : "quote",
      title: `${q.direct ? "direct" : "reported"} quote${sp ? " by " + sp.name : ""}`,
      detail: () => h("div", { class: "card" }, h("strong", null, q.direct ? "Direct quote" : "Reported speech"),
        row("speaker", sp ? h("a", { href: actorLink(code, sp.name), class: "speaker-link" }, sp.name) : "unattributed"),
        q.cue ? row("cue", q.cue) : null),
    });
    if (sp && sp.end > sp.start) {
      out.push({
        start: sp.start, end: sp.end, layer: "speaker", cls: "speaker", title: "speaker: " + sp.name,
        detail: () => h("div", { class: "card" }, h("strong", null, "Speaker"), row("name", h("a", { href: actorLink(code, sp.name), class: "speaker-link" }, sp.name))),
      });
    }
  });
  d.counts.forEach((c) => {
    const loc = c.location !== null && c.location !== undefined ? d.locations[c.location] : undefined;
    out.push({
      start: c.start, end: c.end, layer: "count", cls: "count",
      title: `figure ${fmtNum(c.value)}${c.object ? " " + c.object : ""}${c.category ? " [" + c.category + "]" : ""}`,
      detail: () => h("div", { class: "card" }, h("strong", null, "Figure"), row("value", fmtNum(c.value)),
        c.object ? row("object", c.object) : null,
        c.category ? row("category", h("a", { href: link("figures", undefined, { category: c.category }) }, c.category)) : null,
        loc ? row("place", h("a", { href: link("figures", undefined, { place: loc.country || loc.name }) }, loc.name)) : null),
    });
  });
  d.locations.forEach((l) => {
    out.push({
      start: l.start, end: l.end, layer: "place", cls: "place",
      title: `place: ${l.name}${l.country ? " (" + l.country + ")" : ""}${l.lat != null ? ` ${l.lat}, ${l.lon}` : ""}`,
      detail: () => h("div", { class: "card" }, h("strong", null, "Place"),
        row("name", h("a", { href: link("events", undefined, { place: l.name }) }, l.name)),
        l.country ? row("country", h("a", { href: link("events", undefined, { place: l.country }) }, l.country)) : null,
        l.lat != null ? row("point", `${l.lat}, ${l.lon}`) : null, l.feature ? row("feature", l.feature) : null),
    });
  });
  d.events.forEach((e) => {
    const side = (label: string, p: { name: string; actor?: string | null } | null | undefined) =>
      p ? row(label, h("a", { href: actorLink(p.actor, p.name) }, p.name), p.actor ? " [" + p.actor + "]" : "") : row(label, "—");
    out.push({
      start: e.start, end: e.end, layer: "event", cls: "event" + (e.negated ? " negated" : "") + (e.hypothetical ? " hypothetical" : ""),
      title: `event ${e.code} (root ${e.root}, ${quadNames[String(e.quad)] || "quad " + e.quad}, Goldstein ${e.goldstein})${e.plover ? " " + e.plover : ""}`,
      detail: () => h("div", { class: "card" }, h("strong", null, "Event"),
        row("CAMEO", h("a", { href: link("events", undefined, { code: e.code }) }, e.code), " root ", e.root),
        e.plover ? row("PLOVER", h("a", { href: link("events", undefined, { plover: e.plover }) }, e.plover)) : null,
        row("quad class", quadNames[String(e.quad)] || String(e.quad)), row("Goldstein", String(e.goldstein)),
        side("source", e.source), side("target", e.target),
        e.negated ? row("negated", "yes") : null, e.hypothetical ? row("hypothetical", "yes") : null),
    });
  });
  return out;
}
