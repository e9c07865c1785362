/**
 * The private line between the content script (the dock in HaloPSA's page) and the pane's own extension page
 * framed inside it. The dock hands the frame a MessagePort on load; nothing on it carries ImmyBot's data or
 * trust. The frame treats what the dock says as layout hints only: a HaloPSA page can post to the frame too.
 */

/** What the dock shows now; the frame draws it, but decides itself (from the background) what data it may show. */
export type DockMode = 'pane' | 'setup' | 'offer' | 'native' | 'elsewhere';

/** Dock → frame. */
export type DockMessage =
  | {
      t: 'state';
      mode: DockMode;
      /** The pane shows as its slim handle: by choice, or because the window has no room (`noRoom`). */
      collapsed: boolean;
      noRoom: boolean;
      /** The open pane's width and the range the grip may take now (CSS px of HaloPSA's window). */
      width: number;
      min: number;
      max: number;
      dark: boolean;
    }
  /** Into the pane's controls (skip link, shortcut). */
  | { t: 'focus' }
  /**
   * The dock showed something new, mostly after HaloPSA's own navigation: ask the background again which tab
   * and address this frame sits in. Carries nothing; the answer is the browser's.
   */
  | { t: 'moved' };

/** Frame → dock. */
export type FrameMessage =
  /** The frame's content needs this much room: the header's height on a pane, the whole card otherwise. */
  | { t: 'size'; height: number; width?: number }
  /** A new width (grip) or collapse state; `end` when the technician let go, so it is remembered. */
  | { t: 'layout'; width?: number; collapsed?: boolean; end?: boolean }
  | { t: 'dragging'; on: boolean }
  /** The header's Reload: the Technician Tools frame loads again. */
  | { t: 'reload' }
  /** HaloPSA shows its own Technician Tools: the pane beside it anyway, for this ticket. */
  | { t: 'openHere' }
  | { t: 'dismissSetup' };

/** Marks the dock's hand-over of the port, so the frame can tell it from other messages. */
export const CONNECT = 'immybot-technician-tools:connect';

const MODES: readonly string[] = ['pane', 'setup', 'offer', 'native', 'elsewhere'];
const isSize = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 && value < 100_000;

/** Validates what the frame receives: the dock's messages, or a page's forgery of them (harmless either way). */
export function readDockMessage(data: unknown): DockMessage | null {
  const m = data as Partial<Record<string, unknown>> | null;
  if (m?.t === 'focus') return { t: 'focus' };
  if (m?.t === 'moved') return { t: 'moved' };
  if (m?.t !== 'state' || typeof m.mode !== 'string' || !MODES.includes(m.mode)) return null;
  if (![m.width, m.min, m.max].every(isSize)) return null;
  return {
    t: 'state',
    mode: m.mode as DockMode,
    collapsed: m.collapsed === true,
    noRoom: m.noRoom === true,
    width: m.width as number,
    min: m.min as number,
    max: m.max as number,
    dark: m.dark === true,
  };
}

/** Validates what the dock receives from its frame (only the frame holds the port, but shapes are checked anyway). */
export function readFrameMessage(data: unknown): FrameMessage | null {
  const m = data as Partial<Record<string, unknown>> | null;
  switch (m?.t) {
    case 'size':
      return isSize(m.height) && (m.width === undefined || isSize(m.width))
        ? { t: 'size', height: m.height, width: m.width as number | undefined }
        : null;
    case 'layout':
      if (m.width !== undefined && !isSize(m.width)) return null;
      return {
        t: 'layout',
        width: m.width as number | undefined,
        collapsed: typeof m.collapsed === 'boolean' ? m.collapsed : undefined,
        end: m.end === true,
      };
    case 'dragging':
      return { t: 'dragging', on: m.on === true };
    case 'reload':
    case 'openHere':
    case 'dismissSetup':
      return { t: m.t };
    default:
      return null;
  }
}
