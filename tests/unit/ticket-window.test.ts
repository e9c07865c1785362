import { describe, expect, it } from 'vitest';
import { boundsChanged, openerFromQuery, ticketWindowPath, windowBounds } from '../../lib/ticket-window';

describe('the window’s opener', () => {
  it.each([
    [ticketWindowPath(7).split('.html')[1] ?? '', 7],
    ['?opener=1234567890', 1234567890],
    ['', undefined],
    ['?opener=', undefined],
    ['?opener=-1', undefined],
    ['?opener=7x', undefined],
    ['?opener=12345678901', undefined],
  ])('%j → %s', (search, expected) => {
    expect(openerFromQuery(search)).toBe(expected);
  });

  it('no opener: the bare page', () => {
    expect(ticketWindowPath(undefined)).toBe('/ticket-window.html');
  });
});

describe('windowBounds', () => {
  const good = { left: -1200, top: 0, width: 480, height: 800 };
  it('keeps valid bounds, on a monitor left of the main one too', () => {
    expect(windowBounds(good)).toEqual(good);
    expect(windowBounds({ ...good, extra: 1 })).toEqual(good);
  });
  it.each([
    [null],
    [undefined],
    [[1, 2, 3, 4]],
    [{ ...good, width: 319 }],
    [{ ...good, height: 299 }],
    [{ ...good, left: Number.NaN }],
    [{ ...good, top: 1e9 }],
    [{ ...good, width: '480' }],
    [{ left: 0, top: 0, width: 480 }],
  ])('refuses %j', (value) => {
    expect(windowBounds(value)).toBeNull();
  });
});

describe('boundsChanged', () => {
  const bounds = { left: 10, top: 20, width: 480, height: 800 };
  it('saves the first bounds and every change, never the same twice', () => {
    expect(boundsChanged(null, bounds)).toBe(true);
    expect(boundsChanged(bounds, { ...bounds })).toBe(false);
    expect(boundsChanged(bounds, { ...bounds, left: 11 })).toBe(true);
    expect(boundsChanged(bounds, { ...bounds, height: 801 })).toBe(true);
  });
  it('never saves bounds that would not be used (a minimized window reports tiny or odd ones)', () => {
    expect(boundsChanged(bounds, { ...bounds, width: 0, height: 0 })).toBe(false);
  });
});
