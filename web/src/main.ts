// newsgraph's dashboard: a single-page app over the JSON API, routed by the
// URL's hash. Every number links to its sentence.

import "./style.css";
import { get, type Stats } from "./api";
import { clear, h } from "./dom";
import { parseRoute } from "./route";
import { searchView } from "./views/search";
import { articleView } from "./views/article";
import { eventsView } from "./views/events";
import { actorView } from "./views/actor";
import { figuresView } from "./views/figures";

const views: Record<string, (root: HTMLElement, r: ReturnType<typeof parseRoute>) => void> = {
  search: searchView,
  doc: articleView,
  events: eventsView,
  actor: actorView,
  figures: figuresView,
};

function render(): void {
  const app = document.getElementById("app")!;
  const r = parseRoute(location.hash);
  clear(app);
  const view = views[r.view];
  document.querySelectorAll("nav a").forEach((a) => a.classList.toggle("on", a.getAttribute("data-view") === r.view));
  document.body.setAttribute("data-view", r.view);
  if (!view) {
    app.append(h("p", { class: "error" }, "No such view: " + r.view));
    return;
  }
  view(app, r);
  window.scrollTo(0, 0);
}

window.addEventListener("hashchange", render);
render();
get<Stats>("/api/stats").then((s) => {
  document.getElementById("stats")!.textContent =
    `${s.documents.toLocaleString("en-US")} documents · ${s.events.toLocaleString("en-US")} events · ${s.quotes.toLocaleString("en-US")} quotes · ${s.counts.toLocaleString("en-US")} figures`;
}).catch(() => {});
