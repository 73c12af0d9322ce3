// Hash routes: #/view/arg?param=value. Views read their state from the
// route, so every screen can be linked to and reloaded.

export interface Route {
  view: string;
  arg: string;
  params: URLSearchParams;
}

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#\/?/, "");
  const [path, query] = raw.split("?", 2);
  const parts = path.split("/");
  return {
    view: parts[0] || "search",
    arg: decodeURIComponent(parts.slice(1).join("/")),
    params: new URLSearchParams(query || ""),
  };
}

export function link(view: string, arg?: string, params?: Record<string, string | number | undefined | null>): string {
  let s = "#/" + view;
  if (arg) s += "/" + encodeURIComponent(arg);
  if (params) {
    const u = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") u.set(k, String(v));
    const q = u.toString();
    if (q) s += "?" + q;
  }
  return s;
}

// docLink opens a document with the code point span [start, end) (an
// evidence sentence) highlighted.
export function docLink(id: string, start?: number, end?: number): string {
  return link("doc", id, { s: start, e: end });
}

// actorLink opens the page of an actor code or, without one, of a name.
export function actorLink(code: string | null | undefined, name?: string | null): string {
  return code ? link("actor", undefined, { code, name: name || undefined }) : link("actor", undefined, { name: name || undefined });
}
