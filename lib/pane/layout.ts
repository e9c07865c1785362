import { browser } from 'wxt/browser';
import { PANE_LAYOUT_KEY } from '../storage';

/** How the technician left the pane: remembered across tickets, tabs and restarts. */
export interface PaneLayout {
  width: number;
  collapsed: boolean;
}

export const MIN_PANE_WIDTH = 320;
export const DEFAULT_PANE_WIDTH = 440;
/** Width of the slim handle a collapsed pane leaves. */
export const COLLAPSED_WIDTH = 36;
export const DEFAULT_LAYOUT: PaneLayout = { width: DEFAULT_PANE_WIDTH, collapsed: false };

/** Keeps the pane usable and leaves HaloPSA at least a quarter of the window. */
export function clampWidth(width: number, viewportWidth: number): number {
  const max = Math.max(MIN_PANE_WIDTH, Math.floor(viewportWidth * 0.75));
  if (!Number.isFinite(width)) return Math.min(DEFAULT_PANE_WIDTH, max);
  return Math.round(Math.min(max, Math.max(MIN_PANE_WIDTH, width)));
}

/** A stored layout, or the default for anything missing or malformed. */
export function validLayout(value: unknown): PaneLayout {
  const v = value as Partial<PaneLayout> | null | undefined;
  return {
    width: typeof v?.width === 'number' && Number.isFinite(v.width) ? v.width : DEFAULT_PANE_WIDTH,
    collapsed: v?.collapsed === true,
  };
}

// Plain storage.local: a UI preference with a forgiving reader needs no schema versioning.
export async function loadLayout(): Promise<PaneLayout> {
  const stored = await browser.storage.local.get(PANE_LAYOUT_KEY);
  return validLayout(stored[PANE_LAYOUT_KEY]);
}

export function saveLayout(layout: PaneLayout): Promise<void> {
  return browser.storage.local.set({ [PANE_LAYOUT_KEY]: validLayout(layout) });
}
