import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  clampWidth,
  DEFAULT_LAYOUT,
  dockBox,
  hasRoomForPane,
  maxPaneWidth,
  DEFAULT_PANE_WIDTH,
  loadLayout,
  MIN_PANE_WIDTH,
  saveLayout,
  setupPromptDock,
  validLayout,
} from '../../../lib/pane/layout';

describe('clampWidth', () => {
  it('has the documented bounds', () => {
    expect(MIN_PANE_WIDTH).toBe(320);
    expect(DEFAULT_PANE_WIDTH).toBe(440);
  });

  it.each([
    [500, 1600, 500],
    [100, 1600, 320],
    [-50, 1600, 320],
    [320, 1600, 320],
    [720, 1600, 720], // HaloPSA keeps 55 %: 880 of 1600
    [721, 1600, 720],
    [5000, 1600, 720],
    [1000, 1001, 450], // floor(1001 * 0.45)
    [600, 1024, 460], // a laptop window: HaloPSA keeps 564
    [600, 900, 405], // 45 % of 900, and HaloPSA keeps 495 ≥ 480
    [450.4, 1600, 450],
    [450.6, 1600, 451],
    [NaN, 1600, 440],
    [Infinity, 1600, 440],
    [-Infinity, 1600, 440],
    [NaN, 500, 320], // no room for more than the minimum (the pane then shows collapsed)
    [NaN, 300, 320], // a narrow window still gets the minimum
    [900, 300, 320],
    [100, 0, 320],
  ])('clampWidth(%s, viewport %s) = %s', (width, viewport, expected) => {
    expect(clampWidth(width, viewport)).toBe(expected);
  });
});

describe('room for the pane', () => {
  it.each([
    [1400, 630, true],
    [1024, 460, true],
    [800, 320, true], // the narrowest window with room: HaloPSA keeps 480
    [799, 319, false],
    [700, 220, false], // a 1400 px window at 200 % zoom
    [320, -160, false],
  ])('a %s px window: the pane may be %s px wide (room: %s)', (viewport, max, room) => {
    expect(maxPaneWidth(viewport)).toBe(max);
    expect(hasRoomForPane(viewport)).toBe(room);
    // Whatever the window, HaloPSA keeps at least 55 % and 480 px whenever the pane is open.
    if (room) expect(viewport - max).toBeGreaterThanOrEqual(Math.max(480, (viewport * 55) / 100));
  });
});

describe('validLayout', () => {
  it.each([
    [
      { width: 600, collapsed: true },
      { width: 600, collapsed: true },
    ],
    [
      { width: 600, collapsed: false, extra: 1 },
      { width: 600, collapsed: false },
    ],
    [{ width: 600 }, { width: 600, collapsed: false }],
    [{ collapsed: true }, { width: null, collapsed: true }],
  ])('keeps %j', (value, expected) => {
    expect(validLayout(value)).toEqual(expected);
  });

  it.each([
    undefined,
    null,
    'wide',
    42,
    [],
    {},
    { width: '600', collapsed: 'true' },
    { width: NaN, collapsed: 1 },
    { width: Infinity, collapsed: null },
    { width: null, collapsed: 'yes' },
  ])('falls back to the default for %j', (value) => {
    expect(validLayout(value)).toEqual(DEFAULT_LAYOUT);
  });
});

describe('the default width: narrower on a laptop', () => {
  it.each([
    [1600, 440],
    [1281, 440],
    [1280, 360],
    [1024, 360],
    // A window where 360 would leave HaloPSA too little: the most it may have, never under the minimum.
    [800, 320],
  ])('a %i px window starts the pane %i px wide', (viewport, width) => {
    expect(clampWidth(null, viewport)).toBe(width);
    expect(clampWidth(DEFAULT_LAYOUT.width, viewport)).toBe(width);
  });

  it('a width the technician chose is kept in any window that has room for it', () => {
    expect(clampWidth(440, 1280)).toBe(440);
    expect(clampWidth(360, 1600)).toBe(360);
  });
});

