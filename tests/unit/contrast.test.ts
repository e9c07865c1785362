import { describe, expect, it } from 'vitest';
import { contrastRatio, isLargeText, luminance, over, parseColor } from '../../lib/contrast';

const rgb = (r: number, g: number, b: number, a = 1) => ({ r, g, b, a });

describe('parseColor', () => {
  it.each([
    ['rgb(255, 255, 255)', rgb(255, 255, 255)],
    ['rgba(0, 0, 0, 0.5)', rgb(0, 0, 0, 0.5)],
    ['rgb(31 111 235 / 35%)', rgb(31, 111, 235, 0.35)],
    ['color(srgb 1 0.5 0)', rgb(255, 127.5, 0)],
    ['color(srgb 0 0 1 / 0.25)', rgb(0, 0, 255, 0.25)],
  ])('%s', (value, expected) => expect(parseColor(value)).toEqual(expected));

  it.each(['transparent', 'red', 'oklab(0.5 0 0)', '', 'rgb(a, b, c)'])('rejects %j', (value) =>
    expect(parseColor(value)).toBeNull(),
  );
});

describe('contrast', () => {
  it('black on white is 21:1 and a colour against itself 1:1, in either order', () => {
    expect(contrastRatio(rgb(0, 0, 0), rgb(255, 255, 255))).toBeCloseTo(21, 5);
    expect(contrastRatio(rgb(255, 255, 255), rgb(0, 0, 0))).toBeCloseTo(21, 5);
    expect(contrastRatio(rgb(31, 111, 235), rgb(31, 111, 235))).toBe(1);
  });

  it('matches the ratios axe-core reported here', () => {
    // White on #4c8dff (the dark theme's old button) 3.2:1; #1f6feb on #f5f7fa (the popup's link) 4.31:1.
    expect(contrastRatio(rgb(255, 255, 255), rgb(0x4c, 0x8d, 0xff))).toBeCloseTo(3.2, 1);
    // axe truncates to two decimals.
    expect(Math.floor(contrastRatio(rgb(0x1f, 0x6f, 0xeb), rgb(0xf5, 0xf7, 0xfa)) * 100) / 100).toBe(4.31);
  });

  it('luminance follows WCAG: mid grey #777 is about 0.184', () => {
    expect(luminance(rgb(0x77, 0x77, 0x77))).toBeCloseTo(0.1845, 3);
  });

  it('composites a translucent colour over its background', () => {
    expect(over(rgb(0, 0, 0, 0.5), rgb(255, 255, 255))).toEqual(rgb(127.5, 127.5, 127.5));
    expect(over(rgb(10, 20, 30), rgb(255, 255, 255))).toEqual(rgb(10, 20, 30));
  });

  it('large text: 24 px, or 18.66 px bold', () => {
    expect(isLargeText(24, 400)).toBe(true);
    expect(isLargeText(19, 700)).toBe(true);
    expect(isLargeText(19, 600)).toBe(false);
    expect(isLargeText(13, 700)).toBe(false);
  });
});
