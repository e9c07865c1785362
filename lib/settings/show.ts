import { SHOW_PLACES } from '../show-places';

/**
 * Where Technician Tools shows: beside the ticket (in the page), in the browser's side panel, both, or in a window of
 * its own (a second monitor) that follows the ticket of the browser window used last.
 */
export type ShowPlace = (typeof SHOW_PLACES)[number];

export const isShowPlace = (value: unknown): value is ShowPlace => SHOW_PLACES.includes(value as ShowPlace);

/**
 * Firefox never sends ImmyBot's cookie to a frame under a HaloPSA page, but does to one in the sidebar:
 * there the side panel is the place that works signed in. Chrome and Edge keep the pane beside the ticket.
 */
export const defaultShowPlace = (firefox: boolean): ShowPlace => (firefox ? 'sidePanel' : 'page');

/** The place in effect: the user's choice, else this browser's default (null = never chosen). */
export const showPlace = (chosen: ShowPlace | null, firefox = import.meta.env.FIREFOX): ShowPlace =>
  chosen ?? defaultShowPlace(firefox);

export const showsInPage = (place: ShowPlace): boolean => place === 'page' || place === 'both';
export const showsInSidePanel = (place: ShowPlace): boolean => place === 'sidePanel' || place === 'both';

/** Each place as the options page names it. */
export const SHOW_PLACE_LABELS: Record<ShowPlace, string> = {
  page: 'Beside the ticket',
  sidePanel: 'In the side panel',
  both: 'Both',
  window: 'In its own window',
};
