// Tables with pages, a total and a CSV download of the same rows.

import { qs, type Count, type Params } from "./api";
import { h } from "./dom";

export interface Column<T> {
  label: string;
  cell: (row: T) => Node | string;
  cls?: string;
}

export function table<T>(rows: T[], cols: Column<T>[], open?: (row: T) => string, id?: string): HTMLElement {
  const thead = h("thead", null, h("tr", null, ...cols.map((c) => h("th", { class: c.cls }, c.label))));
  const tbody = h("tbody");
  for (const r of rows) {
    const tr = h("tr", open ? { class: "clickable", tabindex: 0 } : null, ...cols.map((c) => h("td", { class: c.cls }, c.cell(r))));
    if (open) {
      const go = () => { location.hash = open(r); };
      tr.addEventListener("click", (e) => {
        if ((e.target as Element).closest("a")) return; // a link in the row goes where it says
        go();
      });
      tr.addEventListener("keydown", (e) => { if ((e as KeyboardEvent).key === "Enter") go(); });
    }
    tbody.appendChild(tr);
  }
  return h("div", { class: "table-wrap" }, h("table", { class: "rows", id }, thead, tbody));
}

// countText is a total as the pager says it: "1,234", or "more than
// 1,000" when the server stopped counting.
export function countText(c: Count): string {
  const n = c.total.toLocaleString("en-US");
  return c.total_exact === false ? `more than ${n}` : n;
}

// pager says which rows are shown of how many, links to the previous and
// next pages (through setOffset) and offers the CSV of every matching row
// (up to the API's CSV limit). A total that is not exact counts past the
// page's end: there is a next page.
export function pager(count: Count, offset: number, limit: number, setOffset: (o: number) => void, csvPath: string, csvParams: Params): HTMLElement {
  const total = count.total;
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(total, offset + limit);
  const prev = h("button", { type: "button", disabled: offset === 0 }, "‹ previous");
  prev.addEventListener("click", () => setOffset(Math.max(0, offset - limit)));
  const next = h("button", { type: "button", disabled: last >= total && count.total_exact !== false }, "next ›");
  next.addEventListener("click", () => setOffset(offset + limit));
  const p = { ...csvParams, format: "csv", limit: 10000, offset: undefined };
  return h("div", { class: "pager" },
    h("span", { class: "count" }, `${first.toLocaleString("en-US")}–${last.toLocaleString("en-US")} of ${countText(count)}`),
    prev, next, h("a", { href: csvPath + qs(p), class: "csv", download: "" }, "CSV"));
}
