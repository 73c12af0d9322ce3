import { select, type Selection } from "d3-selection";
import { scaleDiverging } from "d3-scale";
import { interpolateRdYlBu } from "./colors";

export type SVG = Selection<SVGSVGElement, unknown, null, undefined>;

// svgIn makes a responsive SVG (viewBox, scaled by CSS) in el.
export function svgIn(el: HTMLElement, width: number, height: number, label: string): SVG {
  return select(el)
    .append("svg")
    .attr("viewBox", `0 0 ${width} ${height}`)
    .attr("class", "chart")
    .attr("role", "img")
    .attr("aria-label", label);
}

// goldsteinColor maps a Goldstein score (-10 conflict … +10 cooperation) to a
// red–yellow–blue colour.
export const goldsteinColor = scaleDiverging<string>(interpolateRdYlBu).domain([-10, 0, 10]);
