/**
 * The Technician Tools window: an extension page in a window of its own (a second monitor), following the ticket
 * of the browser window used last. One at a time; it remembers where it was and how big.
 */

/** The window's page; `?opener=<windowId>` names the browser window it starts following. */
export const TICKET_WINDOW_PATH = '/ticket-window.html' as const;

export const ticketWindowPath = (openerWindowId: number | undefined): string =>
  openerWindowId === undefined ? TICKET_WINDOW_PATH : `${TICKET_WINDOW_PATH}?opener=${openerWindowId}`;

/** The opener named in the page's query, if it is a window id at all. */
export function openerFromQuery(search: string): number | undefined {
  const value = new URLSearchParams(search).get('opener');
  return value !== null && /^\d{1,10}$/.test(value) ? Number(value) : undefined;
}

export interface WindowBounds {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The first size, before the technician chooses one: the side panel's width, a tall window. */
export const DEFAULT_WINDOW_SIZE = { width: 480, height: 800 } as const;
/** Smaller than this and the header and ImmyBot's page no longer fit: a stored size below it is not used. */
export const MIN_WINDOW_SIZE = { width: 320, height: 300 } as const;

const MAX_COORDINATE = 100_000;
const isCoordinate = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= MAX_COORDINATE;

/**
 * Stored bounds, checked: storage is ours, but an old or damaged value must not open a window off every screen
 * or too small to use. Anything else is null (the default size, placed by the browser).
 */
export function windowBounds(value: unknown): WindowBounds | null {
  if (typeof value !== 'object' || value === null) return null;
  const { left, top, width, height } = value as Partial<Record<keyof WindowBounds, unknown>>;
  if (!isCoordinate(left) || !isCoordinate(top) || !isCoordinate(width) || !isCoordinate(height)) return null;
  if (width < MIN_WINDOW_SIZE.width || height < MIN_WINDOW_SIZE.height) return null;
  return { left, top, width, height };
}

/** The bounds worth saving: changed from the last saved, and valid. */
export const boundsChanged = (saved: WindowBounds | null, next: WindowBounds): boolean =>
  windowBounds(next) !== null &&
  (saved === null ||
    saved.left !== next.left ||
    saved.top !== next.top ||
    saved.width !== next.width ||
    saved.height !== next.height);