describe('loadLayout / saveLayout', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('loads the default when nothing is stored', async () => {
    expect(await loadLayout()).toEqual({ width: null, collapsed: false });
  });

  it('round-trips a layout through storage.local "paneLayout"', async () => {
    await saveLayout({ width: 612, collapsed: true });
    expect(await fakeBrowser.storage.local.get('paneLayout')).toEqual({ paneLayout: { width: 612, collapsed: true } });
    expect(await loadLayout()).toEqual({ width: 612, collapsed: true });
  });

  it('loads the default for a corrupt stored layout', async () => {
    await fakeBrowser.storage.local.set({ paneLayout: { width: 'wide', collapsed: 'yes' } });
    expect(await loadLayout()).toEqual(DEFAULT_LAYOUT);
  });

  it('saves a malformed layout as a valid one', async () => {
    await saveLayout({ width: NaN, collapsed: 'yes' } as never);
    expect((await fakeBrowser.storage.local.get('paneLayout')).paneLayout).toEqual(DEFAULT_LAYOUT);
  });
});

describe('setupPromptDock', () => {
  it.each([
    [1400, 280],
    [1024, 280],
    [800, 280], // HaloPSA keeps 520
    [760, 280], // HaloPSA keeps 480
    [759, 0], // too narrow: the prompt floats instead
    [700, 0],
    [0, 0],
  ])('viewport %s: %s px beside HaloPSA', (viewport, expected) => expect(setupPromptDock(viewport)).toBe(expected));
});

describe('dockBox: where the dock sits and what room it takes', () => {
  const OPEN = { width: 440, collapsed: false };
  it('an open pane is a column as wide as the technician left it, pushing HaloPSA by as much', () => {
    expect(dockBox('pane', OPEN, 1400, {})).toEqual({ shape: 'column', width: 440, push: 440 });
  });

  it('a collapsed pane, or one in a window with no room, is the slim handle', () => {
    expect(dockBox('pane', { ...OPEN, collapsed: true }, 1400, {})).toEqual({ shape: 'column', width: 36, push: 36 });
    expect(dockBox('pane', OPEN, 700, {})).toEqual({ shape: 'column', width: 36, push: 36 });
  });

  it('the setup prompt docks where there is room, and floats as a card where there is not', () => {
    expect(dockBox('setup', OPEN, 1400, { height: 120 })).toEqual({ shape: 'column', width: 280, push: 280 });
    expect(dockBox('setup', OPEN, 700, { height: 120 })).toEqual({ shape: 'card', width: 300, height: 120, push: 0 });
  });

  it('the offer is a card at the height its page measured (a default before)', () => {
    expect(dockBox('offer', OPEN, 1400, { height: 131 })).toEqual({ shape: 'card', width: 300, height: 131, push: 0 });
    expect(dockBox('offer', OPEN, 1400, {})).toEqual({ shape: 'card', width: 300, height: 96, push: 0 });
  });

  it('beside HaloPSA’s own Technician Tools the pane is its handle, open or collapsed, wide window or not', () => {
    const handle = { shape: 'column', width: 36, push: 36 };
    expect(dockBox('native', OPEN, 1400, {})).toEqual(handle);
    expect(dockBox('native', { width: 600, collapsed: true }, 1400, { height: 300 })).toEqual(handle);
    expect(dockBox('native', OPEN, 700, {})).toEqual(handle);
  });

  it('"In the side panel" is the edge tab at its measured size, taking no room', () => {
    expect(dockBox('elsewhere', OPEN, 1400, {})).toEqual({ shape: 'edge', width: 40, height: 104, push: 0 });
    expect(dockBox('elsewhere', OPEN, 1400, { width: 290, height: 130 })).toEqual({
      shape: 'edge',
      width: 290,
      height: 130,
      push: 0,
    });
  });
});
