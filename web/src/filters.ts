// The filter form shared by the explorer views: fields bound to route
// parameters. Submitting rewrites the route, so filters are in the URL.

import { h } from "./dom";

export interface Field {
  name: string;
  label: string;
  kind?: "text" | "select" | "check" | "date";
  options?: [string, string][];
  placeholder?: string;
}

export function filterForm(fields: Field[], values: URLSearchParams, submit: (v: Record<string, string>) => void): HTMLFormElement {
  const form = h("form", { class: "filters", role: "search" });
  for (const f of fields) {
    const id = "f-" + f.name;
    let input: HTMLInputElement | HTMLSelectElement;
    if (f.kind === "select") {
      input = h("select", { id, name: f.name }, ...(f.options || []).map(([v, l]) => h("option", { value: v }, l)));
      input.value = values.get(f.name) || "";
    } else if (f.kind === "check") {
      input = h("input", { id, name: f.name, type: "checkbox" });
      input.checked = values.get(f.name) === "1";
    } else {
      input = h("input", { id, name: f.name, type: f.kind === "date" ? "date" : "text", placeholder: f.placeholder || "" });
      input.value = values.get(f.name) || "";
    }
    form.appendChild(h("label", { for: id, class: f.kind === "check" ? "check" : undefined }, h("span", null, f.label), input));
  }
  form.appendChild(h("div", { class: "buttons" }, h("button", { type: "submit", id: "apply" }, "Apply"), h("button", { type: "reset" }, "Clear")));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const v: Record<string, string> = {};
    for (const f of fields) {
      const el = form.elements.namedItem(f.name) as HTMLInputElement | HTMLSelectElement;
      if (f.kind === "check") {
        if ((el as HTMLInputElement).checked) v[f.name] = "1";
      } else if (el.value.trim() !== "") v[f.name] = el.value.trim();
    }
    submit(v);
  });
  form.addEventListener("reset", (e) => {
    e.preventDefault();
    submit({});
  });
  return form;
}

// pick returns the route parameters named in keys (non-empty only).
export function pick(p: URLSearchParams, keys: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of keys) {
    const v = p.get(k);
    if (v) out[k] = v;
  }
  return out;
}

export function chips(title: string, groups: { key: string; count: number }[], href: (key: string) => string, label?: (key: string) => string): HTMLElement {
  return h("div", { class: "facet" }, h("h4", null, title),
    groups.length === 0 ? h("p", { class: "muted" }, "—") :
      h("ul", null, ...groups.map((g) => h("li", null, h("a", { href: href(g.key) }, label ? label(g.key) : g.key), h("span", { class: "n" }, g.count.toLocaleString("en-US"))))));
}
