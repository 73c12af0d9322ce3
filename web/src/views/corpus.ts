// Corpus-level events and tracked figures, shown when the server has them
// (/api/corpus-events, /api/figures and their /{id} details: the corpus
// store). Rows are shown from the fields they have, so the dashboard does
// not break when those endpoints grow; only the filters an endpoint
// documents are passed to it.

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

function num(v: unknown): number | undefined {
  return typeof v === "number" ? v : undefined;
}

// disagreement says why a tracked figure's values disagree, "" when they do not.
export function disagreement(r: Row): string {
  const list = r["contradictions"];
  if (Array.isArray(list) && list.length) {
    return list.map((c: Row) => `${str(c["kind"]).replace(/_/g, " ")}: ${str(c["value"])} against ${str(c["other"])}`).join("; ");
  }
  for (const k of ["contradiction", "contradicts", "disagree", "disagreement", "conflict"]) {
    const v = r[k];
    if (v === true) return k;
    if (typeof v === "string" && v) return v;
  }
  return "";
}

function scalars(r: Row, skip: string[]): Node {
  const dl = h("dl", { class: "kvs" });
  for (const [k, v] of Object.entries(r)) {
    if (skip.includes(k) || v === null || typeof v === "object" || v === "") continue;
    dl.append(h("dt", null, k.replace(/_/g, " ")), h("dd", null, str(v)));
  }
  const place = r["place"];
  if (place && typeof place === "object") dl.append(h("dt", null, "place"), h("dd", null, str((place as Row)["name"])));
  for (const side of ["source", "target"]) {
    const a = r[side];
    if (a && typeof a === "object") dl.append(h("dt", null, side), h("dd", null, [str((a as Row)["name"]), str((a as Row)["actor"])].filter(Boolean).join(" ")));
  }
  return dl;
}

// reports lists an event's mentions or a figure's values, each linking to
// its sentence.
function reports(list: unknown): Node {
  if (!Array.isArray(list) || list.length === 0) return h("p", { class: "muted" }, "No reports.");
  return h("ul", { class: "mentions" }, ...list.slice(0, 100).map((m: Row) => {
    const label = [m["value"], m["outlet"], m["date"] || m["published"], m["attribution"], m["copy"] === true ? "copy" : ""].map(str).filter(Boolean).join(" · ");
    const doc = typeof m["doc_id"] === "string" ? (m["doc_id"] as string) : "";
    const s = num(m["sentence_start"]) ?? num(m["start"]);
    const e = num(m["sentence_end"]) ?? num(m["end"]);
    const text = m["sentence_text"] || m["text"];
    return h("li", null, doc ? h("a", { href: docLink(doc, s, e) }, label || doc) : label, text ? h("q", null, str(text)) : null);
  }));
}

// corpusFilters maps the view's filters to the corpus endpoints' names (a
// two-letter place is their country).
function corpusFilters(f: Params): Params {
  const out: Params = { ...f };
  const p = typeof f.place === "string" ? f.place : "";
  if (/^[A-Za-z]{2}$/.test(p)) out.country = p.toUpperCase();
  return out;
}

function cards(el: HTMLElement, path: string, f: Params, limit: number, detailKey: "mentions" | "values", flag: boolean): void {
  const box = h("div");
  el.append(box);
  load(box, documented(path, { ...corpusFilters(f), limit }).then((p) => get<{ items: Row[] }>(path, p)), (r) =>
    (r.items || []).length === 0 ? h("p", { class: "muted" }, "None match.") :
      h("div", { class: "cards" }, ...r.items.map((x) => {
        const why = flag ? disagreement(x) : "";
        const more = h("div");
        const id = x["id"];
        let open = false;
        const btn = h("button", { type: "button", class: "reports" }, detailKey === "values" ? "values and sources" : "mentions");
        btn.addEventListener("click", () => {
          if (open) return;
          open = true;
          load(more, get<Row>(path + "/" + encodeURIComponent(String(id))), (d) => reports(d[detailKey]));
        });
        const inline = Array.isArray(x[detailKey]) ? reports(x[detailKey]) : null;
        return h("div", { class: why ? "card disagree" : "card" },
          why ? h("p", { class: "flag" }, "Sources disagree: " + why) : null,
          scalars(x, ["id", "contradictions", "mentions", "key", "first_doc", "latest_doc"]),
          inline || (id !== undefined ? btn : null), more);
      })));
}

export function corpusEvents(el: HTMLElement, f: Params): void {
  el.classList.add("boxed");
  el.append(h("h3", null, "Corpus events (one event told by many sources)"));
  cards(el, "/api/corpus-events", f, 20, "mentions", false);
}

export function trackedFigures(el: HTMLElement, f: Params): void {
  el.classList.add("boxed");
  el.append(h("h3", null, "Tracked figures across sources"));
  cards(el, "/api/figures", f, 50, "values", true);
}
