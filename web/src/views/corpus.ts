// Corpus-level events and tracked figures, shown when the server has them
// (/api/corpus-events, /api/figures: the corpus store). Their rows are shown
// generically from the fields they have, so the dashboard does not break
// when those endpoints grow.

import { documented, get, type Params } from "../api";
import { h, load, fmtNum } from "../dom";
import { docLink } from "../route";

type Row = Record<string, unknown>;

function str(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return fmtNum(v);
  if (typeof v === "object") return "";
  return String(v);
}

// disagreement finds a contradiction flag on a tracked figure.
export function disagreement(r: Row): string {
  for (const k of ["contradiction", "contradicts", "contradictory", "disagree", "disagreement", "conflict", "conflicting"]) {
    const v = r[k];
    if (v === true) return k;
    if (typeof v === "string" && v) return v;
  }
  const flags = r["flags"];
  if (Array.isArray(flags) && flags.length) return flags.map(String).join(", ");
  return "";
}

function scalars(r: Row, skip: string[]): Node {
  const dl = h("dl", { class: "kvs" });
  for (const [k, v] of Object.entries(r)) {
    if (skip.includes(k) || typeof v === "object") continue;
    dl.append(h("dt", null, k), h("dd", null, str(v)));
  }
  return dl;
}

function mentions(list: unknown): Node | null {
  if (!Array.isArray(list) || list.length === 0) return null;
  return h("ul", { class: "mentions" }, ...list.slice(0, 50).map((m: Row) => {
    const label = [m["value"], m["outlet"] || m["source"], m["published"] || m["date"], m["attribution"] || m["attributed_to"]].map(str).filter(Boolean).join(" · ");
    const doc = typeof m["doc_id"] === "string" ? (m["doc_id"] as string) : "";
    const s = typeof m["sentence_start"] === "number" ? (m["sentence_start"] as number) : typeof m["start"] === "number" ? (m["start"] as number) : undefined;
    const e = typeof m["sentence_end"] === "number" ? (m["sentence_end"] as number) : typeof m["end"] === "number" ? (m["end"] as number) : undefined;
    return h("li", null, doc ? h("a", { href: docLink(doc, s, e) }, label || doc) : label, m["text"] ? h("q", null, str(m["text"])) : null);
  }));
}

export function corpusEvents(el: HTMLElement, f: Params): void {
  el.classList.add("boxed");
  el.append(h("h3", null, "Corpus events (one event told by many sources)"));
  const box = h("div");
  el.append(box);
  load(box, documented("/api/corpus-events", { ...f, limit: 20 }).then((p) => get<{ items: Row[] }>("/api/corpus-events", p)), (r) =>
    (r.items || []).length === 0 ? h("p", { class: "muted" }, "No corpus events match.") :
      h("div", { class: "cards" }, ...r.items.map((x) => h("div", { class: "card" }, scalars(x, ["mentions"]), mentions(x["mentions"])))));
}

export function trackedFigures(el: HTMLElement, f: Params): void {
  el.classList.add("boxed");
  el.append(h("h3", null, "Tracked figures across sources"));
  const box = h("div");
  el.append(box);
  load(box, documented("/api/figures", { ...f, limit: 50 }).then((p) => get<{ items: Row[] }>("/api/figures", p)), (r) =>
    (r.items || []).length === 0 ? h("p", { class: "muted" }, "No tracked figures match.") :
      h("div", { class: "cards" }, ...r.items.map((x) => {
        const why = disagreement(x);
        return h("div", { class: why ? "card disagree" : "card" },
          why ? h("p", { class: "flag" }, "Sources disagree: " + why) : null,
          scalars(x, ["values", "mentions", "reports"]), mentions(x["values"] || x["reports"] || x["mentions"]));
      })));
}
