// Building the page. Untrusted text (everything that comes from the store)
// only ever becomes a text node or an attribute value set through the DOM;
// nothing here parses HTML. Links that come from data are kept only when
// they are http(s).

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | undefined | null | ((e: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (typeof v === "function") {
        el.addEventListener(k.replace(/^on/, ""), v);
      } else if (k === "href") {
        el.setAttribute("href", safeHref(String(v)));
      } else if (k.startsWith("on") || k === "style" || k === "srcdoc") {
        throw new Error("h: attribute " + k + " is not allowed");
      } else {
        el.setAttribute(k, v === true ? "" : String(v));
      }
    }
  }
  append(el, ...children);
  return el;
}

export function append(el: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

// safeHref keeps in-app links (#...), this server's API (/api/...) and
// http(s) URLs; anything else (javascript:, data:, ...) becomes "#".
export function safeHref(u: string): string {
  if (u.startsWith("#") || u.startsWith("/api/")) return u;
  try {
    const p = new URL(u, location.href);
    if (p.protocol === "http:" || p.protocol === "https:") return p.href;
  } catch {
    /* not a URL */
  }
  return "#";
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

export function fmtNum(n: number): string {
  return n.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

export function fmtDate(s: string | null | undefined): string {
  return s ? s.slice(0, 10) : "undated";
}

// loading shows a placeholder in el until the promise settles; a failure
// becomes an error line (as text).
export async function load<T>(el: Element, p: Promise<T>, render: (v: T) => Child | Child[]): Promise<void> {
  clear(el);
  el.appendChild(h("p", { class: "muted" }, "Loading…"));
  try {
    const v = await p;
    clear(el);
    const out = render(v);
    if (Array.isArray(out)) append(el, ...out);
    else append(el, out);
  } catch (err) {
    clear(el);
    el.appendChild(h("p", { class: "error" }, String(err instanceof Error ? err.message : err)));
  }
}

export const quadNames: Record<string, string> = {
  "1": "verbal cooperation",
  "2": "material cooperation",
  "3": "verbal conflict",
  "4": "material conflict",
};

export const SVGNS = "http://www.w3.org/2000/svg";
