// A piecewise linear RGB interpolator over hex colours.
export function interpolateRgbBasis(hex: string[]): (t: number) => string {
  const rgb = hex.map((c) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)));
  return (t: number) => {
    t = Math.max(0, Math.min(1, t));
    const x = t * (rgb.length - 1);
    const i = Math.min(rgb.length - 2, Math.floor(x));
    const f = x - i;
    const c = rgb[i].map((v, k) => Math.round(v + (rgb[i + 1][k] - v) * f));
    return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
  };
}
