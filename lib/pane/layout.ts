import { browser } from 'wxt/browser';
import { PANE_LAYOUT_KEY } from '../storage';

/** How the technician left the pane: remembered across tickets, tabs and restarts. */
export interface PaneLayout {
  /** null until the technician resizes: the default for the window (defaultPaneWidth). */
  width: number | null;
  collapsed: boolean;
}

export const MIN_PANE_WIDTH = 320;
export const DEFAULT_PANE_WIDTH = 440;
/** Width of the slim handle a collapsed pane leaves. */
export const COLLAPSED_WIDTH = 36;
/** A laptop's window (≤ LAPTOP_WIDTH CSS px) starts the pane this wide, leaving HaloPSA more of it. */
export const LAPTOP_PANE_WIDTH = 360;
export const LAPTOP_WIDTH = 1280;
export const defaultPaneWidth = (viewportWidth: number): number =>
  viewportWidth <= LAPTOP_WIDTH ? LAPTOP_PANE_WIDTH : DEFAULT_PANE_WIDTH;
export const DEFAULT_LAYOUT: PaneLayout = { width: null, collapsed: false };

/** HaloPSA keeps at least this percentage of the window, and never less than MIN_HALO_WIDTH CSS px. */
export const MIN_HALO_PERCENT = 55;
export const MIN_HALO_WIDTH = 480;

/** The widest the pane may be in a window this wide (CSS px, so zoom counts): what leaves HaloPSA its room. */
export const maxPaneWidth = (viewportWidth: number): number =>
  // Whole-number percent arithmetic: 1600 * 0.45 is 719.999… in floating point.
  Math.floor(Math.min((viewportWidth * (100 - MIN_HALO_PERCENT)) / 100, viewportWidth - MIN_HALO_WIDTH));

/** Whether the open pane fits at all; where it does not, it shows collapsed until the window has room again. */
export const hasRoomForPane = (viewportWidth: number): boolean => maxPaneWidth(viewportWidth) >= MIN_PANE_WIDTH;

/** The setup prompt docks beside HaloPSA like the pane, this wide, where the window has room for it. */
export const SETUP_PROMPT_WIDTH = 280;

/** How much room the setup prompt takes beside HaloPSA: its width, or 0 (it floats) in a window too narrow. */
export const setupPromptDock = (viewportWidth: number): number =>
  maxPaneWidth(viewportWidth) >= SETUP_PROMPT_WIDTH ? SETUP_PROMPT_WIDTH : 0;

/** Keeps the pane usable and leaves HaloPSA its room (see maxPaneWidth). */
export function clampWidth(width: number | null, viewportWidth: number): number {
  const max = Math.max(MIN_PANE_WIDTH, maxPaneWidth(viewportWidth));
  if (width === null || !Number.isFinite(width)) return Math.min(defaultPaneWidth(viewportWidth), max);
  return Math.round(Math.min(max, Math.max(MIN_PANE_WIDTH, width)));
}

/** A stored layout, or the default for anything missing or malformed. */
export function validLayout(value: unknown): PaneLayout {
  const v = value as Partial<PaneLayout> | null | undefined;
  return {
    width: typeof v?.width === 'number' && Number.isFinite(v.width) ? v.width : null,
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

/** The grip along the pane's left edge, drawn by the pane's page; ImmyBot's frame starts right of it. */
export const GRIP_WIDTH = 6;
/** The pane's header and summary line until its page says how tall they are: the frame starts below. */
export const DEFAULT_HEADER_HEIGHT = 74;
/** A floating card (the offer, the setup prompt in a narrow window). */
export const CARD_WIDTH = 300;
export const DEFAULT_CARD_HEIGHT = 96;
/** "In the side panel" or "In its own window": the slim tab on the window's edge. */
export const EDGE_SIZE = { width: 40, height: 104 };

export type DockShape = 'column' | 'card' | 'edge';

/** Where and how big the dock is in HaloPSA's window, and how much room it takes from HaloPSA's page. */
export interface DockBox {
  shape: DockShape;
  width: number;
  /** Only for cards and the edge tab; a column is as tall as the window. */
  height?: number;
  push: number;
}

/**
 * The dock's box for what it shows: the pane and the roomy setup prompt are columns beside HaloPSA (pushing its
 * page), the rest float over it at the size their page asked for (`content`).
 */
export function dockBox(
  mode: 'pane' | 'setup' | 'offer' | 'native' | 'elsewhere',
  layout: PaneLayout,
  viewportWidth: number,
  content: { width?: number; height?: number },
): DockBox {
  if (mode === 'pane') {
    const width =
      layout.collapsed || !hasRoomForPane(viewportWidth) ? COLLAPSED_WIDTH : clampWidth(layout.width, viewportWidth);
    return { shape: 'column', width, push: width };
  }
  // Beside HaloPSA's own Technician Tools: the pane's handle, whichever of HaloPSA's tabs is open.
  if (mode === 'native') return { shape: 'column', width: COLLAPSED_WIDTH, push: COLLAPSED_WIDTH };
  const dock = mode === 'setup' ? setupPromptDock(viewportWidth) : 0;
  if (dock > 0) return { shape: 'column', width: dock, push: dock };
  if (mode === 'elsewhere')
    return {
      shape: 'edge',
      width: content.width ?? EDGE_SIZE.width,
      height: content.height ?? EDGE_SIZE.height,
      push: 0,
    };
  return { shape: 'card', width: CARD_WIDTH, height: content.height ?? DEFAULT_CARD_HEIGHT, push: 0 };
}
