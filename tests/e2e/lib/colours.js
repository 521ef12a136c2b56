/*
 * Colour arithmetic for the tests of the badge's and panel's colours (colours.test.js), written out so that each
 * step can be checked against its source:
 * - contrast: WCAG 2 relative luminance and contrast ratio (https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio);
 * - deltaE: CIE76, the Euclidean distance in CIE L*a*b* (D65), from sRGB through linear RGB and XYZ;
 * - simulate: colour vision deficiency after Machado, Oliveira and Fernandes (2009), "A physiologically-based
 *   model for simulation of color vision deficiency", the severity 1.0 matrices (protanopia, deuteranopia),
 *   applied to linear RGB as the paper does.
 * Colours are {r, g, b, a} with r, g, b in 0..255 and a in 0..1, as getComputedStyle gives them.
 */

/** "rgb(12, 34, 56)", "rgba(12, 34, 56, 0.5)" or "rgb(12 34 56 / 50%)" as {r, g, b, a}; throws on anything else. */
export function parseColour(text) {
  const m = /^rgba?\(([^)]*)\)$/.exec(String(text).trim());
  if (!m) throw new Error(`not an rgb() colour: ${text}`);
  const parts = m[1].split(/[\s,/]+/).filter(Boolean);
  const alpha = parts[3] === undefined ? 1 : parts[3].endsWith('%') ? Number(parts[3].slice(0, -1)) / 100 : Number(parts[3]);
  const [r, g, b] = parts.slice(0, 3).map(Number);
  if (![r, g, b, alpha].every(Number.isFinite)) throw new Error(`not an rgb() colour: ${text}`);
  return { r, g, b, a: alpha };
}

/** Paints `top` over an opaque `bottom` (source-over). */
export function over(top, bottom) {
  const mix = (t, b) => t * top.a + b * (1 - top.a);
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a: 1 };
}

export const hex = ({ r, g, b }) => `#${[r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

// sRGB's transfer function, one channel 0..255 to linear 0..1, and back (IEC 61966-2-1).
const toLinear = (v) => {
  const c = v / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};
const fromLinear = (c) => 255 * (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);
const linear = ({ r, g, b }) => [toLinear(r), toLinear(g), toLinear(b)];
const times = (m, v) => m.map((row) => row[0] * v[0] + row[1] * v[1] + row[2] * v[2]);

/** WCAG relative luminance: linear R, G and B weighted by the eye's sensitivity (Rec. 709 primaries). */
export function luminance(colour) {
  const [r, g, b] = linear(colour);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two opaque colours, 1 to 21: (lighter + 0.05) / (darker + 0.05). */
export function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

// Linear sRGB to CIE XYZ (D65), and D65's white point.
const SRGB_TO_XYZ = [[0.4124564, 0.3575761, 0.1804375], [0.2126729, 0.7151522, 0.0721750], [0.0193339, 0.1191920, 0.9503041]];
const WHITE = [0.95047, 1, 1.08883];

/** CIE L*a*b* (D65) of an sRGB colour: [L, a, b]. */
export function lab(colour) {
  // f is a cube root, with a straight line near black where the cube root is too steep (CIE 15).
  const f = (t) => (t > (6 / 29) ** 3 ? Math.cbrt(t) : t / (3 * (6 / 29) ** 2) + 4 / 29);
  const [fx, fy, fz] = times(SRGB_TO_XYZ, linear(colour)).map((v, i) => f(v / WHITE[i]));
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

/** CIE76 colour difference: the distance between two colours in L*a*b*. About 2.3 is just noticeable. */
export function deltaE(a, b) {
  const [p, q] = [lab(a), lab(b)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

// Machado et al. 2009, Table 1 at severity 1.0: the linear RGB a dichromat sees in place of linear RGB.
// Each row sums to 1, so greys (and white and black) stay as they are.
export const VISIONS = {
  normal: null,
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
};

/** The colour as a person with the given vision (a key of VISIONS) sees it, back in sRGB 0..255. */
export function simulate(colour, vision) {
  const matrix = VISIONS[vision];
  if (matrix === undefined) throw new Error(`unknown vision ${vision}`);
  if (!matrix) return colour;
  // The matrices can leave the gamut a little; clip, as a screen would.
  const [r, g, b] = times(matrix, linear(colour)).map((c) => fromLinear(Math.min(1, Math.max(0, c))));
  return { r, g, b, a: colour.a };
}
