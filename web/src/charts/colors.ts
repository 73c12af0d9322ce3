// Colours, without a colour-scheme dependency.

import { interpolateRgbBasis } from "./interp";

export const interpolateRdYlBu = interpolateRgbBasis(["#a50026", "#f46d43", "#fee090", "#e0f3f8", "#74add1", "#313695"]);

// One colour per quad class (verbal/material cooperation, verbal/material conflict).
export const quadColors: Record<string, string> = { "1": "#74add1", "2": "#313695", "3": "#f4a582", "4": "#b2182b" };

// A categorical palette (Tableau 10).
export const palette = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];
