/** WCAG 2.x contrast from CSS colours as browsers compute them (`rgb()`, `rgba()`, `color(srgb …)`). */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  /** 0 (transparent) to 1. */
  a: number;
}

/** WCAG AA: normal text, and large text or non-text (focus indicators, control edges). */
export const AA_TEXT = 4.5;
export const AA_LARGE = 3;

/** Parses a computed colour; null for anything else (keywords, other colour spaces). */
export function parseColor(value: string): Rgba | null {
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(value.trim());
  if (rgb) return valid(+rgb[1], +rgb[2], +rgb[3], alpha(rgb[4]));
  const srgb = /^color\(srgb\s+([\d.e-]+)\s+([\d.e-]+)\s+([\d.e-]+)(?:\s*\/\s*([\d.]+%?))?\s*\)$/.exec(value.trim());
  if (srgb) return valid(+srgb[1] * 255, +srgb[2] * 255, +srgb[3] * 255, alpha(srgb[4]));
  return null;
}

const alpha = (value: string | undefined): number =>
  value === undefined ? 1 : value.endsWith('%') ? Number.parseFloat(value) / 100 : Number(value);

function valid(r: number, g: number, b: number, a: number): Rgba | null {
  return [r, g, b, a].every(Number.isFinite) ? { r, g, b, a: Math.min(1, Math.max(0, a)) } : null;
}

/** `top` painted over the opaque `bottom` (source-over). */
export function over(top: Rgba, bottom: Rgba): Rgba {
  const mix = (t: number, b: number) => t * top.a + b * (1 - top.a);
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a: 1 };
}

/** Relative luminance (WCAG 2.x definition; alpha ignored: composite first). */
export function luminance({ r, g, b }: Rgba): number {
  const channel = (c: number) => {
    const s = Math.min(255, Math.max(0, c)) / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** Contrast ratio of two opaque colours, 1 to 21. */
export function contrastRatio(a: Rgba, b: Rgba): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** Large text in WCAG terms: at least 24 px, or 18.66 px bold. */
export const isLargeText = (fontSizePx: number, fontWeight: number): boolean =>
  fontSizePx >= 24 || (fontSizePx >= 18.66 && fontWeight >= 700);
